package io.spool.tasks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link Worker} runs: the queues it serves with the number of tasks it runs at once from each (empty:
 * the application's queues), the most runs one claim takes, how long {@link Worker#close()} lets running tasks
 * finish before releasing them, whether it also fires periodic schedules and runs retention cleanup. Immutable;
 * the {@code with...} methods return copies.
 */
public record WorkerOptions(Map<String, Integer> queues, int claimBatchSize, Duration shutdownTimeout,
                            boolean runSchedules, boolean runCleanup) {

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
    }

    /** The application's queues, claims of up to 500, 30 s to finish on close, schedules and cleanup on. */
    public static WorkerOptions defaults() {
        return new WorkerOptions(Map.of(), 500, Duration.ofSeconds(30), true, true);
    }

    /** Serve {@code queue}, running up to {@code concurrency} of its tasks at once. */
    public WorkerOptions withQueue(String queue, int concurrency) {
        Map<String, Integer> copy = new LinkedHashMap<>(queues);
        copy.put(queue, concurrency);
        return new WorkerOptions(copy, claimBatchSize, shutdownTimeout, runSchedules, runCleanup);
    }

    public WorkerOptions withQueues(Map<String, Integer> v) {
        return new WorkerOptions(v, claimBatchSize, shutdownTimeout, runSchedules, runCleanup);
    }

    public WorkerOptions withClaimBatchSize(int v) {
        return new WorkerOptions(queues, v, shutdownTimeout, runSchedules, runCleanup);
    }

    public WorkerOptions withShutdownTimeout(Duration v) {
        return new WorkerOptions(queues, claimBatchSize, v, runSchedules, runCleanup);
    }

    public WorkerOptions withSchedules(boolean v) {
        return new WorkerOptions(queues, claimBatchSize, shutdownTimeout, v, runCleanup);
    }

    public WorkerOptions withCleanup(boolean v) {
        return new WorkerOptions(queues, claimBatchSize, shutdownTimeout, runSchedules, v);
    }
}
