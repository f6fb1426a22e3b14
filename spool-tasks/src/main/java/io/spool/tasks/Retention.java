package io.spool.tasks;

import java.time.Duration;

/**
 * How long finished tasks stay in the hot {@code tasks} table: completed ones for {@code completedAfter}, dead
 * and cancelled ones for {@code failedAfter} (a {@code null} keeps them forever), after which workers delete
 * them (with their runs and steps) or, with {@code archive}, move them to {@code tasks_archive} and
 * {@code runs_archive}. Workers check every {@code interval}; one cleans at a time.
 */
public record Retention(Duration completedAfter, Duration failedAfter, boolean archive, Duration interval) {

    public Retention {
        if (completedAfter != null && completedAfter.isNegative()) {
            throw new IllegalArgumentException("completedAfter must not be negative");
        }
        if (failedAfter != null && failedAfter.isNegative()) {
            throw new IllegalArgumentException("failedAfter must not be negative");
        }
        if (interval == null || interval.toMillis() < 10) {
            throw new IllegalArgumentException("retention interval must be at least 10 ms, got " + interval);
        }
    }

    /** Completed tasks deleted after a day, dead and cancelled ones after a week; checked every minute. */
    public static Retention defaults() {
        return new Retention(Duration.ofDays(1), Duration.ofDays(7), false, Duration.ofMinutes(1));
    }

    /** Delete completed tasks after {@code completedAfter}, dead and cancelled ones after a week. */
    public static Retention delete(Duration completedAfter) {
        return new Retention(completedAfter, Duration.ofDays(7), false, Duration.ofMinutes(1));
    }

    /** Archive completed tasks after {@code completedAfter}, dead and cancelled ones after a week. */
    public static Retention archive(Duration completedAfter) {
        return new Retention(completedAfter, Duration.ofDays(7), true, Duration.ofMinutes(1));
    }

    /** Keep every task (no cleanup). */
    public static Retention keepAll() {
        return new Retention(null, null, false, Duration.ofMinutes(1));
    }

    public Retention withFailedAfter(Duration v) {
        return new Retention(completedAfter, v, archive, interval);
    }

    public Retention withInterval(Duration v) {
        return new Retention(completedAfter, failedAfter, archive, v);
    }

    boolean enabled() {
        return completedAfter != null || failedAfter != null;
    }
}
