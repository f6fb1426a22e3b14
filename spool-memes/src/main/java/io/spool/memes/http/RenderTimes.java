package io.spool.memes.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How long renders take, measured over the renders that completed: the plain mean of the first
 * {@value #WARM_UP} (so one cold render, which decodes its template and runs before the JIT, does not stand for
 * all of them), then an exponentially weighted mean in which each new render weighs 1/8 and counts for at most
 * four times the mean (a render that lost its core for a moment moves the estimate, but does not make it jump);
 * a lasting change of workload still shows within a few dozen renders. Unknown (-1) until the first render ends.
 */
final class RenderTimes {
    static final int WARM_UP = 8;

    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong meanNanos = new AtomicLong(-1);
    private long count;   // guarded by lock

    void record(long nanos) {
        lock.lock();
        try {
            long mean = meanNanos.get();
            count++;
            if (count <= WARM_UP) {
                meanNanos.set(mean < 0 ? nanos : mean + (nanos - mean) / count);
            } else {
                long sample = Math.min(nanos, 4 * mean);
                meanNanos.set(mean + (sample - mean) / 8);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The mean render time in nanoseconds, or -1 before any render completed. */
    long meanNanos() {
        return meanNanos.get();
    }
}
