package io.spool.memes.http;

import java.time.Duration;

/**
 * Admission by expected wait: a render is admitted when the renders already admitted ({@code ahead}), spread over
 * the pool's threads at the measured mean render time, leave it time to finish within its budget (a share of the
 * request's deadline, so an estimate that is a little off still ends in time). Otherwise the answer is a 503
 * whose {@code Retry-After} is how long the backlog needs to drain until such a request would fit. The queue's
 * capacity stays as a bound on memory only. Before any render has been measured, everything up to that bound
 * is admitted.
 */
record Admission(int threads, int capacity, long budgetNanos) {

    /** The share of the request's deadline that its expected wait plus render may use. */
    static final double BUDGET_SHARE = 0.75;

    static Admission of(int threads, int capacity, Duration requestTimeout) {
        return new Admission(threads, capacity, (long) (requestTimeout.toNanos() * BUDGET_SHARE));
    }

    /** The expected time from now until a render admitted behind {@code ahead} others has finished. */
    long expectedDoneNanos(int ahead, long meanNanos) {
        long mean = Math.max(0, meanNanos);
        long waiting = Math.max(0, ahead + 1 - threads);   // renders that will start before this one
        return waiting * mean / threads + mean;
    }

    /** Null when a render may join behind {@code ahead} others, else the refusal to answer. */
    OverloadedException refusal(int ahead, long meanNanos) {
        if (ahead - threads >= capacity) {
            return new OverloadedException("too many images are waiting to be rendered; try again shortly",
                    retryAfterSeconds(expectedDoneNanos(ahead, meanNanos) - budgetNanos));
        }
        long done = expectedDoneNanos(ahead, meanNanos);
        if (meanNanos < 0 || done <= budgetNanos) {
            return null;
        }
        return new OverloadedException("the renders ahead would take about " + done / 1_000_000 + " ms, past this "
                + "request's deadline; try again shortly", retryAfterSeconds(done - budgetNanos));
    }

    private static int retryAfterSeconds(long excessNanos) {
        return (int) Math.max(1, Math.min(3600, (excessNanos + 999_999_999) / 1_000_000_000));
    }
}
