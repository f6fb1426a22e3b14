package io.spool.tasks;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The running flag of a part's loop, and its pause: a stop wakes the loop at once instead of at the end of its
 * sleep, and without an interrupt (which would close a pooled connection the loop may be using).
 */
final class StopSignal {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    private volatile boolean running = true;

    boolean running() {
        return running;
    }

    void stop() {
        lock.lock();
        try {
            running = false;
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code nanos} unless stopped first; false once stopped (or interrupted). */
    boolean pause(long nanos) {
        lock.lock();
        try {
            long left = nanos;
            while (running && left > 0) {
                left = stopped.awaitNanos(left);
            }
            return running;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Joins a part's thread (if it was started) for up to {@code millis}. */
    static void join(Thread thread, long millis) {
        if (thread == null) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
