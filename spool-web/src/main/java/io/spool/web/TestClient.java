package io.spool.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A client for testing a {@link WebApp}, given by {@link WebApp#test} (in process, no sockets) or
 * {@link WebApp#testOverSockets} (a real server on a loopback port). Requests are plain calls that return a
 * {@link TestResponse}; headers are given as name, value pairs.
 */
public interface TestClient {
    /** What a test does with its client; it may throw whatever its assertions throw. */
    @FunctionalInterface
    interface Scenario {
        void run(TestClient client) throws Exception;
    }

    /** Sends one request; {@code body} may be null; {@code headers} are name, value pairs. */
    TestResponse request(String method, String pathAndQuery, byte[] body, String... headers) throws Exception;

    default TestResponse get(String pathAndQuery, String... headers) throws Exception {
        return request("GET", pathAndQuery, null, headers);
    }

    default TestResponse post(String pathAndQuery, String body, String... headers) throws Exception {
        return request("POST", pathAndQuery, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    default TestResponse put(String pathAndQuery, String body, String... headers) throws Exception {
        return request("PUT", pathAndQuery, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    default TestResponse delete(String pathAndQuery, String... headers) throws Exception {
        return request("DELETE", pathAndQuery, null, headers);
    }

    /** A JSON body with {@code Content-Type: application/json}. */
    default TestResponse postJson(String pathAndQuery, String json) throws Exception {
        return request("POST", pathAndQuery, json.getBytes(StandardCharsets.UTF_8), "Content-Type",
                "application/json");
    }

    static Map<String, String> pairs(String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers come as name, value pairs");
        }
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return map;
    }
}
