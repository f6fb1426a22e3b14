-- spool-tasks migration 3 (V3__safer_cancel_and_limits.sql) for schema spool_tasks, generated from
-- spool-tasks/src/main/resources/io/spool/tasks/migrations: do not edit. Apply the files in order:
--   psql -v ON_ERROR_STOP=1 -f V3__safer_cancel_and_limits.sql
-- A version already recorded in spool_tasks.migrations is skipped.
DO $spool_migration$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('spool_tasks.migrate:spool_tasks'));
    CREATE SCHEMA IF NOT EXISTS spool_tasks;
    CREATE TABLE IF NOT EXISTS spool_tasks.migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
    IF EXISTS (SELECT 1 FROM spool_tasks.migrations WHERE version = 3) THEN
        RAISE NOTICE 'spool_tasks: version 3 is already applied';
        RETURN;
    END IF;
    EXECUTE $spool_body$
-- Version 3: a cancel that races a retry cancels the retry too; backoff cannot overflow; leases are exact
-- durations (no months or years, whose length depends on the calendar and which workers cannot represent).

-- The task's current run is read, locked, and read again: a retry committed while the cancel waited for the old
-- run's lock has made a new pending run current, and that is the run to cancel (else it would be claimed later
-- and bring the cancelled task back). A new run only comes from its predecessor, locked here, so the loop ends.
CREATE OR REPLACE FUNCTION spool_tasks.cancel_task(p_task_id bigint, p_reason text DEFAULT 'cancelled')
RETURNS boolean LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_current bigint;
    v_run     bigint;
    v_watched boolean;
BEGIN
    -- runs before tasks, the order claim_task and complete_runs lock in
    LOOP
        SELECT t.current_run_id INTO v_current FROM spool_tasks.tasks t WHERE t.task_id = p_task_id;
        SELECT r.run_id INTO v_run FROM spool_tasks.runs r
         WHERE r.run_id = v_current AND r.state IN ('pending', 'running') FOR UPDATE;
        EXIT WHEN v_current IS NOT DISTINCT FROM
            (SELECT t.current_run_id FROM spool_tasks.tasks t WHERE t.task_id = p_task_id);
    END LOOP;
    UPDATE spool_tasks.tasks t SET state = 'cancelled', error = p_reason, finished_at = now()
     WHERE t.task_id = p_task_id AND t.state IN ('pending', 'running')
    RETURNING t.watched INTO v_watched;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF v_run IS NOT NULL THEN
        UPDATE spool_tasks.runs r SET state = 'cancelled', finished_at = now(), error = p_reason
         WHERE r.run_id = v_run;
        PERFORM pg_notify('spool_tasks_cancel', v_run::text);
    END IF;
    IF v_watched THEN
        PERFORM pg_notify('spool_tasks_done', p_task_id::text);
    END IF;
    RETURN true;
END $$;

-- The delay before attempt (p_attempt + 1): exponential from p_base, capped at p_max, minus up to p_jitter of it.
-- Computed in seconds and capped before it becomes an interval: the uncapped product of a long base and a late
-- attempt is beyond what an interval holds.
CREATE OR REPLACE FUNCTION spool_tasks.retry_delay(p_base interval, p_max interval, p_jitter float8, p_attempt int)
RETURNS interval LANGUAGE sql VOLATILE AS $$
    SELECT make_interval(secs => least(extract(epoch FROM p_max)::float8,
                                       extract(epoch FROM p_base)::float8
                                           * power(2::float8, least(greatest(p_attempt - 1, 0), 40)))
                                 * (1 - p_jitter * random()))
$$;

ALTER TABLE spool_tasks.tasks ADD CONSTRAINT tasks_lease_exact
    CHECK (extract(year FROM lease) = 0 AND extract(month FROM lease) = 0);
ALTER TABLE spool_tasks.runs ADD CONSTRAINT runs_lease_exact
    CHECK (extract(year FROM lease) = 0 AND extract(month FROM lease) = 0);
ALTER TABLE spool_tasks.schedules ADD CONSTRAINT schedules_lease_exact
    CHECK (extract(year FROM lease) = 0 AND extract(month FROM lease) = 0);
$spool_body$;
    INSERT INTO spool_tasks.migrations (version, name) VALUES (3, 'V3__safer_cancel_and_limits.sql');
END $spool_migration$;
