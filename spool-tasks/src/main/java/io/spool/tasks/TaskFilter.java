package io.spool.tasks;

/**
 * Which tasks a listing shows, newest first: optionally only one state, queue or task name, only ids below
 * {@code beforeTaskId} (for the next page: pass the last id seen), at most {@code limit} (1..1000).
 */
public record TaskFilter(TaskState state, String queue, String name, Long beforeTaskId, int limit) {

    public TaskFilter {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be within 1..1000, got " + limit);
        }
    }

    /** The newest 100 tasks. */
    public static TaskFilter all() {
        return new TaskFilter(null, null, null, null, 100);
    }

    public TaskFilter withState(TaskState v) {
        return new TaskFilter(v, queue, name, beforeTaskId, limit);
    }

    public TaskFilter withQueue(String v) {
        return new TaskFilter(state, v, name, beforeTaskId, limit);
    }

    public TaskFilter withName(String v) {
        return new TaskFilter(state, queue, v, beforeTaskId, limit);
    }

    public TaskFilter before(long taskId) {
        return new TaskFilter(state, queue, name, taskId, limit);
    }

    public TaskFilter withLimit(int v) {
        return new TaskFilter(state, queue, name, beforeTaskId, v);
    }
}
