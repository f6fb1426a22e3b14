package io.spool.pg;

import io.spool.io.Interest;
import io.spool.io.Poll;
import io.spool.io.Pollable;
import io.spool.pg.net.Tls;
import io.spool.pg.net.TlsChannel;
import io.spool.pg.protocol.Command;
import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.SqlState;
import io.spool.pg.protocol.WriteBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * A nonblocking connection in the style of libpq's {@code PQconnectPoll}: {@link #start} begins the TCP
 * connect, and {@link #poll()} advances connect, TLS negotiation and handshake, startup and authentication,
 * answering {@code WRITE} or {@code READ} (wait for that readiness of {@link #channel()}, then poll again) or
 * ready. {@link #connect(PgConfig)} does the same over several hosts, choosing by {@code target_session_attrs}. Queries work the same way: {@link #startQuery} returns a {@link Pollable} whose result is the
 * {@link RowSet}. Several queries may be started before any is polled; they are pipelined on the socket and
 * complete in order. The connection holds no thread and blocks nowhere, so any loop (spool-io's {@code Loop},
 * a hand-written {@code Selector}) can drive it. Not thread-safe: poll it from one thread at a time.
 */
public final class PgPollConnection implements AutoCloseable {
    private enum Phase { CONNECTING, OPENING, TLS_HANDSHAKE }

    private final PgConfig config;
    private final PgEngine engine;
    private final SocketChannel channel;
    private Phase phase = Phase.CONNECTING;
    private TlsChannel tls;
    private Command<Void> startup;

    private PgPollConnection(PgConfig config, PgEngine engine, SocketChannel channel) {
        this.config = config;
        this.engine = engine;
        this.channel = channel;
    }

    /** Starts connecting to an already resolved address (name resolution is the caller's, as it may block). */
    public static PgPollConnection start(PgConfig config, InetSocketAddress address) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(java.net.StandardSocketOptions.SO_KEEPALIVE, true);
            channel.connect(address);
            PgEngine engine = config.newEngine();
            return new PgPollConnection(config, engine, channel);
        } catch (IOException e) {
            throw new PgException(PgException.UNABLE_TO_CONNECT, "could not connect to " + address + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts connecting to {@code config.host()}, resolving it here (which may block on DNS). A configuration
     * with several hosts or a {@code target_session_attrs} is refused: {@link #connect(PgConfig)} picks its server.
     */
    public static PgPollConnection start(PgConfig config) {
        if (!config.moreHosts().isEmpty() || config.targetSessionAttrs() != TargetSessionAttrs.ANY) {
            throw new IllegalArgumentException("the configuration names several hosts or a target_session_attrs; "
                    + "PgPollConnection.connect(config) picks the server that suits");
        }
        return startOne(config);
    }

    static PgPollConnection startOne(PgConfig config) {
        return start(config, new InetSocketAddress(config.host(), config.port()));
    }

    /**
     * Connects to the server of {@code config} that suits, as {@link PgConnection#connect(PgConfig)} does: the hosts
     * in order (shuffled with {@code load_balance_hosts=random}), those that cannot be reached or do not suit
     * {@code target_session_attrs} skipped. Poll the answer until it is ready with the open connection; a
     * connection that did not suit is closed on the way (which may block briefly on a cancel, never on a read).
     */
    public static Pollable<PgPollConnection> connect(PgConfig config) {
        return PollHostSelection.connect(config);
    }

    /** Advances the connect phase; ready with this connection once authentication has finished. */
    public Poll<PgPollConnection> poll() throws IOException {
        Interest interest = progress();
        if (startup != null && startup.isDone()) {
            result(startup);  // throws the TLS, authentication or connection failure
            return Poll.ready(this);
        }
        EngineException failed = engine.poisonedBy();
        if (failed != null) {
            throw PgException.from(failed);   // failed before the session began opening (the connect itself)
        }
        return Poll.pending(interest, channel);
    }

    /** Queues a query with parameters; poll the result until it is ready. */
    public Pollable<RowSet> startQuery(String sql, Object... params) {
        return pollable(engine.query(sql, params), RowSet::of);
    }

    /**
     * Queues a query whose rows are read {@code fetchSize} at a time (see {@link PollRowStream}); commands
     * queued after it wait until it is over or closed.
     */
    public PollRowStream startStream(String sql, int fetchSize, Object... params) {
        return new PollRowStream(this, engine.stream(sql, fetchSize, params));
    }

    /** Queues a simple-protocol query (several statements allowed, text results). */
    public Pollable<List<RowSet>> startSimpleQuery(String sql) {
        return pollable(engine.simpleQuery(sql), RowSet::all);
    }

    /** The command's answer, as the client shows it ({@code view} turns the engine's result into it). */
    private <T, R> Pollable<R> pollable(Command<T> command, java.util.function.Function<? super T, R> view) {
        return () -> {
            if (!command.isDone()) {
                Interest interest = progress();
                if (!command.isDone()) {
                    return Poll.pending(interest, channel);
                }
            }
            return Poll.ready(view.apply(result(command)));
        };
    }

    /** The result of a done command; its failure reaches the caller as a {@link PgException}. */
    static <T> T result(Command<T> command) {
        try {
            return command.result();
        } catch (EngineException e) {
            throw PgException.from(e);
        }
    }

    /**
     * Does all the I/O possible now without blocking: finishes the connect, runs the TLS handshake when the
     * engine asks for one, writes queued output, reads what has arrived. Returns what to wait for next.
     */
    public Interest progress() throws IOException {
        try {
            while (true) {
                Interest waiting = negotiate();
                if (waiting != null) {
                    return waiting;
                }
                WriteBuffer out = engine.output();
                while (!out.isEmpty()) {
                    ByteBuffer bytes = out.readable();
                    int n = tls != null ? tls.write(bytes) : channel.write(bytes);
                    if (n > 0) {
                        out.consume(n);
                    }
                    if (n == 0 || (tls != null && tls.hasPendingOutput())) {
                        return Interest.WRITE;
                    }
                }
                if (!engine.isUsable() && !engine.hasPendingCommands()) {
                    break;
                }
                ByteBuffer target = engine.readBuffer();
                int n = tls != null ? tls.read(target) : channel.read(target);
                if (n < 0) {
                    lose("the server closed the connection", null);
                    break;
                }
                if (n == 0) {
                    break;
                }
                engine.received(n);  // may queue output (authentication, released commands) or ask for TLS
            }
        } catch (EngineException e) {
            fail(e);
        } catch (IOException e) {
            lose("connection to the server failed: " + e.getMessage(), e);
        }
        return engine.output().isEmpty() ? Interest.READ : Interest.WRITE;
    }

    /** Finishes the connect and runs a TLS handshake the engine asked for; null when bytes may flow. */
    private Interest negotiate() throws IOException {
        if (phase == Phase.CONNECTING) {
            if (!channel.finishConnect()) {
                return Interest.WRITE;
            }
            phase = Phase.OPENING;
            startup = engine.connect(config.connectOptions());
        }
        if (phase == Phase.OPENING && engine.tlsRequested()) {
            tls = new TlsChannel(channel, Tls.engine(config));
            tls.sslEngine().beginHandshake();
            phase = Phase.TLS_HANDSHAKE;
        }
        if (phase == Phase.TLS_HANDSHAKE) {
            Interest handshaking;
            try {
                handshaking = tls.handshake();
            } catch (javax.net.ssl.SSLException e) {
                throw new EngineException(SqlState.UNABLE_TO_CONNECT, "TLS handshake with " + config.host()
                        + " failed: " + e.getMessage(), e);
            }
            if (handshaking != null) {
                return handshaking;
            }
            phase = Phase.OPENING;
            engine.tlsEstablished(Tls.channelBinding(tls.sslEngine().getSession()));
        }
        return null;
    }

    private void fail(EngineException e) {
        engine.poison(e);
        closeChannel();
    }

    private void lose(String reason, Throwable cause) {
        engine.connectionLost(reason, cause);
        closeChannel();
    }

    private void closeChannel() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already broken
        }
    }

    /** The socket, for registering with a selector. */
    public SocketChannel channel() {
        return channel;
    }

    /** The engine, for hosts that queue commands directly. */
    public PgEngine engine() {
        return engine;
    }

    public boolean isUsable() {
        return engine.isUsable() && channel.isOpen();
    }

    /** Whether the connection runs over TLS. */
    public boolean isEncrypted() {
        return tls != null;
    }

    /** Takes a notification that arrived while reading, or {@code null}. */
    public Notification pollNotification() {
        return Notification.of(engine.pollNotification());
    }

    /**
     * The next notification on a channel this connection LISTENs on: pending with READ interest while idle,
     * ready when one arrives (or with one that arrived during earlier reads). Throws a
     * {@link NotificationOverflowException} once after notifications were dropped.
     */
    public Pollable<Notification> nextNotification() {
        return () -> {
            NotificationOverflowException.throwIfDropped(engine);
            Notification n = Notification.of(engine.pollNotification());
            if (n == null) {
                Interest interest = progress();
                EngineException broken = engine.poisonedBy();
                if (broken != null) {
                    throw PgException.from(broken);
                }
                NotificationOverflowException.throwIfDropped(engine);
                n = Notification.of(engine.pollNotification());
                if (n == null) {
                    return Poll.pending(interest, channel);
                }
            }
            return Poll.ready(n);
        };
    }

    /** Notifications dropped because the queue was full (see {@link PgConnection#droppedNotifications()}). */
    public long droppedNotifications() {
        return engine.droppedNotifications();
    }

    /** Told the total dropped so far each time a notification is dropped because the queue is full. */
    public void onNotificationOverflow(java.util.function.LongConsumer listener) {
        engine.onNotificationOverflow(listener);
    }

    /** Caps the commands on the wire at once (see {@link PgEngine#pipelineLimit}). */
    public void pipelineLimit(int limit) {
        engine.pipelineLimit(limit);
    }

    /**
     * Asks the server to cancel the running statement, over a separate socket, blocking until the request has
     * arrived (as libpq's {@code PQcancel} does); with nothing in flight it does nothing. Call it from the thread
     * that polls (a loop's timeout, say): no statement can then be written while the request travels, so a
     * cancel that arrives after its statement has ended cannot hit the next one.
     */
    public void cancel() {
        if (engine.hasPendingCommands()) {
            engine.cancelLeaving();
            io.spool.pg.net.Cancel.travel(config, engine);
            engine.releaseHeldBack();
        }
    }

    /**
     * Queues Terminate, sends it if the socket takes it now, and closes. Statements still running (a loop's
     * timeout gave up on them, say) are cancelled first, so the server does not run them on for nobody; that
     * blocks for at most a couple of seconds.
     */
    @Override
    public void close() {
        if (startup != null && startup.isDone()) {
            io.spool.pg.net.Cancel.beforeAbandoning(config, engine);
        }
        try {
            if (engine.isUsable() && startup != null && startup.isDone()) {
                engine.terminate();
                ByteBuffer bytes = engine.output().readable();
                if (tls != null) {
                    tls.write(bytes);
                } else {
                    channel.write(bytes);
                }
            }
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            lose("connection is closed", null);
        }
    }
}
