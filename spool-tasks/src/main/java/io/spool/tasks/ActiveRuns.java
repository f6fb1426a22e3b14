package io.spool.tasks;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The runs a worker holds (claimed and leased: waiting for a slot, running, or with their end on its way to the
 * database), by run id. The claimer adds them, the lease keeper extends them, and a run leaves when it is over
 * here; a stopping worker waits until none is left.
 */
final class ActiveRuns {
    private final Map<Long, RunContext> runs = new ConcurrentHashMap<>();
    private final AtomicInteger finished = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();

    void add(RunContext ctx) {
        runs.put(ctx.runId(), ctx);
    }

    RunContext get(long runId) {
        return runs.get(runId);
    }

    Collection<RunContext> all() {
        return runs.values();
    }

    int size() {
        return runs.size();
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /** Runs over here (recorded, found lost, or never to be written) since the worker started. */
    int finished() {
        return finished.get();
    }

    /** The run is over here: its slot (and, once recorded, its place) frees. */
    void ended(RunContext ctx, boolean handlerReturned) {
        runs.remove(ctx.runId());
        finished.incrementAndGet();
        ctx.claimer.taskDone(handlerReturned);
        signal();
    }

    /** A run that never started leaves (dropped while it waited, or released on stop): it is not counted. */
    void forget(RunContext ctx) {
        runs.remove(ctx.runId());
        signal();
    }

    /** Waits until no run is left or {@code deadlineNanos} (System.nanoTime) passes; true when none is left. */
    boolean awaitEmpty(long deadlineNanos) {
        lock.lock();
        try {
            long left;
            while (!runs.isEmpty() && (left = deadlineNanos - System.nanoTime()) > 0) {
                changed.awaitNanos(left);
            }
            return runs.isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return runs.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
