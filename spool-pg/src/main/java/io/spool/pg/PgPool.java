package io.spool.pg;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A bounded pool of blocking connections for many threads, virtual ones above all. Waiting callers are served
 * first come, first served unless {@link PoolOptions#fair()} is off (a semaphore, which parks a virtual thread
 * without pinning it). A connection
 * that broke, or that comes back inside a transaction, is closed instead of reused, so after a server-side
 * kill a caller sees at most one error. Idle connections past the idle timeout (beyond {@code minIdle}) and
 * connections past their lifetime are retired by a housekeeping virtual thread. With
 * {@link PoolOptions#sharedConnections()} set, single statements are pipelined over shared connections instead
 * (transactions and {@link #withConnection} still take a connection of their own).
 */
public final class PgPool implements SqlClient, AutoCloseable {
    private final PgConfig config;
    private final PoolOptions options;
    private final Semaphore permits;
    private final ConcurrentLinkedDeque<Pooled> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger inUse = new AtomicInteger();
    private final Thread housekeeper;
    private final java.util.concurrent.atomic.AtomicReferenceArray<SharedConnection> shared;
    private final ReentrantLock sharedLock = new ReentrantLock();
    private volatile boolean closed;

    /** A pooled connection with its birth and last-use times. */
    private record Pooled(PgConnection connection, long createdNanos, long idleSinceNanos) {}

    private PgPool(PgConfig config, PoolOptions options) {
        this.config = config;
        this.options = options;
        this.permits = new Semaphore(options.maxSize(), options.fair());
        this.shared = new java.util.concurrent.atomic.AtomicReferenceArray<>(options.sharedConnections());
        this.housekeeper = Thread.ofVirtual().name("spool-pg-pool-housekeeping").start(this::houseKeep);
    }

    public static PgPool create(PgConfig config, PoolOptions options) {
        return new PgPool(config, options);
    }

    public static PgPool create(PgConfig config, int maxSize, Duration acquireTimeout) {
        return create(config, PoolOptions.defaults().withMaxSize(maxSize).withAcquireTimeout(acquireTimeout));
    }

    public static PgPool create(String connectionString, int maxSize) {
        return create(PgConfig.parse(connectionString), PoolOptions.defaults().withMaxSize(maxSize));
    }

    /** Runs {@code work} with a connection of the pool, handing it back afterwards whatever happens. */
    public <T> T withConnection(Function<PgConnection, T> work) {
        Pooled p = acquire();
        try {
            return work.apply(p.connection());
        } finally {
            release(p);
        }
    }

    /**
     * Runs a query whose rows are read {@code fetchSize} at a time (see {@link PgConnection#stream}) on a
     * connection of its own, which goes back to the pool when the stream is closed.
     */
    public RowStream stream(String sql, int fetchSize, Object... params) {
        Pooled p = acquire();
        try {
            RowStream.Batches batches = p.connection().batchesOf(sql, fetchSize, params);
            return new RowStream(new RowStream.Batches() {
                private boolean released;

                @Override
                public RowSet next() {
                    return batches.next();
                }

                @Override
                public String close() {
                    try {
                        return batches.close();
                    } finally {
                        if (!released) {
                            released = true;
                            release(p);
                        }
                    }
                }
            });
        } catch (RuntimeException e) {
            release(p);
            throw e;
        }
    }

    private Pooled acquire() {
        if (closed) {
            throw new PgException(PgException.CONNECTION_DOES_NOT_EXIST, "the pool is closed");
        }
        try {
            if (!permits.tryAcquire(options.acquireTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new PgException("53300", "no connection available within " + options.acquireTimeout().toMillis()
                        + " ms (pool size " + options.maxSize() + ", " + permits.getQueueLength() + " waiting)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgException(PgException.QUERY_CANCELED, "interrupted while waiting for a connection", e);
        }
        inUse.incrementAndGet();  // lent from here on, including while a new connection opens for the caller
        try {
            Pooled p;
            while ((p = idle.pollFirst()) != null) {
                if (p.connection().isUsable() && !expired(p, System.nanoTime())) {
                    return p;
                }
                discard(p);
            }
            p = new Pooled(PgConnection.connect(config), System.nanoTime(), 0);
            open.incrementAndGet();
            return p;
        } catch (RuntimeException e) {
            inUse.decrementAndGet();
            permits.release();
            throw e;
        }
    }

    private void release(Pooled p) {
        inUse.decrementAndGet();
        try {
            PgConnection c = p.connection();
            if (!closed && c.isUsable() && c.transactionStatus() == 'I' && !expired(p, System.nanoTime())) {
                // most recently used first: keeps the working set small and warm
                idle.addFirst(new Pooled(c, p.createdNanos(), System.nanoTime()));
            } else {
                discard(p);
            }
        } finally {
            permits.release();
        }
    }

    private boolean expired(Pooled p, long now) {
        Duration lifetime = options.maxLifetime();
        return !lifetime.isZero() && now - p.createdNanos() > lifetime.toNanos();
    }

    private void discard(Pooled p) {
        open.decrementAndGet();
        p.connection().close();
    }

    /** Retires idle and old connections and tops up {@code minIdle}, until the pool closes. */
    private void houseKeep() {
        long period = Math.max(50, Math.min(options.idleTimeout().isZero() ? 1000 : options.idleTimeout().toMillis() / 2, 1000));
        while (!closed) {
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                return;
            }
            retireIdle();
            // a connection being opened holds a permit, as a borrower's does: otherwise a borrower opening one
            // (idle was empty) and the housekeeper together exceed maxSize
            while (!closed && idle.size() < options.minIdle() && open.get() < options.maxSize()
                    && permits.tryAcquire()) {
                try {
                    open.incrementAndGet();
                    idle.addLast(new Pooled(PgConnection.connect(config), System.nanoTime(), System.nanoTime()));
                } catch (PgException e) {
                    open.decrementAndGet();
                    break;  // the server is away; try again next round
                } finally {
                    permits.release();
                }
            }
        }
    }

    private void retireIdle() {
        long now = System.nanoTime();
        Duration idleTimeout = options.idleTimeout();
        int keep = options.minIdle();
        int seen = 0;
        for (Iterator<Pooled> it = idle.iterator(); it.hasNext(); ) {
            Pooled p = it.next();
            seen++;
            boolean stale = !idleTimeout.isZero() && now - p.idleSinceNanos() > idleTimeout.toNanos() && seen > keep;
            if ((stale || expired(p, now) || !p.connection().isUsable()) && idle.removeFirstOccurrence(p)) {
                discard(p);
            }
        }
    }

    @Override
    public RowSet query(String sql, Object... params) {
        if (shared.length() > 0) {
            return RowSet.of(leastBusyShared().<io.spool.pg.protocol.DataRows>run(engine -> engine.query(sql, params)));
        }
        return withConnection(c -> c.query(sql, params));
    }

    @Override
    public long execute(String sql, Object... params) {
        if (shared.length() > 0 && params.length > 0) {
            return leastBusyShared().run(engine -> engine.query(sql, params)).rowsAffected();
        }
        return withConnection(c -> c.execute(sql, params));
    }

    @Override
    public long[] batch(String sql, List<Object[]> parameterSets) {
        if (shared.length() > 0) {
            return leastBusyShared().run(engine -> engine.batch(sql, parameterSets));
        }
        return withConnection(c -> c.batch(sql, parameterSets));
    }

    /** The shared connection with the fewest statements waiting, opening or replacing one where needed. */
    private SharedConnection leastBusyShared() {
        if (closed) {
            throw new PgException(PgException.CONNECTION_DOES_NOT_EXIST, "the pool is closed");
        }
        SharedConnection best = null;
        for (int i = 0; i < shared.length(); i++) {
            SharedConnection c = shared.get(i);
            if (c == null || !c.isUsable()) {
                c = openShared(i);
            }
            if (best == null || c.pending() < best.pending()) {
                best = c;
            }
        }
        return best;
    }

    private SharedConnection openShared(int slot) {
        sharedLock.lock();  // one opener at a time, so a burst of callers does not open a connection each
        try {
            SharedConnection c = shared.get(slot);
            if (c == null || !c.isUsable()) {
                if (c != null) {
                    c.close();
                }
                c = SharedConnection.connect(config);
                shared.set(slot, c);
            }
            return c;
        } finally {
            sharedLock.unlock();
        }
    }

    @Override
    public <T> T inTransaction(TransactionBody<T> body) {
        return withConnection(c -> c.inTransaction(body));
    }

    /** Connections open now, idle or lent out. */
    public int openConnections() {
        return open.get();
    }

    public int idleConnections() {
        return idle.size();
    }

    /** Connections lent out now. */
    public int inUse() {
        return inUse.get();
    }

    /** Callers waiting for a connection. */
    public int waiting() {
        return permits.getQueueLength();
    }

    /** The connection settings, for opening a dedicated connection (e.g. for LISTEN) like the pool's. */
    public PgConfig config() {
        return config;
    }

    public PoolOptions options() {
        return options;
    }

    /** Closes idle connections now and lent ones as they come back. */
    @Override
    public void close() {
        closed = true;
        housekeeper.interrupt();
        for (int i = 0; i < shared.length(); i++) {
            SharedConnection c = shared.getAndSet(i, null);
            if (c != null) {
                c.close();
            }
        }
        Pooled p;
        while ((p = idle.pollFirst()) != null) {
            discard(p);
        }
    }
}
