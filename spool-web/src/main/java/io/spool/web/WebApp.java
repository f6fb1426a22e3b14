package io.spool.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The application: routes, filters, exception mappers and settings, then {@link #start(int)}. Handlers are
 * plain objects (state goes in through their constructors) and run on virtual threads:
 * <pre>{@code
 * WebApp app = WebApp.create();
 * app.get("/hello/{name}", ctx -> "hello " + ctx.pathParam("name"));
 * try (WebServer server = app.start(8080)) { ... }
 * }</pre>
 * Configure before starting; an app may start more than one server, each with the settings of its start.
 */
public final class WebApp {
    private static final System.Logger ACCESS = System.getLogger("io.spool.web.access");

    private final Router router = new Router();
    private final List<BeforeFilter> before = new ArrayList<>();
    private final List<AfterFilter> after = new ArrayList<>();
    private final Map<Class<?>, ExceptionMapper<?>> mappers = new LinkedHashMap<>();
    private final Metrics metrics = new Metrics();
    private final AtomicReference<WebServer> lastServer = new AtomicReference<>();
    private final Settings settings = new Settings();
    private ObjectMapper mapper = defaultMapper();
    private Consumer<AccessLog> accessLog;
    private SessionStore sessions;

    private WebApp() {}

    /**
     * Jackson with unknown JSON properties ignored and buffers recycled through one pool for all of the app's
     * threads: Jackson's default pool is per thread, and every request runs on a new virtual thread, so it would
     * allocate fresh 8 KB buffers for each body read or written (a quarter of the CPU of a small JSON answer). The
     * pool is striped ({@link StripedRecyclerPool}), so that the cores do not queue on one shared list.
     */
    private static ObjectMapper defaultMapper() {
        JsonFactory json = JsonFactory.builder()
                .recyclerPool(new StripedRecyclerPool(Runtime.getRuntime().availableProcessors())).build();
        return new ObjectMapper(json).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public static WebApp create() {
        return new WebApp();
    }

    // ---- routes

    public WebApp get(String pattern, Handler handler) {
        return route("GET", pattern, handler);
    }

    public WebApp post(String pattern, Handler handler) {
        return route("POST", pattern, handler);
    }

    public WebApp put(String pattern, Handler handler) {
        return route("PUT", pattern, handler);
    }

    public WebApp delete(String pattern, Handler handler) {
        return route("DELETE", pattern, handler);
    }

    public WebApp patch(String pattern, Handler handler) {
        return route("PATCH", pattern, handler);
    }

    /** A route for any method ({@code GET}, {@code OPTIONS}, ...); patterns take {@code {param}} and a final {@code *}. */
    public WebApp route(String method, String pattern, Handler handler) {
        return add(method, pattern, handler, false);
    }

    /**
     * A route whose handler reads the body while it arrives, through {@link Context#bodyStream()}, instead of
     * after it was gathered whole: for uploads larger than memory should hold. The handler starts at the request's
     * head; reading pauses while it has not taken what arrived, so a body costs tens of kilobytes, not its size.
     * The body may be up to {@link #maxStreamedBodySize} (past it a read throws a 413 {@link HttpError}); a read
     * that waits longer than the read timeout for bytes throws a 408; a handler that answers before the whole
     * body arrived closes the connection after its answer.
     */
    public WebApp streaming(String method, String pattern, Handler handler) {
        return add(method, pattern, handler, true);
    }

    /**
     * A WebSocket route: a GET with a valid opening handshake switches to WebSocket frames and {@code handler} runs
     * on a virtual thread of its own for the socket's life (see {@link WebSocketHandler}); before-filters run on
     * the handshake as on any request, so they can authenticate it. {@link WsOptions#defaults()} limits apply.
     */
    public WebApp ws(String pattern, WebSocketHandler handler) {
        return ws(pattern, WsOptions.defaults(), handler);
    }

    public WebApp ws(String pattern, WsOptions options, WebSocketHandler handler) {
        Objects.requireNonNull(handler);
        return get(pattern, ctx -> WsUpgrade.check(ctx, handler, options));
    }

    private WebApp add(String method, String pattern, Handler handler, boolean streaming) {
        String m = method.toUpperCase(java.util.Locale.ROOT);
        router.add(m, pattern, Objects.requireNonNull(handler), metrics.series(m, pattern), streaming);
        return this;
    }

    // ---- sessions

    /**
     * Gives every request a {@link Context#session()} kept in a cookie by {@code store}
     * ({@link SessionStore#signed} or {@link SessionStore#encrypted}).
     */
    public WebApp sessions(SessionStore store) {
        this.sessions = Objects.requireNonNull(store);
        return this;
    }

    /**
     * Guards against cross-site request forgery: a POST, PUT, PATCH or DELETE that carries the session cookie is a
     * 403 unless it also carries the session's {@link Context#csrfToken()} as form field {@code _csrf} or header
     * {@code X-CSRF-Token}. Needs {@link #sessions}; runs before the filters added after it.
     */
    public WebApp csrf() {
        return before(new Csrf());
    }

    // ---- filters and errors

    public WebApp before(BeforeFilter filter) {
        before.add(filter);
        return this;
    }

    public WebApp after(AfterFilter filter) {
        after.add(filter);
        return this;
    }

    /** Maps exceptions of {@code type} (and subclasses without their own mapper) to a response value. */
    public <E extends Throwable> WebApp exception(Class<E> type, ExceptionMapper<? super E> mapper) {
        mappers.put(type, mapper);
        return this;
    }

    /** Logs every request at INFO on the {@code io.spool.web.access} logger. */
    public WebApp accessLog() {
        return accessLog(line -> ACCESS.log(System.Logger.Level.INFO, line.toString()));
    }

    /** Hands every finished request to {@code consumer}, on a virtual thread. */
    public WebApp accessLog(Consumer<AccessLog> consumer) {
        this.accessLog = consumer;
        return this;
    }

    /** Applies CORS: answers preflights and adds the allow headers to responses for allowed origins. */
    public WebApp cors(Cors cors) {
        before.add(0, cors::preflight);
        after.add(cors::decorate);
        return this;
    }

    /** Serves files under {@code directory} at {@code urlPrefix/*} (GET and HEAD), with ETag and 304. */
    public WebApp staticFiles(String urlPrefix, Path directory) {
        return get(wildcard(urlPrefix), StaticFiles.directory(directory));
    }

    /** Serves class-path resources under {@code root} at {@code urlPrefix/*}. */
    public WebApp staticResources(String urlPrefix, String root) {
        return get(wildcard(urlPrefix), StaticFiles.classpath(root, WebApp.class.getClassLoader()));
    }

    private static String wildcard(String prefix) {
        return (prefix.endsWith("/") ? prefix : prefix + "/") + "*";
    }

    /** {@code GET /health}: 200 {@code {"status":"ok"}}, or 503 {@code {"status":"draining"}} while stopping. */
    public WebApp health() {
        return get("/health", ctx -> {
            WebServer s = lastServer.get();
            boolean draining = s != null && s.isDraining();
            return Response.json(draining ? 503 : 200, Map.of("status", draining ? "draining" : "ok"));
        });
    }

    /** {@code GET /metrics} in the Prometheus text format. */
    public WebApp metrics() {
        return get("/metrics", ctx -> Response.text(200, metrics.scrape())
                .contentType("text/plain; version=0.0.4; charset=utf-8"));
    }

    public Metrics metricsRegistry() {
        return metrics;
    }

    // ---- settings

    /**
     * Replaces the default mapper. Give it a shared recycler pool too ({@code JsonFactory.builder().recyclerPool(
     * JsonRecyclerPools.newConcurrentDequePool())}): handlers run on fresh virtual threads.
     */
    public WebApp objectMapper(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper);
        return this;
    }

    public ObjectMapper objectMapper() {
        return mapper;
    }

    /** Largest body of a {@link #streaming} route; past it, a read of the body throws a 413. Default 1 GiB. */
    public WebApp maxStreamedBodySize(long bytes) {
        settings.maxStreamedBodySize = bytes;
        return this;
    }

    /**
     * Limits of {@code multipart/form-data} bodies ({@link Context#formParts()}): the number of parts (default
     * 1000), each part's size (default the body limit), and the size past which a part goes to a temporary file
     * in {@code uploadDir} rather than memory (default 16 KiB; {@code uploadDir} null keeps the default,
     * {@code spool-web-uploads} in the system's temporary directory).
     */
    public WebApp multipart(int maxParts, long maxPartSize, long memoryThreshold, java.nio.file.Path uploadDir) {
        settings.maxParts = maxParts;
        settings.maxPartSize = maxPartSize;
        settings.partMemoryThreshold = memoryThreshold;
        if (uploadDir != null) settings.uploadDir = uploadDir;
        return this;
    }

    /**
     * Also speaks HTTP/2 on the cleartext port to clients that start with its preface (prior knowledge, {@code h2c}),
     * at most {@code maxStreams} streams at once per connection; HTTP/1.1 clients are served as before. Off by
     * default. (Over TLS, HTTP/2 is chosen by ALPN, with the same stream limit.)
     */
    public WebApp http2Cleartext(boolean on, int maxStreams) {
        settings.http2Cleartext = on;
        settings.http2MaxStreams = maxStreams;
        return this;
    }

    /** Largest request body; larger gets a 413. Default 10 MiB. */
    public WebApp maxBodySize(int bytes) {
        settings.maxBodySize = bytes;
        return this;
    }

    /**
     * The server-wide cap on bytes held by request bodies not yet answered (default: a quarter of the heap, at
     * least {@link #maxBodySize}). A body with a Content-Length is admitted whole before any of it is read, a
     * chunked one piece by piece; what does not fit waits up to {@code wait} with the connection's reading paused,
     * then gets a 503 with {@code Retry-After}.
     */
    public WebApp bodyBudget(long bytes, Duration wait) {
        if (bytes < 0 || wait.isNegative()) {
            throw new IllegalArgumentException("the body budget and its wait must not be negative");
        }
        settings.bodyBudget = bytes;
        settings.bodyBudgetWait = wait;
        return this;
    }

    /** Largest header block; larger gets a 431. Default 16 KiB. */
    public WebApp maxHeaderSize(int bytes) {
        settings.maxHeaderSize = bytes;
        return this;
    }

    /** Longest request line (method, target, version); longer gets a 414. Default 8 KiB. */
    public WebApp maxRequestLineLength(int bytes) {
        settings.maxInitialLineLength = bytes;
        return this;
    }

    /** How long a kept-alive connection may sit without a request. Default 60 s. */
    public WebApp idleTimeout(Duration d) {
        settings.idleTimeout = d;
        return this;
    }

    /** How long a request may take to arrive once its first byte did; past it, 408. Default 30 s. */
    public WebApp readTimeout(Duration d) {
        settings.readTimeout = d;
        return this;
    }

    /** The per-request deadline: past it the client gets {@code status} and the handler is interrupted. */
    public WebApp deadline(Duration d, int status) {
        settings.deadline = d;
        settings.deadlineStatus = status;
        return this;
    }

    /** The per-request deadline, answered with 503. Default 30 s. */
    public WebApp deadline(Duration d) {
        return deadline(d, 503);
    }

    /**
     * Whether a handler still running when its client closes the connection is interrupted, as at the deadline,
     * so that work nobody will read stops early (its answer is dropped; metrics count it as 499). Off by default:
     * a handler may have work to finish whoever waits for it.
     */
    public WebApp interruptWhenClientLeaves(boolean on) {
        settings.interruptWhenClientLeaves = on;
        return this;
    }

    /** How long a streamed response waits for a client that stopped reading before it cuts the connection. */
    public WebApp stallTimeout(Duration d) {
        settings.stallTimeout = d;
        return this;
    }

    /** Gzip/deflate for clients that ask, on bodies of 1 KiB or more. On by default. */
    public WebApp compression(boolean on) {
        settings.compression = on;
        return this;
    }

    /** Event loops (they only parse and write). Default: one per core. */
    public WebApp ioThreads(int n) {
        settings.ioThreads = n;
        return this;
    }

    /**
     * Event loops as a server makes its own on platform threads: {@code threads} NIO loops that, while one of their
     * requests is in flight, yield and poll a while before they block (see {@link Threading}). For an application
     * that shares its loops with a Netty client through {@link #eventLoops}, such as spool-pg's {@code PgNettyPool};
     * the application shuts them down.
     */
    public static io.netty.channel.EventLoopGroup newEventLoops(int threads) {
        return EventLoops.group(threads, false);
    }

    /**
     * Runs the connections on {@code group}, event loops the application made ({@link #newEventLoops}, or a {@code
     * MultiThreadIoEventLoopGroup} with NIO), instead of {@link #ioThreads} loops of the server's own: a Netty client on the same group, such as
     * spool-pg's {@code PgNettyPool}, then answers on the threads that carry the handlers, with no hand-over to
     * threads of its own. The server never shuts the group down; the application does, after stopping the server.
     * Not with {@link Threading#VIRTUAL_LOOPS}, whose loops are virtual threads the server makes (start fails).
     */
    public WebApp eventLoops(io.netty.channel.EventLoopGroup group) {
        settings.eventLoops = Objects.requireNonNull(group, "group");
        return this;
    }

    /**
     * Which threads carry the event loops and the handlers (see {@link Threading}). Default: {@link
     * Threading#best()}, loop carriers where {@code java.lang} is open to spool-web, else virtual loops from JDK 25,
     * else platform loops. Whatever the mode, put long CPU-bound work on a platform pool (as spool-memes does
     * with its renders); only platform loops keep answering deadlines and refusing bad input while handlers hold
     * every core.
     *
     * @throws IllegalArgumentException for a mode this JVM does not support
     */
    public WebApp threading(Threading mode) {
        if (!mode.supported()) {
            throw new IllegalArgumentException(mode + " is not supported in this JVM (Java "
                    + Runtime.version().feature() + (mode == Threading.LOOP_CARRIERS
                    ? "; run with --add-opens java.base/java.lang=ALL-UNNAMED)"
                    : "; virtual loops need JDK 25, whose selector parks a virtual thread, not its carrier)"));
        }
        settings.threading = mode;
        return this;
    }

    // ---- testing

    /**
     * Runs {@code scenario} with a client whose requests go straight to this app's routes, filters and handlers,
     * each on a virtual thread, with no socket: fast, and enough for most handler tests. Framing, compression,
     * timeouts and limits are the server's and need {@link #testOverSockets}.
     */
    public void test(TestClient.Scenario scenario) throws Exception {
        try (InProcessClient client = new InProcessClient(dispatcher(), mapper)) {
            scenario.run(client);
        }
    }

    /** Runs {@code scenario} against a real server of this app on a free loopback port, stopped afterwards. */
    public void testOverSockets(TestClient.Scenario scenario) throws Exception {
        try (WebServer server = start("127.0.0.1", 0); SocketClient client = new SocketClient(server.port(), mapper)) {
            scenario.run(client);
        }
    }

    private Dispatcher dispatcher() {
        long maxPart = settings.maxPartSize > 0 ? settings.maxPartSize : settings.maxBodySize;
        return new Dispatcher(router, before, after, mappers, mapper, new Services(sessions,
                new MultipartBody.Limits(settings.maxParts, maxPart, settings.partMemoryThreshold, settings.uploadDir)));
    }

    // ---- start

    /** Starts on all interfaces; port 0 picks a free one (see {@link WebServer#port()}). */
    public WebServer start(int port) {
        return start("0.0.0.0", port);
    }

    public WebServer start(String host, int port) {
        return start(host, port, null);
    }

    /** Starts with TLS on all interfaces: HTTP/2 or HTTP/1.1 as ALPN settles it (see {@link Tls}). */
    public WebServer start(int port, Tls tls) {
        return start("0.0.0.0", port, tls);
    }

    /** Starts on {@code host}; with TLS when {@code tls} is not null. */
    public WebServer start(String host, int port, Tls tls) {
        if (settings.eventLoops != null && settings.threading == Threading.VIRTUAL_LOOPS) {
            throw new IllegalStateException("Threading.VIRTUAL_LOOPS makes its own loops on virtual threads, so it"
                    + " cannot run on the event loops given to eventLoops(group); choose LOOP_CARRIERS (open"
                    + " java.lang to spool-web) or PLATFORM_LOOPS");
        }
        WebServer server = new WebServer(settings.snapshot(), dispatcher(), mapper, metrics, accessLog, host, port,
                tls);
        lastServer.set(server);
        return server;
    }
}
