package io.spool.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link WebApp#testOverSockets}'s client: the JDK's HTTP/1.1 client against the server on its loopback port. */
final class SocketClient implements TestClient, AutoCloseable {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final ObjectMapper mapper;

    SocketClient(int port, ObjectMapper mapper) {
        this.base = "http://127.0.0.1:" + port;
        this.mapper = mapper;
    }

    @Override
    public TestResponse request(String method, String pathAndQuery, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        TestClient.pairs(headers).forEach(b::header);
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> h = new LinkedHashMap<>();
        // Set-Cookie values may hold commas: one per line, as TestResponse.cookies() reads them
        r.headers().map().forEach((name, values) -> h.put(name,
                String.join(name.equalsIgnoreCase("set-cookie") ? "\n" : ", ", values)));
        return new TestResponse(r.statusCode(), h, r.body(), mapper);
    }

    @Override
    public void close() {
        http.close();
    }
}
