package io.spool.pg;

import io.spool.pg.net.BlockingTransport;
import io.spool.pg.protocol.Command;
import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.SqlState;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One connection that many threads use at once for single statements: each caller queues its command on the
 * engine and parks until its answer is in, while one reader virtual thread feeds the socket's bytes to the
 * engine. Statements from different callers are pipelined on the wire. Not for transactions, which need a
 * connection of their own ({@link PgPool#inTransaction}).
 */
final class SharedConnection implements AutoCloseable {
    private final PgEngine engine;
    private final BlockingTransport transport;
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicInteger pending = new AtomicInteger();
    private final Thread reader;

    private SharedConnection(PgEngine engine, BlockingTransport transport) {
        this.engine = engine;
        this.transport = transport;
        this.reader = Thread.ofVirtual().name("spool-pg-shared-reader").start(this::readLoop);
    }

    static SharedConnection connect(PgConfig config) {
        return io.spool.pg.net.HostSelection.connect(config, SharedConnection::connectOne,
                (c, sql) -> RowSet.all(c.<java.util.List<io.spool.pg.protocol.DataRows>>run(engine -> engine.simpleQuery(sql))).get(0).row(0).getString(0), SharedConnection::close);
    }

    private static SharedConnection connectOne(PgConfig config) {
        PgEngine engine = config.newEngine();
        BlockingTransport transport = PgConnection.openTransport(config, engine);
        return new SharedConnection(engine, transport);
    }

    /** Queues the command {@code submit} makes and waits for its result. */
    <T> T run(Function<PgEngine, ? extends Command<T>> submit) {
        CompletableFuture<T> done = new CompletableFuture<>();
        pending.incrementAndGet();
        lock.lock();
        try {
            Command<T> command = submit.apply(engine);
            command.onComplete((value, error) -> {
                if (error != null) {
                    done.completeExceptionally(PgException.from(error));
                } else if (engine.transactionStatus() != 'I') {
                    // a BEGIN (or the like) would make every caller's statement part of one transaction: the
                    // connection is given up (the server rolls back when it closes) and the pool opens another
                    EngineException refused = new EngineException(SqlState.ACTIVE_SQL_TRANSACTION, "a statement "
                            + "left a transaction open on a shared connection; use inTransaction for transactions");
                    engine.poison(refused);   // first: the caller, once woken, must not pick this connection again
                    done.completeExceptionally(PgException.from(refused));
                } else {
                    done.complete(value);
                }
            });
            transport.flush();
        } catch (IOException e) {
            engine.connectionLost("connection to the server failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof PgException pg ? pg.forCaller() : e;
        } finally {
            pending.decrementAndGet();
        }
    }

    /**
     * Feeds the socket to the engine until the connection ends. Whatever ends it, an I/O failure or an
     * {@link Error} such as {@code OutOfMemoryError}, the engine fails every waiting caller at once and the
     * socket is closed, so the pool sees the connection unusable and replaces it; nobody is left parked.
     */
    private void readLoop() {
        byte[] buf = new byte[65536];
        try {
            while (true) {
                int n;
                try {
                    n = transport.readRaw(buf);
                } catch (IOException e) {
                    n = -1;
                }
                lock.lock();
                try {
                    if (n < 0) {
                        engine.connectionLost("the server closed the connection", null);
                        return;
                    }
                    engine.receive(buf, 0, n);
                    transport.flush();  // commands a barrier held back, now released
                } catch (IOException e) {
                    engine.connectionLost("connection to the server failed: " + e.getMessage(), e);
                    return;
                } finally {
                    lock.unlock();
                }
            }
        } catch (Throwable t) {
            lock.lock();
            try {
                engine.connectionLost("the shared connection's reader failed: " + t, t);  // no-op if already poisoned
            } finally {
                lock.unlock();
            }
            throw t;
        } finally {
            transport.closeSocket();
        }
    }

    /** Statements waiting for an answer on this connection. */
    int pending() {
        return pending.get();
    }

    boolean isUsable() {
        return engine.isUsable() && transport.isOpen();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            transport.close();
        } finally {
            lock.unlock();
        }
        reader.interrupt();
    }
}
