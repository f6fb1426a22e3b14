package io.spool.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * A running server: Netty event loops that parse and write, and a virtual thread per request. {@link #stop}
 * is graceful: it stops accepting, closes idle keep-alive connections, answers requests in flight with
 * {@code Connection: close}, waits for them up to a grace period, then closes everything.
 * {@link #stopOnSignals} does the same on SIGTERM/SIGINT (through a JVM shutdown hook).
 */
public final class WebServer implements AutoCloseable {
    /** The compressor's name in the pipeline: errors written from its context skip it. */
    static final String COMPRESSOR = "compressor";
    private static final System.Logger LOG = System.getLogger("io.spool.web");

    static {
        leakDetectionOffUnlessAsked();
    }

    private final Settings settings;
    private final Dispatcher dispatcher;
    private final ObjectMapper mapper;
    private final Metrics metrics;
    private final Consumer<AccessLog> accessLog;
    private final RequestIds requestIds = new RequestIds();
    private final BodyBudget bodyBudget;
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup workers;
    private final HandlerThreads handlers;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final Set<WsConnection> sockets = ConcurrentHashMap.newKeySet();
    /** This server's requests in flight (the metrics may be shared with other servers of the same app). */
    private final LongAdder inFlight = new LongAdder();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile boolean draining;
    private volatile Thread shutdownHook;
    private final Channel serverChannel;
    private final SslContext tls;   // null: cleartext

    WebServer(Settings settings, Dispatcher dispatcher, ObjectMapper mapper, Metrics metrics,
              Consumer<AccessLog> accessLog, String host, int port, Tls tls) {
        this.tls = tls == null ? null : tls.context();
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.metrics = metrics;
        this.accessLog = accessLog;
        this.bodyBudget = new BodyBudget(settings.bodyBudget > 0 ? settings.bodyBudget
                : BodyBudget.defaultCapacity(settings.maxBodySize));
        this.workers = settings.eventLoops != null ? settings.eventLoops
                : EventLoops.group(settings.ioThreads, settings.threading == Threading.VIRTUAL_LOOPS);
        this.handlers = new HandlerThreads(settings.threading, workers);
        try {
            serverChannel = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 4096)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 * 1024, 128 * 1024))
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            pipeline(ch);
                        }
                    })
                    .bind(host, port).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            shutdownLoops();
            throw e;
        }
    }

    /**
     * Netty's leak detector records a stack trace for one buffer in 128 as it is made and again as it is freed: 4 %
     * of a server's CPU on a one-query request (issue 28). A server has it off unless {@code
     * -Dio.netty.leakDetection.level} asks for it, as Vert.x has it; spool's tests ask for it.
     */
    private static void leakDetectionOffUnlessAsked() {
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    /**
     * A new connection's pipeline: TLS with ALPN choosing HTTP/2 or HTTP/1.1; or on a cleartext port, HTTP/1.1, or
     * HTTP/2 when the client starts with its preface and the app allows that ({@link WebApp#http2Cleartext}).
     */
    private void pipeline(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        if (tls != null) {
            p.addLast(tls.newHandler(ch.alloc()));
            p.addLast(new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
                @Override
                protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                    if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                        http2(ctx.pipeline());
                    } else {
                        http1(ctx.channel(), ctx.pipeline());
                    }
                }
            });
        } else if (settings.http2Cleartext) {
            p.addLast(new PriorKnowledge(ctx -> http2(ctx.pipeline()), ctx -> http1(ctx.channel(), ctx.pipeline())));
        } else {
            http1(ch, p);
        }
    }

    private void http1(Channel ch, ChannelPipeline p) {
        ReadTimer readTimer = new ReadTimer(WritabilityGate.nanos(settings.readTimeout));
        Reading reading = new Reading(ch);
        p.addLast(readTimer);
        p.addLast(new ServerCodec(settings.maxInitialLineLength, settings.maxHeaderSize, 16 * 1024));
        if (!settings.idleTimeout.isZero()) {   // observing output: a slow reader still draining is not idle
            p.addLast(new IdleStateHandler(true, 0, 0, settings.idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        }
        exchanges(ch, p, readTimer, reading);
    }

    /** What every request's channel has, an HTTP/1.1 connection's or an HTTP/2 stream's: limits and the exchange. */
    private void exchanges(Channel ch, ChannelPipeline p, ReadTimer readTimer, Reading reading) {
        if (settings.compression) {
            p.addLast(COMPRESSOR, Compression.compressor());
        }
        p.addLast(new BodyLimit(settings, bodyBudget, reading, dispatcher::streams));
        p.addLast(new Connection(this, readTimer, reading));
    }

    /**
     * Switches an HTTP/1.1 connection whose WebSocket handshake was accepted: out with what {@link #http1} put in,
     * in with Netty's frame codec (the encoder first, since the decoder and the UTF-8 check write their close
     * frames from where they sit), UTF-8 check and aggregator with the route's limits, the idle watch, and
     * {@code socket}.
     */
    void webSocket(ChannelPipeline p, WsOptions o, WsConnection socket) {
        for (Class<? extends ChannelHandler> http : List.of(ReadTimer.class, ServerCodec.class,
                IdleStateHandler.class, HttpContentCompressor.class, BodyLimit.class)) {
            if (p.get(http) != null) {
                p.remove(http);
            }
        }
        p.addLast(new WebSocket13FrameEncoder(false),
                new WebSocket13FrameDecoder(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(
                        o.maxFrameSize()).expectMaskedFrames(true).allowExtensions(false)
                        .closeOnProtocolViolation(true).build()),
                new Utf8FrameValidator(true),
                new WebSocketFrameAggregator(o.maxMessageSize()),
                new IdleStateHandler(o.idleTimeout().toMillis(), 0, o.pingAfter().toMillis(), TimeUnit.MILLISECONDS),
                socket);
    }

    /**
     * HTTP/2 through Netty's codecs (flow control, stream limits, header validation): each stream is a child channel
     * with a request pipeline of its own, so handlers, filters and limits are the HTTP/1.1 ones, and each stream's
     * handler runs on its own virtual thread.
     */
    private void http2(ChannelPipeline p) {
        p.addLast(Http2FrameCodecBuilder.forServer().initialSettings(Http2Settings.defaultSettings()
                .maxConcurrentStreams(settings.http2MaxStreams).maxHeaderListSize(settings.maxHeaderSize)).build());
        if (!settings.idleTimeout.isZero()) {
            p.addLast(new IdleStateHandler(true, 0, 0, settings.idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
            p.addLast(new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    if (evt instanceof IdleStateEvent) {
                        ctx.close();   // nothing read or written for the idle period, on any stream
                    }
                    ctx.fireUserEventTriggered(evt);
                }
            });
        }
        p.addLast(new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                ChannelPipeline sp = stream.pipeline();
                ReadTimer readTimer = new ReadTimer(WritabilityGate.nanos(settings.readTimeout));
                sp.addLast(readTimer, new Http2StreamFrameToHttpObjectCodec(true), new Http2Heads());
                exchanges(stream, sp, readTimer, new Reading(stream));
            }
        }));
    }

    /** The port the server listens on (useful after {@code start(0)}). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Which threads carry the event loops and the handlers (see {@link WebApp#threading(Threading)}). */
    public Threading threading() {
        return settings.threading;
    }

    /** Connections open now (kept-alive ones included). */
    public int openConnections() {
        return connections.size();
    }

    public Metrics metrics() {
        return metrics;
    }

    /** True once {@link #stop} began: health checks report it so that load balancers move away. */
    public boolean isDraining() {
        return draining;
    }

    /** Stops with a grace period of 10 seconds. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /**
     * Stops accepting, lets requests in flight finish for up to {@code grace} (their responses carry
     * {@code Connection: close}), then closes every connection and the event loops. Idempotent.
     */
    public void stop(Duration grace) {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        draining = true;
        serverChannel.close().syncUninterruptibly();
        connections.forEach(c -> c.executeOnLoop(c::drain));
        sockets.forEach(WsConnection::goingAway);
        long deadline = System.nanoTime() + WritabilityGate.nanos(grace);
        // a loop runs its tasks in order: once a no-op queued after the drains has run on every loop, no loop starts
        // another request, and a count of 0 in flight means done
        for (EventExecutor loop : workers) {
            long left = Math.max(0, deadline - System.nanoTime());
            loop.submit(() -> { }).awaitUninterruptibly(left, TimeUnit.NANOSECONDS);
        }
        awaitIdle(deadline);
        shutdownLoops();
        handlers.interruptAll();   // handlers that outlived the grace period
        Thread hook = shutdownHook;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is what is running us, or about to
            }
        }
    }

    /** Stops gracefully when the JVM is asked to exit (SIGTERM, SIGINT, {@code System.exit}). */
    public WebServer stopOnSignals(Duration grace) {
        Thread hook = new Thread(() -> {
            LOG.log(System.Logger.Level.INFO, "signal received: draining for up to " + grace.toMillis() + " ms");
            stop(grace);
        }, "spool-web-shutdown");
        shutdownHook = hook;
        Runtime.getRuntime().addShutdownHook(hook);
        return this;
    }

    private void signalIdle() {
        lock.lock();
        try {
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until no request of this server is in flight and every WebSocket has closed (they were told the server
     * is going away), or until {@code deadline} ({@link System#nanoTime}).
     */
    private void awaitIdle(long deadline) {
        long left = deadline - System.nanoTime();
        lock.lock();
        try {
            while ((inFlight.sum() > 0 || !sockets.isEmpty()) && left > 0) {
                left = idle.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private void shutdownLoops() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        if (workers != settings.eventLoops) {   // the application's own loops are the application's to end
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    // ---- for Connection

    void opened(Connection c) {
        connections.add(c);
        if (draining) {
            c.drain();
        }
    }

    void closed(Connection c) {
        connections.remove(c);
    }

    void opened(WsConnection s) {
        sockets.add(s);
        if (draining) {
            s.goingAway();
        }
    }

    void closed(WsConnection s) {
        sockets.remove(s);
        if (draining && sockets.isEmpty()) {
            signalIdle();
        }
    }

    void started() {
        metrics.started();
        inFlight.increment();
    }

    void finished(Exchange ex) {
        bodyBudget.release(ex.budgeted);
        long nanos = System.nanoTime() - ex.startNanos;
        Context ctx = ex.ctx;
        metrics.finished(ctx.method(), ctx.route(), ex.status(), nanos);
        inFlight.decrement();
        // only while stopping: awaitIdle checks and waits under the lock. The last request to finish sees 0 (its
        // decrement and sum come after every other update), so the signal is never missed
        if (draining && inFlight.sum() == 0) {
            signalIdle();
        }
        if (accessLog != null) {
            AccessLog line = new AccessLog(ctx.method(), ctx.rawTarget(), ctx.routePattern(), ex.status(),
                    nanos / 1000, ctx.requestId(), ctx.remoteAddress());
            handlers.runOffLoops(() -> accessLog.accept(line));   // loggers may block
        }
    }

    /** On the event loop: a request refused before any handler saw it. */
    void rejected(int status, String reason, InetSocketAddress remote) {
        metrics.rejected(status);
        if (accessLog != null) {
            AccessLog line = new AccessLog("-", reason, null, status, 0, null, remote);
            handlers.runOffLoops(() -> accessLog.accept(line));
        }
    }

    RequestIds requestIds() {
        return requestIds;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    /** Where the handlers of requests read by {@code loop} run (rejecting them once the server has stopped). */
    ExecutorService handlersFor(EventExecutor loop) {
        return handlers.forLoop(loop);
    }

    BodyBudget bodyBudget() {
        return bodyBudget;
    }

    boolean compression() {
        return settings.compression;
    }

    long deadlineNanos() {
        return WritabilityGate.nanos(settings.deadline);
    }

    long deadlineMillis() {
        return settings.deadline.toMillis();
    }

    int deadlineStatus() {
        return settings.deadlineStatus;
    }

    boolean interruptWhenClientLeaves() {
        return settings.interruptWhenClientLeaves;
    }

    long stallNanos() {
        return WritabilityGate.nanos(settings.stallTimeout);
    }
}
