package io.spool.memes.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How long renders take, measured: an exponentially weighted mean of the renders that completed (each new one
 * weighs 1/8), so the estimate follows a change of workload within a few dozen renders. Unknown (-1) until the
 * first render ends.
 */
final class RenderTimes {
    private final AtomicLong meanNanos = new AtomicLong(-1);

    void record(long nanos) {
        meanNanos.updateAndGet(mean -> mean < 0 ? nanos : mean + (nanos - mean) / 8);
    }

    /** The mean render time in nanoseconds, or -1 before any render completed. */
    long meanNanos() {
        return meanNanos.get();
    }
}
