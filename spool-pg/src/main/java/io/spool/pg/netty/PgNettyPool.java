package io.spool.pg.netty;

import io.netty.channel.EventLoopGroup;
import io.spool.pg.PgConfig;
import io.spool.pg.PgException;
import io.spool.pg.RowSet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * A fixed set of pipelined Netty connections: each query goes to the usable connection with the fewest
 * commands in flight, so no caller waits for a free connection the way a blocking pool makes it wait. A
 * connection that breaks fails only the queries it carried and is replaced in the background.
 */
public final class PgNettyPool implements AutoCloseable {
    private final PgConfig config;
    private final EventLoopGroup group;
    private final AtomicReferenceArray<PgNettyConnection> connections;
    private final AtomicReferenceArray<CompletableFuture<PgNettyConnection>> reconnecting;
    private volatile boolean closed;
    /**
     * How many commands a connection on the caller's event loop may have in flight and still be chosen over an idle
     * connection of another loop.
     */
    private static final int LOCAL_PREFERENCE = 32;

    private PgNettyPool(PgConfig config, EventLoopGroup group, List<PgNettyConnection> opened) {
        this.config = config;
        this.group = group;
        this.connections = new AtomicReferenceArray<>(opened.toArray(PgNettyConnection[]::new));
        this.reconnecting = new AtomicReferenceArray<>(opened.size());
    }

    /** Opens {@code size} connections on {@code group}; completes once all are authenticated. */
    public static CompletableFuture<PgNettyPool> connect(PgConfig config, int size, EventLoopGroup group) {
        if (size < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        List<CompletableFuture<PgNettyConnection>> opening = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            opening.add(PgNettyConnection.connect(config, group));
        }
        return CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).handle((ok, error) -> {
            if (error != null) {
                opening.forEach(f -> f.thenAccept(PgNettyConnection::closeAsync));
                throw error instanceof RuntimeException r ? r : new PgException(PgException.UNABLE_TO_CONNECT, error.getMessage(), error);
            }
            return new PgNettyPool(config, group, opening.stream().map(CompletableFuture::join).toList());
        });
    }

    public CompletableFuture<RowSet> query(String sql, Object... params) {
        return on(c -> c.query(sql, params));
    }

    public CompletableFuture<List<RowSet>> simpleQuery(String sql) {
        return on(c -> c.simpleQuery(sql));
    }

    public CompletableFuture<long[]> batch(String sql, List<Object[]> parameterSets) {
        return on(c -> c.batch(sql, parameterSets));
    }

    /** Runs {@code work} on the least busy usable connection. */
    public <T> CompletableFuture<T> on(Function<PgNettyConnection, CompletableFuture<T>> work) {
        return on(null, work);
    }

    /**
     * Runs {@code work} on the least busy usable connection of {@code near}'s: the event loop the caller runs on (a
     * virtual thread carried by that loop, say, where {@link io.netty.util.concurrent.EventExecutor#inEventLoop()}
     * cannot tell), so the query and its answer stay on that thread. Null: the calling thread's own loop, if any.
     * A connection of another loop is chosen when that loop has none, or while one of another loop is idle and
     * all of {@code near}'s have more than a few commands queued.
     */
    public <T> CompletableFuture<T> on(io.netty.util.concurrent.EventExecutor near,
                                       Function<PgNettyConnection, CompletableFuture<T>> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new PgException(PgException.CONNECTION_DOES_NOT_EXIST, "the pool is closed"));
        }
        // prefer a connection of the calling event loop: no hand-over to another thread, no wake-up
        PgNettyConnection best = null;
        PgNettyConnection local = null;
        for (int i = 0; i < connections.length(); i++) {
            PgNettyConnection c = connections.get(i);
            if (!c.isUsable()) {
                replace(i, c);
                continue;
            }
            if (best == null || c.commandsInFlight() < best.commandsInFlight()) {
                best = c;
            }
            boolean onNear = near == null ? c.channel().eventLoop().inEventLoop() : c.channel().eventLoop() == near;
            if (onNear && (local == null || c.commandsInFlight() < local.commandsInFlight())) {
                local = c;
            }
        }
        if (local != null && prefersLocal(local.commandsInFlight(), best.commandsInFlight())) {
            best = local;
        }
        if (best == null) {
            return CompletableFuture.failedFuture(new PgException(PgException.UNABLE_TO_CONNECT,
                    "no usable connection: every one is broken and being replaced"));
        }
        return work.apply(best);
    }

    /**
     * Whether the caller's loop keeps the work although the least busy connection, on another loop, has
     * {@code leastBusy} commands in flight against the local one's {@code local}. Another loop's connection is taken
     * only while it is idle: under load every connection has a queue, and handing a query to another loop costs two
     * thread wake-ups (there and back), which measured more than the queue it skips (issue 28: the
     * 20-update requests, where the hand-overs also kept more PostgreSQL backends runnable at once and preempted,
     * holding row locks the others then waited for).
     */
    private static boolean prefersLocal(int local, int leastBusy) {
        return leastBusy > 0 || local <= LOCAL_PREFERENCE;
    }

    private void replace(int slot, PgNettyConnection broken) {
        CompletableFuture<PgNettyConnection> fresh = new CompletableFuture<>();
        if (!reconnecting.compareAndSet(slot, null, fresh)) {
            return;  // already under way
        }
        PgNettyConnection.connect(config, group).whenComplete((c, error) -> {
            reconnecting.set(slot, null);
            if (error == null && connections.compareAndSet(slot, broken, c)) {
                broken.closeAsync();
                if (closed) {
                    c.closeAsync();
                }
            }
            fresh.complete(c);
        });
    }

    /** Queries in flight over all connections. */
    public int commandsInFlight() {
        int n = 0;
        for (int i = 0; i < connections.length(); i++) {
            n += connections.get(i).commandsInFlight();
        }
        return n;
    }

    public int size() {
        return connections.length();
    }

    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < connections.length(); i++) {
            connections.get(i).close();
        }
    }
}
