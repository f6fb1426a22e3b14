package io.spool.tasks;

/**
 * What a {@link Worker} reports as it runs, for metrics: each run it claims, with how long the run waited since it
 * became available (by the database's clock, returned by the claim itself), and each run's end as the database
 * recorded it, with how long its handler ran. Set one with {@link Worker#metrics}; spool-tasks-dashboard binds it
 * to Prometheus. Called on the worker's own threads (claim loops, the completer, run threads) without any query
 * of its own, so an implementation must be thread-safe and cheap: count, never do I/O.
 */
public interface TaskMetrics {
    /** Reports nowhere: the default. */
    TaskMetrics NONE = new TaskMetrics() {};

    /** A run of {@code taskName} was claimed from {@code queue} after waiting {@code waitedNanos} to be picked up. */
    default void claimed(String queue, String taskName, long waitedNanos) {}

    /**
     * A run ended as {@code end}; its handler ran {@code handlerNanos} (0 when the handler gave up on a lost
     * lease or a cancellation by throwing {@link LeaseLostException}).
     */
    default void ended(String queue, String taskName, RunEnd end, long handlerNanos) {}

    /** How a run ended, as the database recorded it. */
    enum RunEnd {
        /** Its result was stored. */
        COMPLETED,
        /** It failed and the task will run again. */
        RETRYING,
        /** It failed and the task is dead (no attempts left, or a permanent failure). */
        DEAD,
        /** Its lease ran out or another worker took it over: nothing it sent was written. */
        LEASE_LOST,
        /** The task was cancelled while it ran. */
        CANCELLED
    }
}
