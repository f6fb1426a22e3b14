package io.spool.pg.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.spool.pg.PgConfig;
import io.spool.pg.PgException;
import io.spool.pg.RowSet;
import io.spool.pg.protocol.Command;
import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.SqlState;
import io.netty.handler.ssl.SslHandler;
import io.spool.pg.net.Tls;
import io.spool.pg.protocol.WriteBuffer;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The engine inside a Netty channel: for services whose runtime is already Netty. All engine work happens on
 * the channel's event loop; results come as {@link CompletableFuture}s completed on that event loop (so keep
 * their callbacks short, or hop to another executor). Queries submitted in one event-loop turn leave in one
 * write, and any number may be in flight (pipelining), answered in order.
 */
public final class PgNettyConnection implements AutoCloseable {
    private final Channel channel;
    private final PgEngine engine;
    private final EngineHandler handler;
    private final PgConfig config;
    private boolean flushScheduled;
    private final java.util.concurrent.atomic.AtomicInteger pending = new java.util.concurrent.atomic.AtomicInteger();

    private PgNettyConnection(Channel channel, EngineHandler handler, PgConfig config) {
        this.channel = channel;
        this.engine = handler.engine;
        this.handler = handler;
        this.config = config;
        engine.onCancelsArrived(this::cancelsArrived);
    }

    /**
     * Connects on one of {@code group}'s event loops and authenticates; the future completes on that loop.
     * Name resolution happens in Netty's resolver. With several hosts, the first that answers and suits
     * {@code target_session_attrs} is taken (shuffled with {@code load_balance_hosts=random}), as
     * {@link io.spool.pg.PgConnection#connect(PgConfig)} does; nothing blocks the event loop meanwhile.
     */
    public static CompletableFuture<PgNettyConnection> connect(PgConfig config, EventLoopGroup group) {
        return io.spool.pg.net.HostSelection.connectAsync(config, one -> connectOne(one, group),
                (c, sql) -> c.simpleQuery(sql).thenApply(results -> results.get(0).row(0).getString(0)),
                PgNettyConnection::closeAsync);
    }

