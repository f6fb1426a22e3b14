package io.spool.tasks;

import java.time.Instant;
import java.util.Map;

/**
 * A task as stored: identity, queue and priority, state, the attempt number and id of its current run, its
 * params and result (both {@code null} in listings, to keep them light), the last error (a failed attempt's,
 * or the final one of a dead task), headers, idempotency key and times. {@link #resultAs} reads a JSON result.
 */
public record TaskInfo(long taskId, String name, String queue, int priority, TaskState state, int attempt,
                       int maxAttempts, long currentRunId, byte[] params, byte[] result, String error,
                       Map<String, String> headers, String idempotencyKey, Instant createdAt, Instant finishedAt) {

    /** True when the task is completed, dead or cancelled. */
    public boolean isFinished() {
        return state.isFinal();
    }

    /** The result read as JSON of {@code type} ({@code null} when there is none). */
    public <T> T resultAs(Class<T> type) {
        return Json.decode(result, type);
    }

    /** The params read as JSON of {@code type}. */
    public <T> T paramsAs(Class<T> type) {
        return Json.decode(params, type);
    }

    @Override
    public String toString() {
        return "Task[" + taskId + " " + name + " in " + queue + ": " + state.sql() + ", attempt " + attempt + "/"
                + maxAttempts + (error == null ? "" : ", error " + error.lines().findFirst().orElse("")) + "]";
    }
}
