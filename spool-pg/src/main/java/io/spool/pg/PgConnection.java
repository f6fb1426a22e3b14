package io.spool.pg;

import io.spool.pg.net.BlockingTransport;
import io.spool.pg.net.Cancel;
import io.spool.pg.protocol.Command;
import io.spool.pg.protocol.CopyIn;
import io.spool.pg.protocol.CopyOut;
import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.StreamQuery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A blocking PostgreSQL connection: each call sends its messages and parks the calling thread until the
 * answer is in. Built for virtual threads (it never holds a monitor while blocked). Calls from several threads
 * are serialised by a lock, but a connection is meant to be used by one thread at a time; share a
 * {@link PgPool} instead. A statement error leaves the connection usable; a broken connection makes every
 * later call fail at once with a {@code 08xxx} {@link PgException}.
 */
public final class PgConnection implements SqlClient, AutoCloseable {
    private final PgConfig config;
    private final PgEngine engine;
    private final BlockingTransport transport;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guards {@link #running}: a cancel leaves only while a statement runs. */
    private final ReentrantLock cancelLock = new ReentrantLock();
    private boolean running;
    /** The row stream open on this connection, if any: nothing else may run until it is closed. */
    private StreamQuery openStream;
    private final String authenticationMethod;
    private int savepoints;

    private PgConnection(PgConfig config, PgEngine engine, BlockingTransport transport, String authenticationMethod) {
        this.config = config;
        this.authenticationMethod = authenticationMethod;
        this.engine = engine;
        this.transport = transport;
    }

    /** Connects with a {@code postgresql://} URL or a libpq key/value string. */
    public static PgConnection connect(String connectionString) {
        return connect(PgConfig.parse(connectionString));
    }

    /**
     * Connects and authenticates; the whole exchange is bounded by the connect timeout. With several hosts,
     * the first that answers and suits {@code target_session_attrs} is taken.
     */
    public static PgConnection connect(PgConfig config) {
        return io.spool.pg.net.HostSelection.connect(config, PgConnection::connectOne,
                (c, sql) -> c.simpleQuery(sql).get(0).row(0).getString(0), PgConnection::close);
    }

    private static PgConnection connectOne(PgConfig config) {
        PgEngine engine = config.newEngine();
        BlockingTransport transport = openTransport(config, engine);
        return new PgConnection(config, engine, transport, engine.authenticationMethod());
    }

    /** A blocking transport with the session opened on it, or the reason it could not be, as a {@link PgException}. */
    static BlockingTransport openTransport(PgConfig config, PgEngine engine) {
        try {
            return BlockingTransport.connect(config, engine);
        } catch (EngineException e) {
            throw PgException.from(e);
        }
    }

    /** Runs {@code submit} (which queues one command on the engine) and waits for that command's result. */
    private <T> T run(java.util.function.Supplier<? extends Command<T>> submit) {
        lock.lock();
        try {
            checkNoStream();
            setRunning(true);
            try {
                return await(submit.get());
            } finally {
                setRunning(false);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits for {@code command}'s result; its failure reaches the caller as a {@link PgException}. */
    private <T> T await(Command<T> command) {
        try {
            return transport.await(command);
        } catch (EngineException e) {
            throw PgException.from(e);
        }
    }

    private void checkNoStream() {
        if (openStream != null) {
            throw new IllegalStateException("a row stream is open on this connection; close it before running "
                    + "anything else on the connection");
        }
    }

    /**
     * Runs a query whose rows are read {@code fetchSize} at a time as the returned stream is iterated (a portal
     * with a row limit: only the batches being read are in memory). Close the stream when done; until then the
     * connection runs nothing else.
     */
    public RowStream stream(String sql, int fetchSize, Object... params) {
        return new RowStream(batchesOf(sql, fetchSize, params));
    }

    RowStream.Batches batchesOf(String sql, int fetchSize, Object... params) {
        lock.lock();
        try {
            checkNoStream();
            StreamQuery query = engine.stream(sql, fetchSize, params);
            setRunning(true);
            openStream = query;
            return new BlockingBatches(query);
        } finally {
            lock.unlock();
        }
    }

    /** A stream's batches read from this connection's socket, each wait bounded by the socket timeout. */
    private final class BlockingBatches implements RowStream.Batches {
        private final StreamQuery query;

        BlockingBatches(StreamQuery query) {
            this.query = query;
        }

        @Override
        public RowSet next() {
            lock.lock();
            try {
                transport.awaitUntil(() -> query.hasBatch() || query.isExhausted(), null);
                RowSet batch = RowSet.of(query.nextBatch(engine));
                transport.flush();  // the Execute for the next batch: it arrives while this one is read
                return batch;
            } catch (IOException e) {
                engine.connectionLost("connection to the server failed: " + e.getMessage(), e);
                throw PgException.from(engine.poisonedBy());
            } catch (RuntimeException e) {
                close();  // the query failed: the connection is free again even if the caller never closes
                throw e instanceof EngineException failure ? PgException.from(failure) : e;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public String close() {
            lock.lock();
            try {
                if (openStream != query) {
                    return null;
                }
                query.close(engine);
                transport.awaitUntil(query::isDone, null);
                openStream = null;
                setRunning(false);
                return query.isFailed() ? null : query.result();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Marks a statement running or over, under the lock {@link #cancel()} takes: a cancel is marked as leaving
     * only while a statement runs, so the engine holds back the next statement until it has arrived.
     */
    private void setRunning(boolean value) {
        cancelLock.lock();
        try {
            running = value;
        } finally {
            cancelLock.unlock();
        }
    }

    @Override
    public RowSet query(String sql, Object... params) {
        return RowSet.of(run(() -> engine.query(sql, params)));
    }

    @Override
    public long execute(String sql, Object... params) {
        if (params.length == 0) {
            List<RowSet> results = simpleQuery(sql);
            return results.isEmpty() ? 0 : results.get(results.size() - 1).rowsAffected();
        }
        return query(sql, params).rowsAffected();
    }

    /** Runs {@code sql} (one or more statements) with the simple protocol; one text-format result each. */
    public List<RowSet> simpleQuery(String sql) {
        return RowSet.all(run(() -> engine.simpleQuery(sql)));
    }

    @Override
    public long[] batch(String sql, List<Object[]> parameterSets) {
        return run(() -> engine.batch(sql, parameterSets));
    }

    @Override
    public <T> T inTransaction(TransactionBody<T> body) {
        lock.lock();
        try {
            boolean nested = engine.transactionStatus() != 'I';
            String savepoint = nested ? "spool_sp_" + (++savepoints) : null;
            simpleQuery(nested ? "SAVEPOINT " + savepoint : "BEGIN");
            T result;
            try {
                result = body.run(this);
            } catch (Throwable t) {
                rollbackAfter(t, nested ? "ROLLBACK TO SAVEPOINT " + savepoint : "ROLLBACK");
                throw sneaky(t);
            }
            if (engine.transactionStatus() == 'E') {
                // the body caught a statement's error and went on: the server would turn COMMIT into a silent
                // rollback, and the caller would believe its writes were kept
                PgException failed = new PgException(PgException.IN_FAILED_SQL_TRANSACTION, "a statement in the "
                        + "transaction failed and the body went on; everything it did was rolled back");
                rollbackAfter(failed, nested ? "ROLLBACK TO SAVEPOINT " + savepoint : "ROLLBACK");
                throw failed;
            }
            simpleQuery(nested ? "RELEASE SAVEPOINT " + savepoint : "COMMIT");
            return result;
        } finally {
            if (engine.transactionStatus() == 'I') {
                savepoints = 0;
            }
            lock.unlock();
        }
    }

    private void rollbackAfter(Throwable cause, String rollback) {
        if (!engine.isUsable()) {
            return;  // the server rolls back by itself when the session ends
        }
        try {
            simpleQuery(rollback);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    /**
     * Waits up to {@code timeout} for a notification on a channel this connection LISTENs on, or returns
     * {@code null}. Notifications that arrived during earlier calls are returned first. If any were dropped
     * since the last wait (the queue is bounded by {@code max_queued_notifications}), this wait throws a
     * {@link NotificationOverflowException} first; the next one goes on with those still queued.
     */
    public Notification waitForNotification(Duration timeout) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            Notification n;
            while (true) {
                NotificationOverflowException.throwIfDropped(engine);  // the loss is told before what came after it
                n = Notification.of(engine.pollNotification());
                if (n != null) {
                    break;
                }
                checkUsable();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                try {
                    transport.readWithin(Duration.ofNanos(left));
                } catch (IOException e) {
                    engine.connectionLost("connection to the server failed: " + e.getMessage(), e);
                }
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    private void checkUsable() {
        EngineException poison = engine.poisonedBy();
        if (poison != null) {
            throw PgException.from(poison);
        }
    }

    /**
     * Runs {@code COPY ... FROM STDIN} streaming {@code data} to the server in 64 KiB chunks (memory stays
     * bounded whatever the size); returns the rows copied. If the stream throws, the copy is aborted and
     * nothing is stored.
     */
    public long copyIn(String sql, InputStream data) {
        lock.lock();
        try {
            checkNoStream();
        } catch (IllegalStateException e) {
            lock.unlock();
            throw e;
        }
        setRunning(true);
        try {
            CopyIn copy = engine.submit(new CopyIn(sql));
            try {
                transport.flush();
                while (!copy.isDone() && !copy.isAccepting()) {
                    transport.readOnce();
                }
                byte[] chunk = new byte[65536];
                int n;
                while (copy.isAccepting()) {
                    try {
                        n = data.read(chunk);
                    } catch (IOException | RuntimeException e) {
                        // any failure of the source ends the copy on the server, which then fails the command;
                        // left open, the connection would stay in COPY mode for its next user
                        copy.sendFail(engine, "client input failed: " + e);
                        break;
                    }
                    if (n < 0) {
                        copy.sendDone(engine);
                        break;
                    }
                    copy.sendData(engine, chunk, 0, n);
                    transport.flush();
                    transport.readAvailable();  // an early error ends the copy without sending the rest
                }
            } catch (IOException e) {
                engine.connectionLost("connection to the server failed: " + e.getMessage(), e);
            }
            return await(copy);
        } finally {
            setRunning(false);
            lock.unlock();
        }
    }

    /** Runs {@code COPY ... TO STDOUT} writing the data to {@code out} as it arrives; returns the rows copied. */
    public long copyOut(String sql, OutputStream out) {
        return run(() -> engine.submit(new CopyOut(sql, (buf, off, len) -> {
            try {
                out.write(buf, off, len);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        })));
    }

    /**
     * Asks the server to cancel the statement this connection is running, from any thread, over a separate
     * socket. The statement fails with SQLSTATE {@code 57014}; the connection stays usable. Cancelling while
     * nothing runs does nothing.
     */
    public void cancel() {
        cancelLock.lock();
        try {
            if (!running) {
                return;  // nothing runs: a cancel now could only hit a later statement
            }
            engine.cancelLeaving();
        } finally {
            cancelLock.unlock();
        }
        Cancel.travel(config, engine);
    }

    /** Notifications dropped because the queue was full, since the connection opened. */
    public long droppedNotifications() {
        return engine.droppedNotifications();
    }

    /**
     * Told the total dropped so far each time a notification is dropped because the queue is full; runs on
     * the thread reading the connection, so keep it short.
     */
    public void onNotificationOverflow(java.util.function.LongConsumer listener) {
        engine.onNotificationOverflow(listener);
    }

    /** Receives notices (warnings and info messages) as they arrive. */
    public void onNotice(java.util.function.Consumer<Notice> listener) {
        engine.onNotice(listener == null ? null : fields -> listener.accept(new Notice(PgException.named(fields))));
    }

    /**
     * False once the connection is broken or closed. When idle, it first takes in anything the server sent
     * meanwhile (without blocking), so a backend that was terminated, whose FATAL error is waiting on the
     * socket, is seen as broken before anyone sends it a query.
     */
    public boolean isUsable() {
        if (lock.tryLock()) {
            try {
                if (engine.isUsable() && transport.isOpen()) {
                    transport.readAvailable();
                }
            } catch (IOException e) {
                engine.connectionLost("connection to the server failed: " + e.getMessage(), e);
            } finally {
                lock.unlock();
            }
        }
        return engine.isUsable() && transport.isOpen();
    }

    /** {@code 'I'} idle, {@code 'T'} in a transaction, {@code 'E'} in a failed transaction. */
    public char transactionStatus() {
        return engine.transactionStatus();
    }

    /** The server backend's process id (for cancel requests and {@code pg_terminate_backend}). */
    public int processId() {
        return engine.processId();
    }

    public java.util.Map<String, String> serverParameters() {
        return engine.serverParameters();
    }

    /** trust, password, md5, SCRAM-SHA-256 or SCRAM-SHA-256-PLUS (channel-bound to the TLS session). */
    public String authenticationMethod() {
        return authenticationMethod;
    }

    /** Whether the connection runs over TLS. */
    public boolean isEncrypted() {
        return transport.isEncrypted();
    }

    public PgConfig config() {
        return config;
    }

    /** How many prepared statements this connection keeps on the server. */
    public int cachedStatements() {
        return engine.cachedStatements();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            transport.close();
        } finally {
            lock.unlock();
        }
    }
}
