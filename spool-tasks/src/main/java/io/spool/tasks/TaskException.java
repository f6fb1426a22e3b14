package io.spool.tasks;

/**
 * A failure of the task queue itself (as opposed to a handler's own exception): bad input such as oversized
 * params, a task that does not exist or cannot be retried now, a JSON conversion. When the database refused
 * the operation, {@link #sqlState()} gives its SQLSTATE and the {@link io.spool.pg.PgException} is the cause.
 */
public class TaskException extends RuntimeException {
    private final String sqlState;

    public TaskException(String message) {
        this(message, null, null);
    }

    public TaskException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public TaskException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The SQLSTATE of the database error behind this one, or {@code null}. */
    public String sqlState() {
        return sqlState;
    }
}
