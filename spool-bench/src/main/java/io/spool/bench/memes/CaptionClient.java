package io.spool.bench.memes;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Asks a caption server on loopback, on kept-alive HTTP/1.1 connections, with the query every contender's
 * server takes (spool-memes' own): {@code GET /caption?template=…&format=…&top_text=…&bottom_text=…}.
 */
final class CaptionClient implements AutoCloseable {
    /**
     * How long one caption may take: on a busy 2-core machine the slowest contenders' GIFs under 64 clients wait tens
     * of seconds in their servers' queues, and that is a figure to report, not a failure.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(300);

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    CaptionClient(int port) {
        this.port = port;
    }

    byte[] caption(Workload w, String top, String bottom) throws IOException, InterruptedException {
        return get("/caption?template=" + w.template + "&format=" + w.format
                + "&top_text=" + URLEncoder.encode(top, StandardCharsets.UTF_8)
                + "&bottom_text=" + URLEncoder.encode(bottom, StandardCharsets.UTF_8));
    }

    /** The bytes of a 200 answer to {@code GET path}; anything else fails. */
    byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    @Override
    public void close() {
        client.close();
    }
}
