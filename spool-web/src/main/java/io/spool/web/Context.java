package io.spool.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as its handler sees it: method, path, headers, query, path parameters, body, remote address,
 * per-request attributes, and the response status and headers the handler wants beside its return value.
 * Typed accessors ({@link #pathParamInt}, {@link #queryParam(String, Class)}, {@link #bodyAs}) answer a value
 * of the wrong shape with a 400 {@link HttpError}. A context belongs to its request's virtual thread.
 */
public final class Context {
    private final String method;
    private final RequestTarget target;
    private final HttpHeaders headers;
    private byte[] body;
    private final BodyStream stream;   // a streaming route's body, else null
    private final InetSocketAddress remote;
    private final ObjectMapper mapper;
    private final String requestId;
    private Map<String, List<String>> query;
    private Router.Match match;
    private Map<String, List<String>> form;
    private Map<String, Object> attributes;        // made on first use: most requests set none
    private Map<String, String> responseHeaders;   // likewise
    private List<Cookie> responseCookies;           // likewise
    private Map<String, String> cookies;            // the request's, parsed on first use
    private Services services;                      // null only in the dispatcher's absence
    private Session session;
    private MultipartBody multipart;                // parsed on first use
    private int status;
    private io.netty.channel.EventLoop eventLoop;   // null in the in-process test client

    Context(String method, RequestTarget target, HttpHeaders headers, byte[] body, BodyStream stream,
            InetSocketAddress remote, ObjectMapper mapper, String requestId) {
        this.method = method;
        this.target = target;
        this.headers = headers;
        this.body = body;
        this.stream = stream;
        this.remote = remote;
        this.mapper = mapper;
        this.requestId = requestId;
    }

    void eventLoop(io.netty.channel.EventLoop loop) {
        this.eventLoop = loop;
    }

    /**
     * The Netty event loop of the request's connection (empty in {@link WebApp#test}'s in-process client). Under
     * {@link Threading#LOOP_CARRIERS} it also carries this handler's virtual thread: a Netty client on the same
     * loop ({@link WebApp#eventLoops}), such as spool-pg's {@code PgNettyPool.on(loop, ...)}, then answers without
     * waking any other thread.
     */
    public java.util.Optional<io.netty.channel.EventLoop> eventLoop() {
        return java.util.Optional.ofNullable(eventLoop);
    }

    void match(Router.Match match) {
        this.match = match;
    }

    Router.Match match() {
        return match;
    }

    public String method() {
        return method;
    }

    /**
     * The path the router matched: percent-decoded (UTF-8), dot segments removed, without the query. Filters that
     * guard paths must read this one: the router, static files and every filter see the same string, so
     * {@code /%61dmin} and {@code /x/../admin} are {@code /admin} for all of them. {@code *} for {@code OPTIONS *}.
     */
    public String path() {
        return target.path();
    }

    /** The request target exactly as the client sent it (still encoded, with the query; absolute-form kept). */
    public String rawTarget() {
        return target.raw();
    }

    /** The query as sent, still encoded, without the {@code ?}; null when the target has none. */
    public String rawQuery() {
        return target.rawQuery();
    }

    Router.Route route() {
        return match == null ? null : match.route();
    }

    /** The pattern of the matched route ({@code /caption/{template}}), or null when none matched. */
    public String routePattern() {
        return match == null ? null : match.pattern();
    }

    public String requestId() {
        return requestId;
    }

    public InetSocketAddress remoteAddress() {
        return remote;
    }

    // ---- headers

    public String header(String name) {
        return headers.get(name);
    }

    /**
     * The credentials of an {@code Authorization: Bearer <token>} header (the scheme in any case, the token
     * stripped), or null when the request carries none.
     */
    public String bearerToken() {
        String auth = header("Authorization");
        String scheme = "Bearer ";
        if (auth == null || auth.length() <= scheme.length() || !auth.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return null;
        }
        return auth.substring(scheme.length()).strip();
    }

    public List<String> headers(String name) {
        return headers.getAll(name);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String contentType() {
        return headers.get("Content-Type");
    }

    // ---- path parameters

    public String pathParam(String name) {
        String v = match == null ? null : match.params().get(name);
        if (v == null) {
            throw new IllegalArgumentException("no path parameter {" + name + "} in " + routePattern());
        }
        return v;
    }

    public <T> T pathParam(String name, Class<T> type) {
        return Params.convert(pathParam(name), type, "path parameter '" + name + "'", mapper);
    }

    public int pathParamInt(String name) {
        return pathParam(name, Integer.class);
    }

    public long pathParamLong(String name) {
        return pathParam(name, Long.class);
    }

    public Map<String, String> pathParams() {
        return match == null ? Map.of() : match.params();
    }

    // ---- query

    private Map<String, List<String>> params() {
        if (query == null) {
            try {
                query = target.rawQuery() == null ? Map.of()
                        : new QueryStringDecoder(target.rawQuery(), StandardCharsets.UTF_8, false).parameters();
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("malformed query string: " + e.getMessage());
            }
        }
        return query;
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = params().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of a repeated query parameter, in order; empty when absent. */
    public List<String> queryParams(String name) {
        return params().getOrDefault(name, List.of());
    }

    public <T> T queryParam(String name, Class<T> type) {
        return Params.convert(queryParam(name), type, "query parameter '" + name + "'", mapper);
    }

    public <T> T queryParam(String name, Class<T> type, T fallback) {
        T v = queryParam(name, type);
        return v == null ? fallback : v;
    }

    public Map<String, List<String>> queryMap() {
        return params();
    }

    /** The query read as nested data, serde_qs style: {@code a[0][b]=1} → {@code {"a":[{"b":"1"}]}}. */
    public JsonNode queryTree() {
        return NestedQuery.parse(params());
    }

    /** The nested query converted to {@code type} (a record, a POJO, a Map); a mismatch is a 400. */
    public <T> T queryAs(Class<T> type) {
        return convertTree(queryTree(), type, "query");
    }

    // ---- body

    /**
     * The whole body. On a {@link WebApp#streaming} route this reads the rest of the stream into memory first
     * (up to the streaming limit): prefer {@link #bodyStream()} there.
     */
    public byte[] body() {
        if (stream != null && body.length == 0) {
            try {
                body = stream.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return body;
    }

    /**
     * The body as a stream: on a {@link WebApp#streaming} route, the bytes as they arrive (a read blocks until
     * more come, pauses the client while unread bytes pile up, and throws a 408 or 413 {@link HttpError} past the
     * read timeout or the streaming limit); on other routes, the body already received.
     */
    public InputStream bodyStream() {
        return stream != null ? stream : new ByteArrayInputStream(body);
    }

    BodyStream stream() {
        return stream;
    }

    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** The body as JSON, or as a nested urlencoded form when the Content-Type says so; bad input is a 400. */
    public <T> T bodyAs(Class<T> type) {
        if (isForm()) {
            return convertTree(NestedQuery.parse(formParams()), type, "form");
        }
        try {
            return mapper.readValue(body(), type);
        } catch (JsonProcessingException e) {
            throw HttpError.badRequest("invalid JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw HttpError.badRequest("unreadable body");
        }
    }

    public JsonNode bodyJson() {
        return bodyAs(JsonNode.class);
    }

    /** The form fields of a urlencoded or multipart body (files left out; empty for other content types). */
    public Map<String, List<String>> formParams() {
        if (form == null && MultipartBody.applies(contentType())) {
            Map<String, List<String>> fields = new java.util.LinkedHashMap<>();
            for (FormPart part : formParts()) {
                if (!part.isFile()) {
                    try {
                        fields.computeIfAbsent(part.name(), k -> new java.util.ArrayList<>()).add(part.text());
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
            form = fields;
        }
        if (form == null) {
            try {
                form = isForm() ? new QueryStringDecoder(bodyText(), StandardCharsets.UTF_8, false).parameters()
                        : Map.of();
            } catch (IllegalArgumentException e) {
                throw HttpError.badRequest("malformed form body: " + e.getMessage());
            }
        }
        return form;
    }

    public String formParam(String name) {
        List<String> values = formParams().get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public <T> T formParam(String name, Class<T> type) {
        return Params.convert(formParam(name), type, "form field '" + name + "'", mapper);
    }

    private boolean isForm() {
        String ct = contentType();
        return ct != null && ct.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private <T> T convertTree(JsonNode tree, Class<T> type, String what) {
        try {
            return mapper.convertValue(tree, type);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonProcessingException j ? j : e;
            String msg = cause instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw HttpError.badRequest("invalid " + what + ": " + msg);
        }
    }

    // ---- attributes

    @SuppressWarnings("unchecked")
    public <T> T attribute(String name) {
        return attributes == null ? null : (T) attributes.get(name);
    }

    public Context attribute(String name, Object value) {
        if (attributes == null) {
            attributes = new HashMap<>();
        }
        attributes.put(name, value);
        return this;
    }

    // ---- response

    /** Sets the status (100-599) for a plain return value (a {@link Response} carries its own). */
    public Context status(int status) {
        this.status = Response.checkStatus(status);
        return this;
    }

    public int status() {
        return status;
    }

    public Context responseHeader(String name, String value) {
        responseHeaders().put(name, value);
        return this;
    }

    /** The headers set so far for the response, case-insensitive by name; the map may be changed. */
    public Map<String, String> responseHeaders() {
        if (responseHeaders == null) {
            responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        }
        return responseHeaders;
    }

    /** Forgets the status, headers and cookies a failed handler set: an exception mapper answers afresh. */
    void resetResponse() {
        status = 0;
        responseHeaders = null;
        responseCookies = null;
    }

    // ---- server-sent events

    /**
     * An answer that is a {@code text/event-stream}: {@code source} runs on a virtual thread of its own and sends
     * events until it returns or the client goes (its next send then throws). A comment goes out after 15 s
     * without an event. Return it from the handler: {@code return ctx.sse(events -> events.send("hi"));}
     */
    public Response sse(ServerSentEvents.Source source) {
        return sse(java.time.Duration.ofSeconds(15), source);
    }

    /** As {@link #sse(ServerSentEvents.Source)}, with the heartbeat period given. */
    public Response sse(java.time.Duration heartbeat, ServerSentEvents.Source source) {
        EventStream stream = new EventStream(source, header("Last-Event-ID"), heartbeat.toNanos());
        return Response.stream(stream, -1, "text/event-stream; charset=utf-8")
                .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no");
    }

    // ---- cookies and the session

    /** The value of the request's cookie {@code name}, or null (cookies parsed by RFC 6265's strict rules). */
    public String cookie(String name) {
        return cookies().get(name);
    }

    /** The request's cookies by name (the first of a repeated name). */
    public Map<String, String> cookies() {
        if (cookies == null) {
            Map<String, String> parsed = new java.util.LinkedHashMap<>();
            for (String header : headers.getAll("Cookie")) {
                ServerCookieDecoder.STRICT.decodeAll(header).forEach(c -> parsed.putIfAbsent(c.name(), c.value()));
            }
            cookies = parsed;
        }
        return cookies;
    }

    /** Sets a cookie with a plain return value's response (a returned {@link Response} takes them too). */
    public Context setCookie(Cookie cookie) {
        if (responseCookies == null) {
            responseCookies = new java.util.ArrayList<>();
        }
        responseCookies.add(cookie);
        return this;
    }

    List<Cookie> responseCookies() {
        return responseCookies == null ? List.of() : responseCookies;
    }

    void services(Services s) {
        this.services = s;
    }

    /**
     * This client's session, read from its session cookie (or new and empty); changes are sent back as that
     * cookie with the answer. Needs {@link WebApp#sessions}.
     */
    public Session session() {
        if (session == null) {
            SessionStore store = sessionStore();
            if (store == null) {
                throw new IllegalStateException("this app has no sessions: call app.sessions(SessionStore...) first");
            }
            session = store.read(cookie(store.cookieName()));
        }
        return session;
    }

    /** The session if one was read or made during this request, else null (for the dispatcher). */
    Session sessionIfUsed() {
        return session;
    }

    SessionStore sessionStore() {
        return services == null ? null : services.sessions();
    }

    // ---- multipart

    /**
     * The parts of a {@code multipart/form-data} body, in order (empty for other bodies), read on first call:
     * parts past the memory threshold go to temporary files, deleted when the request ends. Malformed: 400; more
     * parts or larger parts than {@link WebApp#multipart} allows: 413. On a {@link WebApp#streaming} route the
     * parts are read as the body arrives.
     */
    public List<FormPart> formParts() {
        if (multipart == null) {
            if (!MultipartBody.applies(contentType())) {
                return List.of();
            }
            try {
                multipart = MultipartBody.read(headers, bodyStream(), services.multipart());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return multipart.parts();
    }

    /** The parts of a multipart body that are files. */
    public List<FormPart> uploadedFiles() {
        return formParts().stream().filter(FormPart::isFile).toList();
    }

    /** Deletes what the request's body left on disk (the server calls this when the request ends). */
    void releaseBody() {
        if (multipart != null) {
            multipart.release();
        }
        if (stream != null) {
            stream.close();
        }
    }

    /**
     * The token a form of this session's must carry (as field {@code _csrf} or header {@code X-CSRF-Token}) when
     * the app guards against cross-site requests ({@link WebApp#csrf()}); made and kept in the session.
     */
    public String csrfToken() {
        String token = session().get(Csrf.SESSION_KEY);
        if (token == null) {
            token = Csrf.newToken();
            session().put(Csrf.SESSION_KEY, token);
        }
        return token;
    }

    boolean hasResponseHeaders() {
        return responseHeaders != null && !responseHeaders.isEmpty();
    }

    ObjectMapper mapper() {
        return mapper;
    }
}
