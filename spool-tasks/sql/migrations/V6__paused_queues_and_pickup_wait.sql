-- spool-tasks migration 6 (V6__paused_queues_and_pickup_wait.sql) for schema spool_tasks, generated from
-- spool-tasks/src/main/resources/io/spool/tasks/migrations: do not edit. Apply the files in order:
--   psql -v ON_ERROR_STOP=1 -f V6__paused_queues_and_pickup_wait.sql
-- A version already recorded in spool_tasks.migrations is skipped.
DO $spool_migration$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('spool_tasks.migrate:spool_tasks'));
    CREATE SCHEMA IF NOT EXISTS spool_tasks;
    CREATE TABLE IF NOT EXISTS spool_tasks.migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
    IF EXISTS (SELECT 1 FROM spool_tasks.migrations WHERE version = 6) THEN
        RAISE NOTICE 'spool_tasks: version 6 is already applied';
        RETURN;
    END IF;
    EXECUTE $spool_body$
-- Version 6: a queue can be paused, and a claim tells how long each run waited.

-- A paused queue is not claimed from: claim_task answers nothing for it, so workers in every language obey the
-- pause (runs already claimed finish as usual, spawning goes on). One row per paused queue; resuming deletes it
-- and wakes the workers.
CREATE TABLE spool_tasks.paused_queues (
    queue     text PRIMARY KEY,
    paused_at timestamptz NOT NULL DEFAULT now(),
    paused_by text
);

-- Pauses a queue; true if this call paused it (false: it was paused already).
CREATE FUNCTION spool_tasks.pause_queue(p_queue text, p_by text DEFAULT NULL)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF coalesce(p_queue, '') = '' THEN
        RAISE EXCEPTION 'pause_queue needs a queue name' USING ERRCODE = '22023';
    END IF;
    INSERT INTO spool_tasks.paused_queues (queue, paused_by) VALUES (p_queue, p_by) ON CONFLICT DO NOTHING;
    RETURN FOUND;
END $$;

-- Resumes a paused queue and wakes its workers; true if this call resumed it (false: it was not paused).
CREATE FUNCTION spool_tasks.resume_queue(p_queue text)
RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM spool_tasks.paused_queues q WHERE q.queue = p_queue;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM pg_notify('spool_tasks_spawn', p_queue);
    RETURN true;
END $$;

-- claim_task as in version 5, with two changes: a paused queue gives nothing (one probe of paused_queues'
-- primary key), and each claimed run comes with how long it waited since it became available, by the database's
-- clock (the pickup latency workers report as a metric without a query of their own). The new column is last,
-- so callers that name their columns are unchanged.
DROP FUNCTION spool_tasks.claim_task(text, text, int, text[]);
CREATE FUNCTION spool_tasks.claim_task(p_queue text, p_worker text, p_limit int DEFAULT 1, p_names text[] DEFAULT NULL)
RETURNS TABLE (run_id bigint, task_id bigint, attempt int, name text, params bytea, headers jsonb,
               lease interval, lease_expires_at timestamptz, waited interval)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
    v_runs  bigint[];
    v_tasks bigint[];
