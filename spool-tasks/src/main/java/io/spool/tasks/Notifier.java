package io.spool.tasks;

import io.spool.pg.Notification;
import io.spool.pg.PgConnection;
import io.spool.pg.PgPool;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * One LISTEN connection per application, borrowed from the pool for as long as the application lives, that turns
 * the schema's notifications into wake-ups: {@code <schema>_spawn} (payload: a queue) wakes that queue's
 * claimers, {@code <schema>_done} (a task id) wakes result waiters, {@code <schema>_cancel} (a run id) tells
 * workers. When the connection breaks it reconnects with backoff and, once back, wakes everyone, since
 * notifications sent meanwhile are lost; callers poll as well, so a missed notification only costs latency.
 */
final class Notifier implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Notifier.class.getName());

    private final PgPool pool;
    private final Sql sql;
    private final Map<String, Set<Runnable>> spawnListeners = new ConcurrentHashMap<>();
    private final Map<Long, Set<Runnable>> doneListeners = new ConcurrentHashMap<>();
    private final Set<LongConsumer> cancelListeners = new CopyOnWriteArraySet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition listeningChanged = lock.newCondition();
    private volatile boolean listening;
    private volatile boolean closed;
    private Thread thread;

    Notifier(PgPool pool, Sql sql) {
        this.pool = pool;
        this.sql = sql;
    }

    /** Starts listening (once); later calls do nothing. */
    void start() {
        lock.lock();
        try {
            if (thread == null && !closed) {
                thread = Thread.ofVirtual().name("spool-tasks-listen-" + sql.schema).start(this::run);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeout} for the LISTEN to be in place; false if it is not (callers then just poll). */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        long left = timeout.toNanos();
        lock.lock();
        try {
            while (!listening && !closed && left > 0) {
                left = listeningChanged.awaitNanos(left);
            }
            return listening;
        } finally {
            lock.unlock();
        }
    }

    boolean isListening() {
        return listening;
    }

    private void run() {
        long backoff = 100;
        while (!closed) {
            try {
                pool.withConnection(this::listenOn);
                backoff = 100;
            } catch (RuntimeException e) {
                setListening(false);
                if (closed) {
                    return;
                }
                LOG.log(System.Logger.Level.DEBUG, "LISTEN connection failed; reconnecting in " + backoff + " ms: " + e);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    private Void listenOn(PgConnection conn) {
        try {
            conn.execute("LISTEN " + sql.spawnChannel + "; LISTEN " + sql.doneChannel + "; LISTEN " + sql.cancelChannel);
            setListening(true);
            wakeEveryone();  // whatever was notified while we were not listening
            while (!closed) {
                Notification n = conn.waitForNotification(Duration.ofMillis(250));
                if (n != null) {
                    dispatch(n);
                }
            }
            return null;
        } finally {
            setListening(false);
            if (conn.isUsable()) {
                try {
                    conn.execute("UNLISTEN *");  // the connection goes back to the pool: leave nothing behind
                } catch (RuntimeException ignored) {
                    // a broken connection is discarded by the pool anyway
                }
            }
        }
    }

    private void setListening(boolean v) {
        lock.lock();
        try {
            listening = v;
            listeningChanged.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void dispatch(Notification n) {
        String channel = n.channel();
        if (channel.equals(sql.spawnChannel)) {
            Set<Runnable> ls = spawnListeners.get(n.payload());
            if (ls != null) {
                ls.forEach(Runnable::run);
            }
        } else if (channel.equals(sql.doneChannel)) {
            Set<Runnable> ls = doneListeners.get(parse(n.payload()));
            if (ls != null) {
                ls.forEach(Runnable::run);
            }
        } else if (channel.equals(sql.cancelChannel)) {
            long runId = parse(n.payload());
            cancelListeners.forEach(l -> l.accept(runId));
        }
    }

    private static long parse(String payload) {
        try {
            return Long.parseLong(payload);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private void wakeEveryone() {
        spawnListeners.values().forEach(s -> s.forEach(Runnable::run));
        doneListeners.values().forEach(s -> s.forEach(Runnable::run));
    }

    void onSpawn(String queue, Runnable wake) {
        spawnListeners.computeIfAbsent(queue, q -> new CopyOnWriteArraySet<>()).add(wake);
    }

    void offSpawn(String queue, Runnable wake) {
        spawnListeners.computeIfPresent(queue, (q, s) -> {
            s.remove(wake);
            return s.isEmpty() ? null : s;
        });
    }

    void onDone(long taskId, Runnable wake) {
        doneListeners.computeIfAbsent(taskId, q -> new CopyOnWriteArraySet<>()).add(wake);
    }

    void offDone(long taskId, Runnable wake) {
        doneListeners.computeIfPresent(taskId, (q, s) -> {
            s.remove(wake);
            return s.isEmpty() ? null : s;
        });
    }

    void onCancel(LongConsumer listener) {
        cancelListeners.add(listener);
    }

    void offCancel(LongConsumer listener) {
        cancelListeners.remove(listener);
    }

    @Override
    public void close() {
        Thread t;
        lock.lock();
        try {
            closed = true;
            t = thread;
            listeningChanged.signalAll();
        } finally {
            lock.unlock();
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
