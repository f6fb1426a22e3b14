package io.spool.web;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response with full control of status, headers and body. The body is {@code null} (no body), a
 * {@code byte[]}, a {@link String}, an {@link InputStream} (streamed; chunked unless a length is given), or any
 * other object (written as JSON). Header names are case-insensitive; a status outside 100-599 is refused with
 * an {@link IllegalArgumentException}. Mutable, so that after-filters can adjust it; a handler builds one per
 * request.
 */
public final class Response {
    private int status;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private Object body;
    private long contentLength = -1;
    private List<String> cookies;   // Set-Cookie values: the one header that cannot be folded into one line

    private Response(int status) {
        this.status = checkStatus(status);
    }

    public static Response status(int status) {
        return new Response(status);
    }

    public static Response ok(Object body) {
        return new Response(200).body(body);
    }

    public static Response json(int status, Object value) {
        return new Response(status).body(value).contentType("application/json");
    }

    public static Response text(int status, String text) {
        return new Response(status).body(text).contentType("text/plain; charset=utf-8");
    }

    /** A body read from {@code stream} as the client can take it; {@code length} is -1 when unknown. */
    public static Response stream(InputStream stream, long length, String contentType) {
        Response r = new Response(200).body(stream).contentType(contentType);
        r.contentLength = length;
        return r;
    }

    public static Response redirect(String location) {
        return new Response(302).header("Location", location);
    }

    public Response body(Object body) {
        this.body = body;
        return this;
    }

    public Response setStatus(int status) {
        this.status = checkStatus(status);
        return this;
    }

    public Response header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sets a cookie on the client (one {@code Set-Cookie} header each; see {@link Cookie}). */
    public Response cookie(Cookie cookie) {
        if (cookies == null) {
            cookies = new java.util.ArrayList<>();
        }
        cookies.add(cookie.header());
        return this;
    }

    /** The {@code Set-Cookie} values, in the order set. */
    public List<String> cookies() {
        return cookies == null ? List.of() : java.util.Collections.unmodifiableList(cookies);
    }

    public Response contentType(String contentType) {
        return header("Content-Type", contentType);
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The headers, case-insensitive by name, in no promised order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The length of a streamed body when it was given, else -1. */
    public long streamLength() {
        return contentLength;
    }

    /** The body as text, for tests and filters; {@code null} for streams and absent bodies. */
    public String bodyText() {
        return switch (body) {
            case String s -> s;
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            case null, default -> null;
        };
    }

    /** The highest status taken; {@link Metrics} counts statuses in a table indexed up to it. */
    static final int MAX_STATUS = 599;

    /** A status is one of the classes 1xx to 5xx. */
    static int checkStatus(int status) {
        if (status < 100 || status > MAX_STATUS) {
            throw new IllegalArgumentException("status out of range: " + status);
        }
        return status;
    }

    static Map<String, Object> errorBody(String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error", message);
        return m;
    }

    static Response error(int status, String message) {
        return json(status, errorBody(message));
    }

    static Response error(int status, String message, List<String> allow) {
        return error(status, message).header("Allow", String.join(", ", allow));
    }
}
