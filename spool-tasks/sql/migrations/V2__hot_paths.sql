-- spool-tasks migration 2 (V2__hot_paths.sql) for schema spool_tasks, generated from
-- spool-tasks/src/main/resources/io/spool/tasks/migrations: do not edit. Apply the files in order:
--   psql -v ON_ERROR_STOP=1 -f V2__hot_paths.sql
-- A version already recorded in spool_tasks.migrations is skipped.
DO $spool_migration$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('spool_tasks.migrate:spool_tasks'));
    CREATE SCHEMA IF NOT EXISTS spool_tasks;
    CREATE TABLE IF NOT EXISTS spool_tasks.migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
    IF EXISTS (SELECT 1 FROM spool_tasks.migrations WHERE version = 2) THEN
        RAISE NOTICE 'spool_tasks: version 2 is already applied';
        RETURN;
    END IF;
    EXECUTE $spool_body$
-- spool-tasks schema, version 2: the same protocol, cheaper per call and per task. spool_tasks is replaced by the schema name.
--
-- PostgreSQL plans the body of a LANGUAGE sql function that it cannot inline again on every call (before 18),
-- which cost complete_runs and extend_leases about 0.3 ms per call, more than the work itself for a batch of a
-- few dozen runs. As PL/pgSQL they keep their plans for the session, and force_generic_plan keeps them from
-- planning anew for each call (a custom plan looks cheaper for a small array, so PostgreSQL would never settle on
-- the generic one, and planning the claim alone probed runs_claim for the current range of available_at).
-- A generic plan is made once, often while the tables are still empty, when a scan of the whole table looks as
-- cheap as an index probe; so every table access here is driven by an index condition ("= ANY (array)", the
-- claim order), enable_seqscan = off keeps the planner on those indexes, and complete_runs joins its arrays by
-- hash (enable_nestloop = off), never one array per element of the other. claim_task only calls expire_leases
-- when an index probe finds an expired lease, instead of on every claim. Signatures, results and locking order
-- are those of version 1.
--
-- A task row is updated twice (claimed, finished), and a claim updates a whole batch of neighbouring rows in one
-- transaction, so at fillfactor 80 half of those updates found no room on their page and were not HOT (a new
-- tasks_pkey entry each, more WAL). At 50 each row has room for its next version. It applies to pages written
-- from now on; existing rows stay where they are.
ALTER TABLE spool_tasks.tasks SET (fillfactor = 50);

-- runs_task lists only finished runs. A pending or running run is its task's current_run_id, so nothing needs
-- it by task id; and as every change of state moves a run to a new row version with new index entries, an
-- index of all runs took an entry at the spawn, one at the claim and one at the end. Now only the end adds one.
DROP INDEX spool_tasks.runs_task;
CREATE INDEX runs_task ON spool_tasks.runs (task_id) WHERE state NOT IN ('pending', 'running');

CREATE OR REPLACE FUNCTION spool_tasks.extend_leases(p_run_ids bigint[], p_worker text, p_lease interval DEFAULT NULL)
RETURNS TABLE (run_id bigint, outcome text, lease_expires_at timestamptz)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH extended AS (
        UPDATE spool_tasks.runs r
           SET lease_expires_at = now() + coalesce(p_lease, r.lease)
         WHERE r.run_id = ANY (p_run_ids)
           AND CASE WHEN r.state = 'running' AND r.worker_id = p_worker AND r.lease_expires_at >= now()
                    THEN true ELSE false END
        RETURNING r.run_id, r.lease_expires_at
    )
    SELECT i.run_id,
           CASE WHEN e.run_id IS NOT NULL THEN 'extended'
                WHEN (SELECT r.state FROM spool_tasks.runs r WHERE r.run_id = i.run_id) = 'cancelled' THEN 'cancelled'
                ELSE 'lease_lost' END,
           e.lease_expires_at
      FROM unnest(p_run_ids) AS i(run_id)
      LEFT JOIN extended e ON e.run_id = i.run_id;
END $$;

CREATE OR REPLACE FUNCTION spool_tasks.complete_runs(p_run_ids bigint[], p_worker text, p_results bytea[])
RETURNS TABLE (run_id bigint, outcome text)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off SET enable_nestloop = off AS $$
#variable_conflict use_column
DECLARE
    v_runs     bigint[];
    v_tasks    bigint[];
    v_notified bigint;
