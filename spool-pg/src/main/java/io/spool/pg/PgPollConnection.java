package io.spool.pg;

import io.spool.io.Interest;
import io.spool.io.Poll;
import io.spool.io.Pollable;
import io.spool.pg.protocol.Command;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.Startup;
import io.spool.pg.protocol.WriteBuffer;
import io.spool.pg.types.Codecs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * A nonblocking connection in the style of libpq's {@code PQconnectPoll}: {@link #start} begins the TCP
 * connect, and {@link #poll()} advances connect, startup and authentication, answering {@code WRITE} or
 * {@code READ} (wait for that readiness of {@link #channel()}, then poll again) or ready. Queries work the same
 * way: {@link #startQuery} returns a {@link Pollable} whose result is the {@link RowSet}. Several queries may be
 * started before any is polled; they are pipelined on the socket and complete in order. The connection holds
 * no thread and blocks nowhere, so any loop (spool-io's {@code Loop}, a hand-written {@code Selector}) can drive
 * it. Not thread-safe: poll it from one thread at a time.
 */
public final class PgPollConnection implements AutoCloseable {
    private final PgEngine engine;
    private final SocketChannel channel;
    private final Startup startup;
    private boolean connected;

    private PgPollConnection(PgEngine engine, SocketChannel channel, Startup startup) {
        this.engine = engine;
        this.channel = channel;
        this.startup = startup;
    }

    /**
     * Starts connecting to an already resolved address (name resolution is the caller's, as it may block).
     * The startup message is queued at once and sent when the socket is connected.
     */
    public static PgPollConnection start(PgConfig config, InetSocketAddress address) {
        try {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.setOption(java.net.StandardSocketOptions.SO_KEEPALIVE, true);
            boolean done = channel.connect(address);
            PgEngine engine = new PgEngine(config.maxMessageSize(), config.statementCacheSize(), Codecs.DEFAULT);
            Startup startup = engine.submit(new Startup(config.user(), config.password(), config.startupParameters(), null));
            PgPollConnection c = new PgPollConnection(engine, channel, startup);
            c.connected = done;
            return c;
        } catch (IOException e) {
            throw new PgException(PgException.UNABLE_TO_CONNECT, "could not connect to " + address + ": " + e.getMessage(), e);
        }
    }

    /** Starts connecting to {@code config.host()}, resolving it here (which may block on DNS). */
    public static PgPollConnection start(PgConfig config) {
        return start(config, new InetSocketAddress(config.host(), config.port()));
    }

    /** Advances the connect phase; ready with this connection once authentication has finished. */
    public Poll<PgPollConnection> poll() throws IOException {
        Interest interest = progress();
        if (startup.isDone()) {
            startup.result();  // throws the authentication or connection failure
            return Poll.ready(this);
        }
        return Poll.pending(interest, channel);
    }

    /** Queues a query with parameters; poll the result until it is ready. */
    public Pollable<RowSet> startQuery(String sql, Object... params) {
        return pollable(engine.query(sql, params));
    }

    /** Queues a simple-protocol query (several statements allowed, text results). */
    public Pollable<List<RowSet>> startSimpleQuery(String sql) {
        return pollable(engine.simpleQuery(sql));
    }

    private <T> Pollable<T> pollable(Command<T> command) {
        return () -> {
            if (!command.isDone()) {
                Interest interest = progress();
                if (!command.isDone()) {
                    return Poll.pending(interest, channel);
                }
            }
            return Poll.ready(command.result());
        };
    }

    /**
     * Does all the I/O possible now without blocking: finishes the connect, writes queued output, reads what
     * has arrived. Returns what to wait for next: WRITE while output is left, else READ.
     */
    public Interest progress() throws IOException {
        try {
            if (!connected) {
                if (!channel.finishConnect()) {
                    return Interest.WRITE;
                }
                connected = true;
            }
            WriteBuffer out = engine.output();
            while (true) {
                while (!out.isEmpty()) {
                    int n = channel.write(out.readable());
                    if (n == 0) {
                        return Interest.WRITE;
                    }
                    out.consume(n);
                }
                if (!engine.isUsable() && !engine.hasPendingCommands()) {
                    break;
                }
                int n = channel.read(engine.readBuffer());
                if (n < 0) {
                    lose("the server closed the connection", null);
                    break;
                }
                if (n == 0) {
                    break;
                }
                engine.received(n);  // the answer may queue more output (authentication, released commands)
            }
        } catch (IOException e) {
            lose("connection to the server failed: " + e.getMessage(), e);
        }
        return engine.output().isEmpty() ? Interest.READ : Interest.WRITE;
    }

    private void lose(String reason, Throwable cause) {
        engine.connectionLost(reason, cause);
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

    /** Takes a notification that arrived while reading, or {@code null}. */
    public Notification pollNotification() {
        return engine.pollNotification();
    }

    /** Queues Terminate, sends it if the socket takes it now, and closes. */
    @Override
    public void close() {
        try {
            if (engine.isUsable() && connected) {
                engine.terminate();
                channel.write(engine.output().readable());
            }
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            lose("connection is closed", null);
        }
    }
}
