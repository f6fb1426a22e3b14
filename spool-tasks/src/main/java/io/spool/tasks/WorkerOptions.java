package io.spool.tasks;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link Worker} runs: the queues it serves with the number of tasks it runs at once from each (empty:
 * the application's queues), the most runs one claim takes, how many runs per queue it claims ahead of its free
 * slots ({@link #claimAhead()}), how long {@link Worker#close()} lets running tasks finish before releasing them,
 * whether it also fires periodic schedules and runs retention cleanup, and the clock it reads (schedules follow the
 * database's clock; the worker's only measures how far off it is). Immutable; the {@code with...} methods
 * return copies.
 */
public record WorkerOptions(Map<String, Integer> queues, int claimBatchSize, Duration shutdownTimeout,
                            boolean runSchedules, boolean runCleanup, int claimAhead, Clock clock) {

    /** {@link #claimAhead()}: as many runs ahead as the queue's concurrency. */
    public static final int CLAIM_AHEAD_CONCURRENCY = -1;

    public WorkerOptions {
        queues = Map.copyOf(queues);
        queues.forEach((q, n) -> {
            if (q.isBlank() || n < 1) {
                throw new IllegalArgumentException("queue '" + q + "' needs a name and a concurrency of at least 1");
            }
        });
        if (claimBatchSize < 1) {
            throw new IllegalArgumentException("claimBatchSize must be at least 1");
        }
        if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("shutdownTimeout must be zero or positive");
        }
        if (clock == null) {
            throw new IllegalArgumentException("a worker needs a clock");
        }
        if (claimAhead < CLAIM_AHEAD_CONCURRENCY) {
            throw new IllegalArgumentException("claimAhead must be zero or more (or CLAIM_AHEAD_CONCURRENCY)");
        }
    }

    /**
     * The application's queues, claims of up to 500, each queue claiming as many runs ahead as its concurrency,
     * 30 s to finish on close, schedules and cleanup on.
     */
    public static WorkerOptions defaults() {
        return new WorkerOptions(Map.of(), 500, Duration.ofSeconds(30), true, true, CLAIM_AHEAD_CONCURRENCY,
                Clock.systemUTC());
    }

    /** The runs claimed ahead for a queue of {@code concurrency}. */
    int claimAheadFor(int concurrency) {
        return claimAhead == CLAIM_AHEAD_CONCURRENCY ? concurrency : claimAhead;
    }

    /** Serve {@code queue}, running up to {@code concurrency} of its tasks at once. */
    public WorkerOptions withQueue(String queue, int concurrency) {
        Map<String, Integer> copy = new LinkedHashMap<>(queues);
        copy.put(queue, concurrency);
        return new WorkerOptions(copy, claimBatchSize, shutdownTimeout, runSchedules, runCleanup, claimAhead, clock);
    }

    public WorkerOptions withQueues(Map<String, Integer> v) {
        return new WorkerOptions(v, claimBatchSize, shutdownTimeout, runSchedules, runCleanup, claimAhead, clock);
    }

    public WorkerOptions withClaimBatchSize(int v) {
        return new WorkerOptions(queues, v, shutdownTimeout, runSchedules, runCleanup, claimAhead, clock);
    }

    public WorkerOptions withShutdownTimeout(Duration v) {
        return new WorkerOptions(queues, claimBatchSize, v, runSchedules, runCleanup, claimAhead, clock);
    }

    public WorkerOptions withSchedules(boolean v) {
        return new WorkerOptions(queues, claimBatchSize, shutdownTimeout, v, runCleanup, claimAhead, clock);
    }

    public WorkerOptions withCleanup(boolean v) {
        return new WorkerOptions(queues, claimBatchSize, shutdownTimeout, runSchedules, v, claimAhead, clock);
    }

    /**
     * Claim up to {@code v} runs per queue beyond its concurrency (0: claim only for free slots). A slot that
     * frees then starts a waiting run at once, and claims come in bigger, fewer batches: the throughput of short
     * tasks. The waiting runs are leased to this worker, so other workers do not take them; keep it low when
     * tasks are long and many workers share a queue.
     */
    public WorkerOptions withClaimAhead(int v) {
        return new WorkerOptions(queues, claimBatchSize, shutdownTimeout, runSchedules, runCleanup, v, clock);
    }

    /** The clock the worker reads (tests shift it); ticks of schedules still follow the database's clock. */
    public WorkerOptions withClock(Clock v) {
        return new WorkerOptions(queues, claimBatchSize, shutdownTimeout, runSchedules, runCleanup, claimAhead, v);
    }
}
