package io.spool.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A response as a {@link TestClient} received it: status, headers (case-insensitive names) and body. */
public final class TestResponse {
    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;
    private final ObjectMapper mapper;

    TestResponse(int status, Map<String, String> headers, byte[] body, ObjectMapper mapper) {
        this.status = status;
        TreeMap<String, String> sorted = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        sorted.putAll(headers);
        this.headers = Collections.unmodifiableMap(sorted);
        this.body = body;
        this.mapper = mapper;
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The {@code Set-Cookie} values, in order. */
    public java.util.List<String> cookies() {
        String all = headers.get("Set-Cookie");
        return all == null ? java.util.List.of() : java.util.List.of(all.split("\n"));
    }

    /** The value a {@code Set-Cookie} gave cookie {@code name}, or null. */
    public String cookie(String name) {
        for (String c : cookies()) {
            if (c.startsWith(name + "=")) {
                int end = c.indexOf(';');
                return c.substring(name.length() + 1, end < 0 ? c.length() : end);
            }
        }
        return null;
    }

    public byte[] body() {
        return body;
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body read as JSON by the app's object mapper. */
    public JsonNode json() throws IOException {
        return mapper.readTree(body);
    }

    public <T> T json(Class<T> type) throws IOException {
        return mapper.readValue(body, type);
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + text();
    }
}
