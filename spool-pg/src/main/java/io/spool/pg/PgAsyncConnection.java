package io.spool.pg;

import io.spool.io.Loop;
import io.spool.io.Poll;
import io.spool.io.Pollable;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link CompletableFuture} API over a {@link PgPollConnection} driven by a spool-io {@link Loop}: every call
 * hops onto the loop's thread, which owns the connection, so callers on any thread may pipeline queries on it.
 * Futures complete on the loop thread; keep their callbacks short or move on to another executor.
 */
public final class PgAsyncConnection implements AutoCloseable {
    private final Loop loop;
    private final PgPollConnection connection;

    private PgAsyncConnection(Loop loop, PgPollConnection connection) {
        this.loop = loop;
        this.connection = connection;
    }

    /**
     * Connects on the loop (which something must be {@link Loop#serve serving}, e.g. {@link Loop#startThread}).
     * The host name is resolved on the loop thread; give an IP address where that may block.
     */
    public static CompletableFuture<PgAsyncConnection> connect(PgConfig config, Loop loop) {
        return loop.spawn(() -> {
            PgPollConnection c = PgPollConnection.start(config);
            Pollable<PgPollConnection> connecting = c::poll;
            return connecting.then(ready -> new PgAsyncConnection(loop, ready));
        });
    }

    public CompletableFuture<RowSet> query(String sql, Object... params) {
        return loop.spawn(() -> connection.startQuery(sql, params));
    }

    public CompletableFuture<List<RowSet>> simpleQuery(String sql) {
        return loop.spawn(() -> connection.startSimpleQuery(sql));
    }

    /** Caps the commands on the wire at once. */
    public CompletableFuture<Void> pipelineLimit(int limit) {
        return loop.spawn(() -> {
            connection.pipelineLimit(limit);
            return () -> Poll.ready(null);
        });
    }

    /** The next notification on a LISTENed channel. */
    public CompletableFuture<Notification> nextNotification() {
        return loop.spawn(connection::nextNotification);
    }

    public boolean isUsable() {
        return connection.isUsable();
    }

    /** Sends Terminate and closes, on the loop thread. */
    public CompletableFuture<Void> closeAsync() {
        return loop.spawn(() -> {
            connection.close();
            return () -> Poll.ready(null);
        });
    }

    @Override
    public void close() {
        closeAsync().join();
    }
}