    private static CompletableFuture<PgNettyConnection> connectOne(PgConfig config, EventLoopGroup group) {
        CompletableFuture<PgNettyConnection> ready = new CompletableFuture<>();
        PgEngine engine = config.newEngine();
        EngineHandler handler = new EngineHandler(engine, config);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(handler);   // an SslHandler goes in front when the engine asks for TLS
                    }
                });
        ChannelFuture connecting = bootstrap.connect(config.host(), config.port());
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                ready.completeExceptionally(new PgException(PgException.UNABLE_TO_CONNECT, "could not connect to "
                        + config.host() + ":" + config.port() + ": " + f.cause().getMessage(), f.cause()));
                return;
            }
            PgNettyConnection conn = new PgNettyConnection(connecting.channel(), handler, config);
            // the connect timeout bounds authentication too: a server that accepts and never answers fails it
            conn.channel.eventLoop().schedule(() -> {
                if (!ready.isDone()) {
                    engine.connectionLost("no answer from the server within " + config.connectTimeout().toMillis()
                            + " ms during startup", null);
                    conn.channel.close();
                }
            }, config.connectTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            conn.submit(() -> engine.connect(config.connectOptions()))
                    .whenComplete((ok, error) -> {
                        if (error != null) {
                            conn.channel.close();
                            ready.completeExceptionally(error instanceof java.util.concurrent.CompletionException
                                    ? error.getCause() : error);
                        } else {
                            ready.complete(conn);
                        }
                    });
        });
        return ready;
    }

    /** Runs a query with parameters; the future completes on the event loop. */
    public CompletableFuture<RowSet> query(String sql, Object... params) {
        return submit(() -> engine.query(sql, params), RowSet::of);
    }

    /**
     * The rows of a query as a {@link java.util.concurrent.Flow.Publisher} with backpressure, read
     * {@code fetchSize} at a time; each subscription runs the query once. Commands submitted while a stream
     * runs wait until it is over or cancelled.
     */
    public java.util.concurrent.Flow.Publisher<io.spool.pg.Row> stream(String sql, int fetchSize, Object... params) {
        return new RowPublisher(this, sql, fetchSize, params);
    }

    /** Sends the engine's output now (event loop only), unless a cancel request is travelling. */
    void flushOutput() {
        EngineHandler.flush(channel, engine);
    }

    PgEngine engine() {
        return engine;
    }

    /** Runs a simple-protocol query (several statements allowed, text results). */
    public CompletableFuture<List<RowSet>> simpleQuery(String sql) {
        return submit(() -> engine.simpleQuery(sql), RowSet::all);
    }

    /** Runs one statement for many parameter sets in one round trip; all apply or none. */
    public CompletableFuture<long[]> batch(String sql, List<Object[]> parameterSets) {
        return submit(() -> engine.batch(sql, parameterSets));
    }

    /** Queues a command on the event loop and arranges one flush for everything queued in this turn. */
    private <T> CompletableFuture<T> submit(Supplier<? extends Command<T>> queue) {
        return submit(queue, value -> value);
    }

    /**
     * Queues the command {@code queue} makes on the event loop; the future completes with its result as
     * {@code view} shows it (the engine's rows as a {@link RowSet}), and cancelling it cancels the statement.
     */
    private <T, R> CompletableFuture<R> submit(Supplier<? extends Command<T>> queue,
                                               java.util.function.Function<? super T, R> view) {
        CompletableFuture<R> result = new CompletableFuture<>();
        pending.incrementAndGet();
        result.whenComplete((v, e) -> pending.decrementAndGet());
        EventLoop loop = channel.eventLoop();
        Runnable task = () -> {
            Command<T> command;
            try {
                command = queue.get();
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            command.onComplete((value, error) -> {
                if (error != null) {
                    result.completeExceptionally(PgException.from(error));
                } else {
                    result.complete(view.apply(value));
                }
            });
            scheduleFlush();
            // the caller gave up (cancel(), orTimeout(...)): the server is asked to stop the statement
            result.whenComplete((v, e) -> {
                if (e instanceof java.util.concurrent.CancellationException
                        || e instanceof java.util.concurrent.TimeoutException) {
                    onLoop(() -> {
                        if (!command.isDone()) {
                            sendCancel(null);
                        }
                    });
                }
            });
        };
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
        return result;
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            channel.eventLoop().execute(() -> {
                flushScheduled = false;
                EngineHandler.flush(channel, engine);
            });
        }
    }

    /**
     * Delivers notifications (from channels this connection LISTENs on) to {@code listener} on the event loop.
     */
    public void onNotification(java.util.function.Consumer<io.spool.pg.Notification> listener) {
        channel.eventLoop().execute(() -> engine.onNotification(listener == null ? null
                : n -> listener.accept(io.spool.pg.Notification.of(n))));
    }

    /**
     * Told, on the event loop, the total dropped so far each time a notification is dropped: they queue (up to
     * {@code max_queued_notifications}) only until {@link #onNotification} is set, which takes the queue.
     */
    public void onNotificationOverflow(java.util.function.LongConsumer listener) {
        channel.eventLoop().execute(() -> engine.onNotificationOverflow(listener));
    }

    /** Caps the commands on the wire at once; later ones wait in the engine until answers come back. */
    public void pipelineLimit(int limit) {
        channel.eventLoop().execute(() -> engine.pipelineLimit(limit));
    }

    /** Commands submitted and not yet answered; safe to read from any thread. */
    public int commandsInFlight() {
        return pending.get();
    }

    /**
     * Asks the server to cancel the statement running now; the request goes over its own short-lived socket
     * on a virtual thread, never on the event loop. The cancelled query fails with SQLSTATE 57014. With nothing
     * in flight this does nothing. While the request travels, queries submitted meanwhile wait on the client
     * side, so a cancel that arrives after its statement has ended cannot hit them (queries already pipelined
     * behind the running one can still be hit, as with libpq).
     */
    public CompletableFuture<Void> cancel() {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            if (!engine.hasPendingCommands()) {
                sent.complete(null);   // nothing runs: a cancel now could only hit a later statement
                return;
            }
            sendCancel(sent);
        });
        return sent;
    }

    /** On the event loop: sends a cancel request from a virtual thread; the engine holds back new queries meanwhile. */
    private void sendCancel(CompletableFuture<Void> sent) {
        engine.cancelLeaving();
        Thread.ofVirtual().name("spool-pg-cancel").start(() -> {
            try {
                io.spool.pg.net.Cancel.travel(config, engine);
                if (sent != null) {
                    sent.complete(null);
                }
            } catch (RuntimeException e) {
                if (sent != null) {
                    sent.completeExceptionally(e);
                }
            }
        });
    }

    private void onLoop(Runnable task) {
        try {
            if (channel.eventLoop().inEventLoop()) {
                task.run();
            } else {
                channel.eventLoop().execute(task);
            }
        } catch (java.util.concurrent.RejectedExecutionException loopEnded) {
            // the event loop group was shut down: the connection is gone with it
        }
    }

    /** Releases the queries the engine held back while cancel requests travelled. */
    private void cancelsArrived() {
        onLoop(() -> {
            engine.releaseHeldBack();
            EngineHandler.flush(channel, engine);
        });
    }

    /** Whether the channel runs over TLS. */
    public boolean isEncrypted() {
        return channel.pipeline().get(io.netty.handler.ssl.SslHandler.class) != null;
    }

    public boolean isUsable() {
        return channel.isActive() && engine.isUsable();
    }

    public Channel channel() {
        return channel;
    }

    /** The backend's process id, for cancel requests. */
    public int processId() {
        return engine.processId();
    }

    /**
     * Sends Terminate and closes the channel; returns when the channel is closed. Statements still running are
     * cancelled first (within a couple of seconds), so the server does not run them on for nobody.
     */
    public CompletableFuture<Void> closeAsync() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        channel.eventLoop().execute(() -> {
            if (engine.hasPendingCommands() && engine.isUsable()) {
                // statements still running are cancelled first (off the event loop, bounded), then the close
                Thread.ofVirtual().name("spool-pg-cancel").start(() -> {
                    io.spool.pg.net.Cancel.beforeAbandoning(config, engine);
                    onLoop(() -> terminateAndClose(closed));
                });
                return;
            }
            terminateAndClose(closed);
        });
        return closed;
    }

    private void terminateAndClose(CompletableFuture<Void> closed) {
        if (engine.isUsable()) {
            engine.terminate();
            EngineHandler.flush(channel, engine);
        }
        channel.close().addListener(f -> closed.complete(null));
    }

    @Override
    public void close() {
        closeAsync().join();
    }

    /** Feeds channel bytes to the engine and its output back to the channel; maps channel loss to the engine. */
    private static final class EngineHandler extends ChannelInboundHandlerAdapter {
        private final PgEngine engine;
        private final PgConfig config;
        private boolean tlsHandshaking;

        EngineHandler(PgEngine engine, PgConfig config) {
            this.engine = engine;
            this.config = config;
        }

        /** The engine asked for TLS: an SslHandler goes in front of this one, and its handshake is reported back. */
        private void startTls(ChannelHandlerContext ctx) {
            tlsHandshaking = true;
            SslHandler ssl = new SslHandler(Tls.engine(config));
            ctx.pipeline().addFirst(ssl);
            ssl.handshakeFuture().addListener(f -> {
                tlsHandshaking = false;
                if (f.isSuccess()) {
                    engine.tlsEstablished(Tls.channelBinding(ssl.engine().getSession()));
                    flush(ctx.channel(), engine);
                } else {
                    tlsFailed(ctx, f.cause());
                }
            });
        }

        private void tlsFailed(ChannelHandlerContext ctx, Throwable cause) {
            engine.poison(new EngineException(SqlState.UNABLE_TO_CONNECT, "TLS handshake with " + config.host()
                    + " failed: " + cause.getMessage(), cause));
            ctx.close();
        }

        static void flush(Channel channel, PgEngine engine) {
            WriteBuffer out = engine.output();
            if (out.isEmpty()) {
                return;
            }
            ByteBuffer bytes = out.readable();
            int n = bytes.remaining();
            ByteBuf buf = channel.alloc().buffer(n);
            buf.writeBytes(bytes);
            out.consume(n);
            channel.writeAndFlush(buf, channel.voidPromise());
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                for (ByteBuffer part : buf.nioBuffers()) {
                    engine.receive(part);
                }
            } finally {
                buf.release();
            }
            if (engine.tlsRequested() && !tlsHandshaking) {
                startTls(ctx);
            }
            flush(ctx.channel(), engine);  // authentication answers and commands released by a barrier
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            engine.connectionLost("the server closed the connection", null);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (tlsHandshaking) {
                tlsFailed(ctx, cause);
                return;
            }
            engine.connectionLost("connection to the server failed: " + cause.getMessage(), cause);
            ctx.close();
        }
    }
}
