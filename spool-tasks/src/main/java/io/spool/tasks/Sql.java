package io.spool.tasks;

/**
 * The statements the Java side sends, with the schema filled in once. The columns they select are read by name
 * in {@link Rows}.
 */
final class Sql {
    static final String TASK_COLUMNS = "task_id, name, queue, priority, state, attempt, max_attempts, current_run_id, "
            + "params, result, error, headers, idempotency_key, created_at, finished_at";
    static final String LIST_COLUMNS = "task_id, name, queue, priority, state, attempt, max_attempts, current_run_id, "
            + "NULL::bytea AS params, NULL::bytea AS result, error, headers, idempotency_key, created_at, finished_at";

    final String schema;
    final String spawnChannel;
    final String doneChannel;
    final String cancelChannel;
    final String spawnTasks;
    final String claim;
    final String completeRuns;
    final String failRun;
    final String extendLeases;
    final String releaseRuns;
    final String cancelTask;
    final String retryTask;
    final String watchTask;
    final String taskState;
    final String task;
    final String runs;
    final String counts;
    final String unclaimed;
    final String loadSteps;
    final String loadStep;
    final String saveStep;
    final String resetSteps;
    final String steps;
    final String pauseQueue;
    final String resumeQueue;
    final String pausedQueues;
    final String deleteTask;
    final String spawnScheduled;
    final String schedules;
    final String dueSchedules;
    final String upsertSchedule;
    final String deleteSchedule;
    final String cleanup;
    final String maxParams;
    final String setMaxParams;

    Sql(String s) {
        schema = s;
        spawnChannel = s + "_spawn";
        doneChannel = s + "_done";
        cancelChannel = s + "_cancel";
        spawnTasks = "SELECT ord, task_id, run_id, attempt, created FROM " + s + ".spawn_tasks($1, $2, $3, $4, $5, $6, "
                + "$7, $8, $9::jsonb[], $10, $11, $12, $13)";
        claim = "SELECT run_id, task_id, attempt, name, params, headers, lease, waited FROM " + s + ".claim_task($1, $2, $3, $4)";
        completeRuns = "SELECT run_id, outcome FROM " + s + ".complete_runs($1, $2, $3)";
        failRun = "SELECT outcome FROM " + s + ".fail_run($1, $2, $3, NULL, $4)";
        extendLeases = "SELECT run_id, outcome FROM " + s + ".extend_leases($1, $2, $3)";
        releaseRuns = "SELECT " + s + ".release_runs($1, $2) AS released";
        cancelTask = "SELECT " + s + ".cancel_task($1, $2)";
        retryTask = "SELECT task_id, run_id, attempt FROM " + s + ".retry_task($1)";
        watchTask = "SELECT " + s + ".watch_task($1)";
        taskState = "SELECT state FROM " + s + ".tasks WHERE task_id = $1";
        task = "SELECT " + TASK_COLUMNS + " FROM " + s + ".tasks WHERE task_id = $1 UNION ALL SELECT " + TASK_COLUMNS
                + " FROM " + s + ".tasks_archive WHERE task_id = $1 LIMIT 1";
        // finished runs through runs_task, the active one (if any) as the task's current run, archived ones
        String runColumns = "run_id, task_id, attempt, state, worker_id, available_at, claimed_at, lease_expires_at, "
                + "finished_at, error";
        runs = "SELECT " + runColumns + " FROM " + s + ".runs WHERE task_id = $1 AND state NOT IN ('pending', "
                + "'running') UNION ALL SELECT " + runColumns + " FROM " + s + ".runs WHERE run_id = (SELECT "
                + "current_run_id FROM " + s + ".tasks WHERE task_id = $1) AND state IN ('pending', 'running') "
                + "UNION ALL SELECT " + runColumns + " FROM " + s + ".runs_archive WHERE task_id = $1 ORDER BY run_id";
        counts = "SELECT queue, state, count(*) FROM " + s + ".tasks GROUP BY queue, state";
        unclaimed = "SELECT queue, name, runs, oldest_wait FROM " + s + ".unclaimed ORDER BY oldest_wait DESC, queue, name";
        loadSteps = "SELECT name, result FROM " + s + ".steps WHERE task_id = $1";
        loadStep = "SELECT name, result FROM " + s + ".steps WHERE task_id = $1 AND name = $2";
        saveStep = "SELECT " + s + ".save_step($1, $2, $3, $4) AS outcome";
        resetSteps = "SELECT " + s + ".reset_steps($1)";
        steps = "SELECT name, result, run_id, created_at FROM " + s + ".steps WHERE task_id = $1 ORDER BY created_at, name";
        pauseQueue = "SELECT " + s + ".pause_queue($1, $2)";
        resumeQueue = "SELECT " + s + ".resume_queue($1)";
        pausedQueues = "SELECT queue, paused_at FROM " + s + ".paused_queues ORDER BY queue";
        deleteTask = "SELECT " + s + ".delete_task($1)";
        spawnScheduled = "SELECT task_id, run_id FROM " + s + ".spawn_scheduled($1, $2)";
        schedules = "SELECT name, cron, zone, task_name, params, queue, priority, max_attempts, headers, lease, "
                + "backoff_base, backoff_max, backoff_jitter, enabled, last_tick, created_at FROM " + s
                + ".schedules ORDER BY name";
        // the database's clock, read with the schedules: ticks never follow a worker's clock
        dueSchedules = "SELECT now() AS db_now, name, cron, zone, coalesce(last_tick, created_at) AS since FROM " + s
                + ".schedules WHERE enabled";
        upsertSchedule = "INSERT INTO " + s + ".schedules (name, cron, zone, task_name, params, queue, priority, "
                + "max_attempts, headers, lease, backoff_base, backoff_max, backoff_jitter, enabled, last_tick) "
                + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13, $14, now()) "
                + "ON CONFLICT (name) DO UPDATE SET cron = EXCLUDED.cron, zone = EXCLUDED.zone, "
                + "task_name = EXCLUDED.task_name, params = EXCLUDED.params, queue = EXCLUDED.queue, "
                + "priority = EXCLUDED.priority, max_attempts = EXCLUDED.max_attempts, headers = EXCLUDED.headers, "
                + "lease = EXCLUDED.lease, backoff_base = EXCLUDED.backoff_base, backoff_max = EXCLUDED.backoff_max, "
                + "backoff_jitter = EXCLUDED.backoff_jitter, enabled = EXCLUDED.enabled, updated_at = now()";
        deleteSchedule = "DELETE FROM " + s + ".schedules WHERE name = $1";
        cleanup = "SELECT " + s + ".cleanup(now() - $1::interval, now() - $2::interval, $3, $4)";
        maxParams = "SELECT value::int FROM " + s + ".settings WHERE name = 'max_params_bytes'";
        setMaxParams = "UPDATE " + s + ".settings SET value = $1 WHERE name = 'max_params_bytes'";
    }

    /** SELECT ... FROM tasks with an optional filter per argument ($1 state, $2 queue, $3 name, $4 before id). */
    String list() {
        return "SELECT " + LIST_COLUMNS + " FROM " + schema + ".tasks WHERE ($1::text IS NULL OR state = $1) "
                + "AND ($2::text IS NULL OR queue = $2) AND ($3::text IS NULL OR name = $3) "
                + "AND ($4::bigint IS NULL OR task_id < $4) ORDER BY task_id DESC LIMIT $5";
    }
}
