package io.spool.jdbc;

import io.spool.pg.PgConfig;
import io.spool.pg.PgConnection;
import io.spool.pg.PgException;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The connections shared mode lends to one JDBC connection at a time (for a transaction, session state, a
 * streamed result, a timeout), at most {@code max} at once; a caller past that waits up to the connect timeout
 * and then gets {@code 53300}. A connection comes back to be reused only when it is idle and carries no session
 * state; otherwise it is closed.
 */
final class DedicatedConnections implements AutoCloseable {
    private final PgConfig config;
    private final Semaphore permits;
    private final int max;
    private final ConcurrentLinkedDeque<PgConnection> idle = new ConcurrentLinkedDeque<>();
    private volatile boolean closed;

    DedicatedConnections(PgConfig config, int max) {
        this.config = config;
        this.max = max;
        this.permits = new Semaphore(max, true);
    }

    PgConnection borrow() {
        if (closed) {
            throw new PgException(PgException.CONNECTION_DOES_NOT_EXIST, "the data source is closed");
        }
        Duration wait = config.connectTimeout().isZero() ? Duration.ofSeconds(30) : config.connectTimeout();
        try {
            if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new PgException("53300", "no dedicated connection free within " + wait.toMillis() + " ms ("
                        + max + " in use; raise maxDedicatedConnections)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgException(PgException.QUERY_CANCELED, "interrupted while waiting for a connection", e);
        }
        try {
            PgConnection c;
            while ((c = idle.pollFirst()) != null) {
                if (c.isUsable()) {
                    return c;
                }
                c.close();
            }
            return PgConnection.connect(config);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Takes a connection back: kept when {@code reusable} and idle on the server, else closed. */
    void giveBack(PgConnection c, boolean reusable) {
        try {
            if (reusable && !closed && c.isUsable() && c.transactionStatus() == 'I') {
                idle.addFirst(c);
            } else {
                c.close();
            }
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        PgConnection c;
        while ((c = idle.pollFirst()) != null) {
            c.close();
        }
    }
}
