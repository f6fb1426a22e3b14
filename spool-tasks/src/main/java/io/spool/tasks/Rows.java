package io.spool.tasks;

import io.spool.pg.Row;
import io.spool.pg.RowSet;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Every row the Java side reads, turned into a record by column name, in one place: the columns are those the
 * statements of {@link Sql} select, so a column added or moved there cannot shift what another one means here.
 */
final class Rows {
    private Rows() {}

    /** A run {@code claim_task} handed to this worker. */
    record ClaimedRun(long runId, long taskId, int attempt, String name, byte[] params, String headersJson,
                      Duration lease, Duration waited) {}

    /** One run's answer from {@code complete_runs} or {@code extend_leases}. */
    record RunAnswer(long runId, RunOutcome outcome) {}

    /** An enabled schedule as the scheduler reads it, with the database's clock. */
    record DueSchedule(Instant databaseNow, String name, String cron, String zone, Instant since) {}

    static ClaimedRun claimed(Row r) {
        return new ClaimedRun(r.getLong("run_id"), r.getLong("task_id"), r.getInteger("attempt"), r.getString("name"),
                r.getBytes("params"), r.getString("headers"), r.get("lease", Duration.class),
                r.get("waited", Duration.class));
    }

    static RunAnswer answer(Row r) {
        return new RunAnswer(r.getLong("run_id"), RunOutcome.of(r.getString("outcome")));
    }

    /** The outcome of a statement that answers one row with an {@code outcome} column. */
    static RunOutcome outcome(RowSet rows) {
        return RunOutcome.of(rows.row(0).getString("outcome"));
    }

    static DueSchedule due(Row r) {
        return new DueSchedule(instant(r, "db_now"), r.getString("name"), r.getString("cron"), r.getString("zone"),
                instant(r, "since"));
    }

    static SpawnResult spawned(Row r) {
        return new SpawnResult(r.getLong("task_id"), r.getLong("run_id"), r.getInteger("attempt"),
                r.getBoolean("created"));
    }

    static TaskInfo task(Row r) {
        return new TaskInfo(r.getLong("task_id"), r.getString("name"), r.getString("queue"), r.getInteger("priority"),
                TaskState.of(r.getString("state")), r.getInteger("attempt"), r.getInteger("max_attempts"),
                r.getLong("current_run_id"), r.getBytes("params"), r.getBytes("result"), r.getString("error"),
                Json.headers(r.getString("headers")), r.getString("idempotency_key"), instant(r, "created_at"),
                instant(r, "finished_at"));
    }

    static RunInfo run(Row r) {
        return new RunInfo(r.getLong("run_id"), r.getLong("task_id"), r.getInteger("attempt"), r.getString("state"),
                r.getString("worker_id"), instant(r, "available_at"), instant(r, "claimed_at"),
                instant(r, "lease_expires_at"), instant(r, "finished_at"), r.getString("error"));
    }

    static Schedule schedule(Row r) {
        SpawnOptions o = SpawnOptions.defaults().withQueue(r.getString("queue")).withPriority(r.getInteger("priority"))
                .withMaxAttempts(r.getInteger("max_attempts")).withHeaders(Json.headers(r.getString("headers")))
                .withLease(r.get("lease", Duration.class))
                .withBackoff(new RetryBackoff(r.get("backoff_base", Duration.class),
                        r.get("backoff_max", Duration.class), r.getDouble("backoff_jitter")));
        return new Schedule(r.getString("name"), r.getString("cron"), ZoneId.of(r.getString("zone")),
                r.getString("task_name"), r.getBytes("params"), o, r.getBoolean("enabled"));
    }

    static Unclaimed unclaimed(Row r) {
        return new Unclaimed(r.getString("queue"), r.getString("name"), r.getLong("runs"),
                r.get("oldest_wait", Duration.class));
    }

    /** The stored steps of a task: name to result. */
    static Map<String, byte[]> steps(RowSet rows) {
        Map<String, byte[]> m = new HashMap<>();
        for (Row r : rows) {
            m.put(r.getString("name"), r.getBytes("result"));
        }
        return m;
    }

    static StepInfo step(Row r) {
        return new StepInfo(r.getString("name"), r.getBytes("result"), r.getLong("run_id"), instant(r, "created_at"));
    }

    static Instant instant(Row r, String column) {
        return r.isNull(column) ? null : r.get(column, OffsetDateTime.class).toInstant();
    }
}