BEGIN
    WITH done AS (
        UPDATE spool_tasks.runs r
           SET state = 'completed', finished_at = now()
         WHERE r.run_id = ANY (p_run_ids)
           AND CASE WHEN r.state = 'running' AND r.worker_id = p_worker AND r.lease_expires_at >= now()
                    THEN true ELSE false END
        RETURNING r.run_id, r.task_id
    )
    SELECT array_agg(d.run_id), array_agg(d.task_id) INTO v_runs, v_tasks FROM done d;
    IF v_runs IS NOT NULL THEN
        -- "task_id = ANY (v_tasks)" gives every plan an index condition on tasks, whatever it joins first
        WITH finished AS (
            UPDATE spool_tasks.tasks t
               SET state = 'completed', result = x.result, error = NULL, finished_at = now()
              FROM (SELECT d.task_id, i.result
                      FROM unnest(v_runs, v_tasks) AS d(run_id, task_id)
                      JOIN unnest(p_run_ids, p_results) AS i(run_id, result) ON i.run_id = d.run_id) x
             WHERE t.task_id = x.task_id AND t.task_id = ANY (v_tasks)
            RETURNING t.task_id, t.watched
        )
        SELECT count(pg_notify('spool_tasks_done', f.task_id::text)) INTO v_notified FROM finished f WHERE f.watched;
    END IF;
    RETURN QUERY
    SELECT i.run_id,
           CASE WHEN d.run_id IS NOT NULL THEN 'completed'
                WHEN (SELECT r.state FROM spool_tasks.runs r WHERE r.run_id = i.run_id) = 'cancelled' THEN 'cancelled'
                ELSE 'lease_lost' END
      FROM unnest(p_run_ids) AS i(run_id)
      LEFT JOIN unnest(v_runs) AS d(run_id) ON d.run_id = i.run_id;
END $$;

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
             LIMIT p_limit
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

CREATE OR REPLACE FUNCTION spool_tasks.cancel_task(p_task_id bigint, p_reason text DEFAULT 'cancelled')
RETURNS boolean LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_run     bigint;
    v_watched boolean;
BEGIN
    -- runs before tasks, the order claim_task and complete_runs lock in
    -- a pending or running task's active run is its current run (runs_task no longer lists active runs)
    SELECT r.run_id INTO v_run FROM spool_tasks.runs r
     WHERE r.run_id = (SELECT t.current_run_id FROM spool_tasks.tasks t WHERE t.task_id = p_task_id)
       AND r.state IN ('pending', 'running') FOR UPDATE;
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

-- As in version 1, with the condition on state that lets the partial runs_task find a finished task's runs.
CREATE OR REPLACE FUNCTION spool_tasks.cleanup(p_completed_before timestamptz, p_failed_before timestamptz,
                                  p_archive boolean DEFAULT false, p_limit int DEFAULT 10000)
RETURNS int LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_ids bigint[];
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('spool_tasks.cleanup:spool_tasks')) THEN
        RETURN -1;
    END IF;
    SELECT array_agg(t.task_id) INTO v_ids FROM (
        SELECT t.task_id FROM spool_tasks.tasks t
         WHERE (t.state = 'completed' AND t.finished_at < p_completed_before)
            OR (t.state IN ('dead', 'cancelled') AND t.finished_at < p_failed_before)
         LIMIT p_limit FOR UPDATE SKIP LOCKED) t;
    IF v_ids IS NULL THEN
        DELETE FROM spool_tasks.schedule_ticks k WHERE k.spawned_at < now() - interval '1 day';
        RETURN 0;
    END IF;
    -- a finished task's runs are all finished: the condition on state lets the partial runs_task serve
    IF p_archive THEN
        WITH gone AS (DELETE FROM spool_tasks.tasks t WHERE t.task_id = ANY (v_ids) RETURNING t.*)
        INSERT INTO spool_tasks.tasks_archive SELECT g.*, now() FROM gone g;
        WITH gone AS (DELETE FROM spool_tasks.runs r WHERE r.task_id = ANY (v_ids) AND r.state NOT IN ('pending', 'running')
                    RETURNING r.*)
        INSERT INTO spool_tasks.runs_archive SELECT g.*, now() FROM gone g;
    ELSE
        DELETE FROM spool_tasks.tasks t WHERE t.task_id = ANY (v_ids);
        DELETE FROM spool_tasks.runs r WHERE r.task_id = ANY (v_ids) AND r.state NOT IN ('pending', 'running');
    END IF;
    DELETE FROM spool_tasks.steps s WHERE s.task_id = ANY (v_ids);
    DELETE FROM spool_tasks.schedule_ticks k WHERE k.spawned_at < now() - interval '1 day';
    RETURN cardinality(v_ids);
