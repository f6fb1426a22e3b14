package io.spool.memes.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/** A small JDK HttpClient wrapper for the tests, with JSON and image helpers. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .executor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()).build();

    private final URI base;

    Http(URI base) {
        this.base = base;
    }

    Http(MemesServer server) {
        this(server.uri());
    }

    HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET().build());
    }

    HttpResponse<byte[]> head(String pathAndQuery) {
        return send(request(pathAndQuery).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    HttpResponse<byte[]> postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    HttpResponse<byte[]> post(String path, String contentType, String body) {
        return send(request(path, "Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** Any method with an optional body, Content-Type and Authorization. */
    HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body, String authorization) {
        HttpRequest.Builder b = request(path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null && body != null) {
            b.header("Content-Type", contentType);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return send(b.build());
    }

    CompletableFuture<HttpResponse<byte[]>> getAsync(String pathAndQuery) {
        return CLIENT.sendAsync(request(pathAndQuery).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code raw} (a whole request, bytes as written) over a plain socket and returns the whole answer
     * (the server closes the connection because the request says {@code Connection: close} or is malformed).
     */
    String raw(String raw) {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status code of a raw request's answer. */
    int rawStatus(String target) {
        String answer = raw("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        return Integer.parseInt(answer.substring(9, 12));
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
    }

    static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    static BufferedImage image(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new IllegalStateException("not an image");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pixels in rows [from, to) that pass {@code test}. */
    static int count(BufferedImage image, int fromRow, int toRow, IntPredicate test) {
        int n = 0;
        for (int y = Math.max(0, fromRow); y < Math.min(image.getHeight(), toRow); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** True when the pixel is within {@code tolerance} of {@code r, g, b} on every channel. */
    static IntPredicate near(int r, int g, int b, int tolerance) {
        return rgb -> Math.abs((rgb >> 16 & 0xFF) - r) <= tolerance && Math.abs((rgb >> 8 & 0xFF) - g) <= tolerance
                && Math.abs((rgb & 0xFF) - b) <= tolerance;
    }
}
