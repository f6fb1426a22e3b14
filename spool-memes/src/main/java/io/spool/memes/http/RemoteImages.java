package io.spool.memes.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.spool.memes.assets.Asset;
import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.BadRequestException;
import io.spool.memes.model.LimitExceededException;
import io.spool.memes.model.ServiceException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Fetches {@code ?background=URL} images (and {@code ?style=URL} overlay images), guarded against server-side
 * request forgery. Each hop (the URL and every
 * redirect, at most {@link RemoteImageConfig#maxRedirects}) must be http or https to a host on the allow-list;
 * its name is resolved once, every address it resolves to must pass {@link AddressPolicy}, and the connection
 * goes to that checked address (the Host header and TLS name carry the name), so nothing is resolved twice and a
 * rebinding DNS answer cannot slip a private address in between check and connect. The whole fetch, redirects
 * included, has one deadline; the body is cut off past the byte cap (at once when Content-Length says so).
 * Results are cached by URL (64 MiB, 10 minutes). Errors name the parameter ({@code background}, {@code style}):
 * 400 refused URL, 413 too big,
 * 502 the remote answered badly, 504 too slow.
 */
final class RemoteImages {
    private static final int MAX_HEAD_BYTES = 32 * 1024;

    private final RemoteImageConfig config;
    private final Cache<String, Asset> cache = Caffeine.newBuilder().maximumWeight(64L << 20)
            .<String, Asset>weigher((url, asset) -> asset.bytes().length)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    /** Every address a connection was opened to, in order (what the tests check refusals against). */
    final List<InetSocketAddress> connections = new CopyOnWriteArrayList<>();

    RemoteImages(RemoteImageConfig config) {
        this.config = config;
    }

    /** The image at {@code url} for {@code ?background=}, from the cache or fetched now. */
    Asset fetch(String url) throws InterruptedException {
        return fetch(url, "background");
    }

    /**
     * The image at {@code url} for the request parameter {@code field} ({@code background}, {@code style}), from the
     * cache or fetched now; errors start with the parameter's name.
     */
    Asset fetch(String url, String field) throws InterruptedException {
        if (!config.enabled()) {
            throw new BadRequestException(field + ": remote images are off on this server (start it with "
                    + "--remote-images HOST,... to allow fetching from those hosts)");
        }
        Asset cached = cache.getIfPresent(url);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = new Download(field).run(url);
        Asset asset = new Asset("background", "url-" + AssetStore.hash(bytes), () -> bytes);
        cache.put(url, asset);
        return asset;
    }

    /** One fetch, redirects included: the parameter its errors name and the deadline of the whole of it. */
    private final class Download {
        private final String field;
        private final long deadline = System.nanoTime() + config.timeout().toNanos();

        Download(String field) {
            this.field = field;
        }

        byte[] run(String url) throws InterruptedException {
            URI uri = parse(url);
            for (int hop = 0; hop <= config.maxRedirects(); hop++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException(field + " fetch cancelled");
                }
                InetAddress address = checkedAddress(uri);
                Answer answer = get(uri, address);
                if (answer.location() == null) {
                    return answer.body();
                }
                uri = parse(uri.resolve(answer.location()).toString());
            }
            throw new ServiceException(502, field + ": more than " + config.maxRedirects() + " redirects from " + url);
        }

        private URI parse(String url) {
            try {
                URI uri = new URI(url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getRawUserInfo() != null) {
                    throw new BadRequestException(field + ": only http:// and https:// URLs with a host and no user "
                            + "info are fetched, not " + url);
                }
                return uri;
            } catch (java.net.URISyntaxException e) {
                throw new BadRequestException(field + " is not a valid URL: " + e.getMessage());
            }
        }

        /** The one address this hop connects to, after the allow-list and the address policy passed. */
        private InetAddress checkedAddress(URI uri) {
            String host = uri.getHost().toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
            if (!config.allows(host)) {
                throw new BadRequestException(field + ": host " + host + " is not among the hosts this server may "
                        + "fetch from (--remote-images)");
            }
            InetAddress[] addresses;
            try {
                addresses = InetAddress.getAllByName(host);
            } catch (UnknownHostException e) {
                throw new ServiceException(502, field + ": host " + host + " does not resolve");
            }
            for (InetAddress a : addresses) {
                String refusal = config.permitted().contains(a) ? null : AddressPolicy.refusal(a);
                if (refusal != null) {
                    throw new BadRequestException(field + ": " + host + " resolves to " + a.getHostAddress() + ", "
                            + refusal + "; images are only fetched from public addresses");
                }
            }
            return addresses[0];
        }

        private record Answer(String location, byte[] body) {
        }

        private Answer get(URI uri, InetAddress address) {
            boolean tls = uri.getScheme().equalsIgnoreCase("https");
            int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
            String host = uri.getHost().replaceAll("^\\[|]$", "");
            InetSocketAddress target = new InetSocketAddress(address, port);
            try (Socket plain = new Socket()) {
                connections.add(target);
                plain.connect(target, remainingMillis(uri));
                Socket socket = tls ? tls(plain, host, port) : plain;
                socket.setSoTimeout(remainingMillis(uri));
                String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                String hostHeader = (host.contains(":") ? "[" + host + "]" : host) + (uri.getPort() > 0 ? ":" + port : "");
                OutputStream out = socket.getOutputStream();
                out.write(("GET " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " HTTP/1.1\r\n"
                        + "Host: " + hostHeader + "\r\nUser-Agent: spool-memes\r\nAccept: image/*\r\n"
                        + "Accept-Encoding: identity\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
                Head head = head(in, uri);
                if (head.status() >= 300 && head.status() < 400 && head.headers().containsKey("location")) {
                    return new Answer(head.headers().get("location"), null);
                }
                if (head.status() != 200) {
                    throw new ServiceException(502, field + ": " + uri + " answered " + head.status());
                }
                return new Answer(null, body(in, head, uri));
            } catch (SocketTimeoutException e) {
                throw slow(uri);
            } catch (IOException e) {
                throw new ServiceException(502, field + ": cannot fetch " + uri + ": " + e.getMessage());
            }
        }

        private static Socket tls(Socket plain, String host, int port) throws IOException {
            try {
                SSLSocket ssl = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket(plain, host, port, true);
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");   // the certificate must name the host
                if (!host.contains(":") && !host.matches("[0-9.]+")) {
                    params.setServerNames(List.of(new SNIHostName(host)));
                }
                ssl.setSSLParameters(params);
                ssl.startHandshake();
                return ssl;
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IOException(e);
            }
        }

        private record Head(int status, Map<String, String> headers) {
        }

        private Head head(InputStream in, URI uri) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                checkTime(uri);
                if (b < 0) {
                    throw new IOException("the connection closed before the answer's head ended");
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
                if (head.size() > MAX_HEAD_BYTES) {
                    throw new IOException("the answer's head is longer than " + MAX_HEAD_BYTES + " bytes");
                }
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] status = lines[0].split(" ", 3);
            if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x answer");
            }
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
            }
            try {
                return new Head(Integer.parseInt(status[1]), headers);
            } catch (NumberFormatException e) {
                throw new IOException("unreadable status line");
            }
        }

        private byte[] body(InputStream in, Head head, URI uri) throws IOException {
            String length = head.headers().get("content-length");
            boolean chunked = head.headers().getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
            if (length != null && !chunked) {
                long declared;
                try {
                    declared = Long.parseLong(length);
                } catch (NumberFormatException e) {
                    throw new IOException("unreadable Content-Length");
                }
                if (declared > config.maxBytes()) {
                    throw tooBig(uri);
                }
                return read(in, declared, uri);
            }
            if (!chunked) {
                return read(in, -1, uri);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line(in, uri);
                int semi = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size");
                }
                if (size == 0) {
                    return body.toByteArray();
                }
                if (body.size() + size > config.maxBytes()) {
                    throw tooBig(uri);
                }
                body.writeBytes(read(in, size, uri));
                line(in, uri);
            }
        }

        /** {@code length} bytes (-1: to the end), within the cap and the deadline. */
        private byte[] read(InputStream in, long length, URI uri) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            while (length < 0 || out.size() < length) {
                int want = length < 0 ? buffer.length : (int) Math.min(buffer.length, length - out.size());
                int n = in.read(buffer, 0, want);
                checkTime(uri);
                if (n < 0) {
                    if (length < 0) {
                        break;
                    }
                    throw new IOException("the body ended after " + out.size() + " of " + length + " bytes");
                }
                out.write(buffer, 0, n);
                if (out.size() > config.maxBytes()) {
                    throw tooBig(uri);
                }
            }
            return out.toByteArray();
        }

        private String line(InputStream in, URI uri) throws IOException {
            StringBuilder sb = new StringBuilder();
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0 || sb.length() > 1024) {
                    throw new IOException("bad chunked body");
                }
                if (b != '\r') {
                    sb.append((char) b);
                }
            }
            return sb.toString();
        }

        private int remainingMillis(URI uri) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw slow(uri);
            }
            return (int) Math.min(Integer.MAX_VALUE, left);
        }

        private void checkTime(URI uri) {
            if (System.nanoTime() > deadline) {
                throw slow(uri);
            }
        }

        private ServiceException slow(URI uri) {
            return new ServiceException(504, field + ": " + uri.getHost() + " did not deliver the image within "
                    + config.timeout().toMillis() + " ms");
        }

        private LimitExceededException tooBig(URI uri) {
            return new LimitExceededException(field + ": the image at " + uri + " is larger than " + config.maxBytes()
                    + " bytes");
        }
    }
}
