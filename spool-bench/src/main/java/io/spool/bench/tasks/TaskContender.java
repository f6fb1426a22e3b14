package io.spool.bench.tasks;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One task system under test, for one round: {@link #start} it on an empty database, {@link #spawn} tasks in
 * batches while it runs them with a no-op handler that first calls {@link Probe#started(int)} with the task's
 * index, ask how many it has {@link #completed recorded as completed}, then {@link #close()} it.
 */
interface TaskContender extends AutoCloseable {
    String name();

    /** The contender's configuration, one line, for the report. */
    String settings();

    /** Starts the system (schema, pools, workers) on {@code db}, which is empty. */
    void start(Database db, Probe probe) throws Exception;

    /** Spawns the tasks with indexes {@code from} to {@code from + count - 1}, as one batch where it can. */
    void spawn(int from, int count) throws Exception;

    /**
     * How many tasks the system has recorded as completed, counted with SQL on {@code monitor} (the bench's own
     * connection, not one of the contender's); {@code spawned} tasks were spawned in all.
     */
    long completed(Connection monitor, int spawned) throws SQLException;

    /** A process other than this JVM that runs the contender (its CPU counts with the JVM's), or 0. */
    default long processId() {
        return 0;
    }

    /** Stops workers and closes pools. */
    @Override
    void close() throws Exception;

    /** Runs {@code sql}, which returns one number. */
    static long count(Connection monitor, String sql) throws SQLException {
        try (var s = monitor.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
