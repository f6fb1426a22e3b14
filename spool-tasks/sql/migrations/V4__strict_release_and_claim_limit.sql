-- spool-tasks migration 4 (V4__strict_release_and_claim_limit.sql) for schema spool_tasks, generated from
-- spool-tasks/src/main/resources/io/spool/tasks/migrations: do not edit. Apply the files in order:
--   psql -v ON_ERROR_STOP=1 -f V4__strict_release_and_claim_limit.sql
-- A version already recorded in spool_tasks.migrations is skipped.
DO $spool_migration$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('spool_tasks.migrate:spool_tasks'));
    CREATE SCHEMA IF NOT EXISTS spool_tasks;
    CREATE TABLE IF NOT EXISTS spool_tasks.migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
    IF EXISTS (SELECT 1 FROM spool_tasks.migrations WHERE version = 4) THEN
        RAISE NOTICE 'spool_tasks: version 4 is already applied';
        RETURN;
    END IF;
    EXECUTE $spool_body$
-- Version 4: a NULL claim limit takes the default (1) instead of meaning LIMIT ALL; a worker cannot release a run
-- whose lease expired (strict leases: the expiry uses the attempt up, a release would give it back).

CREATE OR REPLACE FUNCTION spool_tasks.claim_task(p_queue text, p_worker text, p_limit int DEFAULT 1)
RETURNS TABLE (run_id bigint, task_id bigint, attempt int, name text, params bytea, headers jsonb,
               lease interval, lease_expires_at timestamptz)
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
    -- the oldest lease in the runs_lease index tells whether any expired: most claims find none
    IF EXISTS (SELECT 1 FROM spool_tasks.runs r WHERE r.state = 'running' AND r.lease_expires_at < now()) THEN
        PERFORM spool_tasks.expire_leases(100);
    END IF;
    -- lock first (runs, then tasks: the order every function locks in), then update through the primary keys,
    -- so the plan never scans a table however large it grows
    SELECT array_agg(p.run_id), array_agg(p.task_id) INTO v_runs, v_tasks
      FROM (SELECT r.run_id, r.task_id FROM spool_tasks.runs r
             WHERE r.queue = p_queue AND r.state = 'pending' AND r.available_at <= now()
             ORDER BY r.priority, r.available_at, r.run_id
             LIMIT coalesce(p_limit, 1)   -- NULL takes the default; a NULL LIMIT would mean every ready run
               FOR UPDATE SKIP LOCKED) p;
    IF v_runs IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
    WITH claimed AS (
        UPDATE spool_tasks.runs r
           SET state = 'running', worker_id = p_worker, claimed_at = now(), lease_expires_at = now() + r.lease
         WHERE r.run_id = ANY (v_runs)
        RETURNING r.run_id, r.task_id, r.attempt, r.lease, r.lease_expires_at
    ), started AS (
        UPDATE spool_tasks.tasks t SET state = 'running'
         WHERE t.task_id = ANY (v_tasks)
        RETURNING t.task_id, t.name, t.params, t.headers
    )
    SELECT c.run_id, c.task_id, c.attempt, s.name, s.params, s.headers, c.lease, c.lease_expires_at
      FROM claimed c JOIN started s ON s.task_id = c.task_id;
END $$;

CREATE OR REPLACE FUNCTION spool_tasks.release_runs(p_run_ids bigint[], p_worker text)
RETURNS int LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_count  int;
    v_queues text[];
BEGIN
    WITH released AS (
        UPDATE spool_tasks.runs r
           SET state = 'released', finished_at = now(), error = 'released by worker ' || p_worker || ' on stop'
          FROM unnest(p_run_ids) AS i(run_id)
         WHERE r.run_id = i.run_id
           AND CASE WHEN r.state = 'running' AND r.worker_id = p_worker AND r.lease_expires_at >= now()
                    THEN true ELSE false END
        RETURNING r.task_id, r.attempt, r.queue, r.priority, r.lease
    ), next AS (
        UPDATE spool_tasks.tasks t
           SET state = 'pending', current_run_id = nextval('spool_tasks.runs_run_id_seq')
          FROM released l
         WHERE t.task_id = l.task_id
        RETURNING t.task_id, t.current_run_id, l.attempt, l.queue, l.priority, l.lease
    ), new_runs AS (
        INSERT INTO spool_tasks.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease)
        SELECT n.current_run_id, n.task_id, n.attempt, n.queue, n.priority, 'pending', now(), n.lease FROM next n
        RETURNING queue
    )
    SELECT count(*), array_agg(DISTINCT queue) INTO v_count, v_queues FROM new_runs;
    IF v_queues IS NOT NULL THEN
        PERFORM pg_notify('spool_tasks_spawn', q) FROM unnest(v_queues) q;
    END IF;
    RETURN v_count;
END $$;
$spool_body$;
    INSERT INTO spool_tasks.migrations (version, name) VALUES (4, 'V4__strict_release_and_claim_limit.sql');
END $spool_migration$;
