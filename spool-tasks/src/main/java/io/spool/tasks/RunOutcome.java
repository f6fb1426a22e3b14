package io.spool.tasks;

/**
 * What the schema's functions answer about a run a worker holds, as the SQL text they return: a heartbeat
 * {@code extended} it, a completion {@code completed} it, a failure made it {@code retrying} or {@code dead}, a
 * step was {@code saved} or {@code exists} already; or the run was no longer the worker's ({@code cancelled},
 * {@code lease_lost}), and then nothing was written.
 */
enum RunOutcome {
    EXTENDED, COMPLETED, RETRYING, DEAD, SAVED, EXISTS, CANCELLED, LEASE_LOST;

    /** The outcome a function returned; an unknown text is a protocol error. */
    static RunOutcome of(String sql) {
        return switch (sql) {
            case "extended" -> EXTENDED;
            case "completed" -> COMPLETED;
            case "retrying" -> RETRYING;
            case "dead" -> DEAD;
            case "saved" -> SAVED;
            case "exists" -> EXISTS;
            case "cancelled" -> CANCELLED;
            case "lease_lost" -> LEASE_LOST;
            default -> throw new TaskException("unknown run outcome '" + sql + "' from the database");
        };
    }

    /** The run was no longer this worker's: nothing it sent was written. */
    boolean lost() {
        return this == CANCELLED || this == LEASE_LOST;
    }
}