BEGIN
    IF coalesce(p_worker, '') = '' THEN
        RAISE EXCEPTION 'claim_task needs a worker id' USING ERRCODE = '22023';
    END IF;
    IF p_limit < 0 THEN
        RAISE EXCEPTION 'claim_task limit must not be negative, got %', p_limit USING ERRCODE = '22023';
    END IF;
    IF cardinality(p_names) = 0 THEN
        RETURN;   -- a worker without handlers can run nothing
    END IF;
    -- the oldest lease in the runs_lease index tells whether any expired: most claims find none
    IF EXISTS (SELECT 1 FROM spool_tasks.runs r WHERE r.state = 'running' AND r.lease_expires_at < now()) THEN
        PERFORM spool_tasks.expire_leases(100);
    END IF;
    IF EXISTS (SELECT 1 FROM spool_tasks.paused_queues q WHERE q.queue = p_queue) THEN
        RETURN;   -- paused: its runs stay pending until resume_queue
    END IF;
    -- lock first (runs, then tasks: the order every function locks in), then update through the primary keys,
    -- so the plan never scans a table however large it grows
    IF p_names IS NULL THEN
        -- any name: the names pending in the queue, one index probe each (a skip scan of runs_claim_name)
        WITH RECURSIVE pending(name) AS (
            (SELECT r.name FROM spool_tasks.runs r WHERE r.queue = p_queue AND r.state = 'pending'
              ORDER BY r.queue, r.name LIMIT 1)
            UNION ALL
            SELECT (SELECT r.name FROM spool_tasks.runs r
                     WHERE r.queue = p_queue AND r.state = 'pending' AND r.name > n.name
                     ORDER BY r.queue, r.name LIMIT 1)
              FROM pending n WHERE n.name IS NOT NULL)
        SELECT array_agg(n.name) INTO p_names FROM pending n WHERE n.name IS NOT NULL;
        IF p_names IS NULL THEN
            RETURN;
        END IF;
    END IF;
    -- the head of each name, locked; of those, the most urgent (the rest are unlocked when the claim commits)
    SELECT array_agg(p.run_id), array_agg(p.task_id) INTO v_runs, v_tasks
      FROM (SELECT c.run_id, c.task_id
              FROM (SELECT DISTINCT unnest(p_names)) AS n(name)
             CROSS JOIN LATERAL (
                   SELECT r.run_id, r.task_id, r.priority, r.available_at FROM spool_tasks.runs r
                    WHERE r.queue = p_queue AND r.name = n.name AND r.state = 'pending' AND r.available_at <= now()
                    ORDER BY r.priority, r.available_at, r.run_id
                    LIMIT coalesce(p_limit, 1)   -- NULL takes the default; a NULL LIMIT would mean every ready run
                      FOR UPDATE SKIP LOCKED) c
             ORDER BY c.priority, c.available_at, c.run_id
             LIMIT coalesce(p_limit, 1)) p;
    IF v_runs IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH claimed AS (
        UPDATE spool_tasks.runs r
           SET state = 'running', worker_id = p_worker, claimed_at = now(), lease_expires_at = now() + r.lease
         WHERE r.run_id = ANY (v_runs)
        RETURNING r.run_id, r.task_id, r.attempt, r.lease, r.lease_expires_at, now() - r.available_at AS waited
    ), started AS (
        UPDATE spool_tasks.tasks t SET state = 'running'
         WHERE t.task_id = ANY (v_tasks)
        RETURNING t.task_id, t.name, t.params, t.headers
    )
    SELECT c.run_id, c.task_id, c.attempt, s.name, s.params, s.headers, c.lease, c.lease_expires_at, c.waited
      FROM claimed c JOIN started s ON s.task_id = c.task_id;
END $$;

-- Deletes a finished task (completed, dead or cancelled) with its runs and steps, for an operator clearing one
-- out before retention would; true when it was deleted. A pending or running task is refused (cancel it first).
CREATE FUNCTION spool_tasks.delete_task(p_task_id bigint)
RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    v_state text;
BEGIN
    SELECT t.state INTO v_state FROM spool_tasks.tasks t WHERE t.task_id = p_task_id FOR UPDATE;
    IF v_state IS NULL THEN
        RAISE EXCEPTION 'no task %', p_task_id USING ERRCODE = 'P0002';
    END IF;
    IF v_state NOT IN ('completed', 'dead', 'cancelled') THEN
        RAISE EXCEPTION 'task % is %; only completed, dead or cancelled tasks can be deleted (cancel it first)',
            p_task_id, v_state USING ERRCODE = '55000';
    END IF;
    DELETE FROM spool_tasks.runs r WHERE r.task_id = p_task_id AND r.state NOT IN ('pending', 'running');
    DELETE FROM spool_tasks.steps s WHERE s.task_id = p_task_id;
    DELETE FROM spool_tasks.tasks t WHERE t.task_id = p_task_id;
    RETURN true;
END $$;
$spool_body$;
    INSERT INTO spool_tasks.migrations (version, name) VALUES (6, 'V6__paused_queues_and_pickup_wait.sql');
END $spool_migration$;
