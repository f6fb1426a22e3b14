package io.spool.tasks;

import java.util.Locale;

/**
 * Where a task is in its life: {@code PENDING} (waiting for a worker, possibly until a run-at time or a retry
 * backoff), {@code RUNNING} (a worker holds a lease on its current run), and the final states {@code COMPLETED}
 * (a result is stored), {@code DEAD} (it failed on its last allowed attempt, the error is stored) and
 * {@code CANCELLED}. The names are the lower-case values of the {@code state} column.
 */
public enum TaskState {
    PENDING, RUNNING, COMPLETED, DEAD, CANCELLED;

    /** True for the states a task stays in until someone retries it. */
    public boolean isFinal() {
        return this == COMPLETED || this == DEAD || this == CANCELLED;
    }

    /** The value stored in the database. */
    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@code state} column value. */
    public static TaskState of(String sql) {
        return valueOf(sql.toUpperCase(Locale.ROOT));
    }
}