END $$;

-- As in version 1, but a batch without idempotency keys is inserted without ON CONFLICT.
CREATE OR REPLACE FUNCTION spool_tasks.spawn_tasks(
    p_names            text[],
    p_params           bytea[],
    p_queues           text[] DEFAULT NULL,
    p_priorities       int[] DEFAULT NULL,
    p_run_at           timestamptz[] DEFAULT NULL,
    p_delays           interval[] DEFAULT NULL,
    p_max_attempts     int[] DEFAULT NULL,
    p_idempotency_keys text[] DEFAULT NULL,
    p_headers          jsonb[] DEFAULT NULL,
    p_leases           interval[] DEFAULT NULL,
    p_backoff_base     interval[] DEFAULT NULL,
    p_backoff_max      interval[] DEFAULT NULL,
    p_backoff_jitter   float8[] DEFAULT NULL)
RETURNS TABLE (ord int, task_id bigint, run_id bigint, attempt int, created boolean)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_limit bigint;
    v_big   record;
    v_ords  int[];
    v_tasks bigint[];
    v_runs  bigint[];
    v_bad   int;
BEGIN
    IF p_names IS NULL OR cardinality(p_names) = 0 THEN
        RETURN;
    END IF;
    SELECT s.value::bigint INTO v_limit FROM spool_tasks.settings s WHERE s.name = 'max_params_bytes';
    SELECT u.i, octet_length(u.p) AS len INTO v_big
      FROM unnest(p_params) WITH ORDINALITY AS u(p, i)
     WHERE octet_length(u.p) > v_limit LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'params of task "%" are % bytes, more than the limit of % bytes', p_names[v_big.i], v_big.len, v_limit
            USING ERRCODE = '54000',
                  HINT = 'store large data elsewhere and pass a reference, or raise max_params_bytes in spool_tasks.settings';
    END IF;
    SELECT u.i INTO v_bad FROM unnest(p_names) WITH ORDINALITY AS u(n, i) WHERE coalesce(u.n, '') = '' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'task % of the batch has no name', v_bad USING ERRCODE = '22023';
    END IF;

    -- without idempotency keys nothing can conflict: a plain INSERT skips the speculative insertion that
    -- ON CONFLICT makes of every row (a check of the arbiter index and one more WAL record per task)
    IF p_idempotency_keys IS NULL OR NOT EXISTS (SELECT 1 FROM unnest(p_idempotency_keys) k WHERE k IS NOT NULL) THEN
        WITH input AS MATERIALIZED (
            SELECT u.i::int AS i,
                   nextval('spool_tasks.tasks_task_id_seq') AS new_task,
                   nextval('spool_tasks.runs_run_id_seq') AS new_run,
                   u.name,
                   coalesce(u.params, '\x'::bytea) AS params,
                   coalesce(u.queue, 'default') AS queue,
                   coalesce(u.priority, 0) AS priority,
                   coalesce(u.run_at, now() + u.delay, now()) AS available_at,
                   coalesce(u.max_attempts, 25) AS max_attempts,
                   u.idem AS idempotency_key,
                   coalesce(u.headers, '{}'::jsonb) AS headers,
                   coalesce(u.lease, interval '30 seconds') AS lease,
                   coalesce(u.bbase, interval '1 second') AS backoff_base,
                   coalesce(u.bmax, interval '1 hour') AS backoff_max,
                   coalesce(u.jitter, 0.2) AS backoff_jitter
              FROM unnest(p_names, p_params, p_queues, p_priorities, p_run_at, p_delays, p_max_attempts,
                          p_idempotency_keys, p_headers, p_leases, p_backoff_base, p_backoff_max, p_backoff_jitter)
                   WITH ORDINALITY AS u(name, params, queue, priority, run_at, delay, max_attempts, idem, headers, lease,
                                        bbase, bmax, jitter, i)
        ), new_tasks AS (
            INSERT INTO spool_tasks.tasks (task_id, name, queue, priority, params, headers, max_attempts, lease,
                                         backoff_base, backoff_max, backoff_jitter, idempotency_key, state, attempt,
                                         current_run_id)
            SELECT new_task, name, queue, priority, params, headers, max_attempts, lease, backoff_base, backoff_max,
                   backoff_jitter, idempotency_key, 'pending', 1, new_run
              FROM input ORDER BY i
            RETURNING task_id
        ), new_runs AS (
            INSERT INTO spool_tasks.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease)
            SELECT input.new_run, input.new_task, 1, input.queue, input.priority, 'pending', input.available_at, input.lease
              FROM input JOIN new_tasks ON new_tasks.task_id = input.new_task
            RETURNING run_id
        )
        SELECT array_agg(input.i), array_agg(input.new_task), array_agg(input.new_run)
          INTO v_ords, v_tasks, v_runs
          FROM input JOIN new_runs ON new_runs.run_id = input.new_run;
    ELSE
        WITH input AS MATERIALIZED (
            SELECT u.i::int AS i,
                   nextval('spool_tasks.tasks_task_id_seq') AS new_task,
                   nextval('spool_tasks.runs_run_id_seq') AS new_run,
                   u.name,
                   coalesce(u.params, '\x'::bytea) AS params,
                   coalesce(u.queue, 'default') AS queue,
                   coalesce(u.priority, 0) AS priority,
                   coalesce(u.run_at, now() + u.delay, now()) AS available_at,
                   coalesce(u.max_attempts, 25) AS max_attempts,
                   u.idem AS idempotency_key,
                   coalesce(u.headers, '{}'::jsonb) AS headers,
                   coalesce(u.lease, interval '30 seconds') AS lease,
                   coalesce(u.bbase, interval '1 second') AS backoff_base,
                   coalesce(u.bmax, interval '1 hour') AS backoff_max,
                   coalesce(u.jitter, 0.2) AS backoff_jitter
              FROM unnest(p_names, p_params, p_queues, p_priorities, p_run_at, p_delays, p_max_attempts,
                          p_idempotency_keys, p_headers, p_leases, p_backoff_base, p_backoff_max, p_backoff_jitter)
                   WITH ORDINALITY AS u(name, params, queue, priority, run_at, delay, max_attempts, idem, headers, lease,
                                        bbase, bmax, jitter, i)
        ), new_tasks AS (
            INSERT INTO spool_tasks.tasks (task_id, name, queue, priority, params, headers, max_attempts, lease,
                                         backoff_base, backoff_max, backoff_jitter, idempotency_key, state, attempt,
                                         current_run_id)
            SELECT new_task, name, queue, priority, params, headers, max_attempts, lease, backoff_base, backoff_max,
                   backoff_jitter, idempotency_key, 'pending', 1, new_run
              FROM input ORDER BY i
            ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING task_id
        ), new_runs AS (
            INSERT INTO spool_tasks.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease)
            SELECT input.new_run, input.new_task, 1, input.queue, input.priority, 'pending', input.available_at, input.lease
              FROM input JOIN new_tasks ON new_tasks.task_id = input.new_task
            RETURNING run_id
        )
        SELECT array_agg(input.i), array_agg(input.new_task), array_agg(input.new_run)
          INTO v_ords, v_tasks, v_runs
          FROM input JOIN new_runs ON new_runs.run_id = input.new_run;
    END IF;

    RETURN QUERY SELECT u.i, u.t, u.r, 1, true FROM unnest(v_ords, v_tasks, v_runs) AS u(i, t, r);
    IF coalesce(cardinality(v_ords), 0) < cardinality(p_names) THEN
        -- the duplicates: a separate statement sees a conflicting task another transaction just committed
        RETURN QUERY
        SELECT k.i::int, t.task_id, t.current_run_id, t.attempt, false
          FROM unnest(p_idempotency_keys) WITH ORDINALITY AS k(key, i)
          JOIN spool_tasks.tasks t ON t.idempotency_key = k.key
         WHERE k.key IS NOT NULL AND k.i <> ALL (coalesce(v_ords, '{}'));
    END IF;
    -- wake the workers of each queue that got work available now (one notification per queue per transaction)
    PERFORM pg_notify('spool_tasks_spawn', q.queue)
       FROM (SELECT DISTINCT coalesce(p_queues[g], 'default') AS queue
               FROM generate_subscripts(p_names, 1) AS g
              WHERE coalesce(p_run_at[g], now() + p_delays[g], now()) <= now()) q;
END $$;
$spool_body$;
    INSERT INTO spool_tasks.migrations (version, name) VALUES (2, 'V2__hot_paths.sql');
END $spool_migration$;
