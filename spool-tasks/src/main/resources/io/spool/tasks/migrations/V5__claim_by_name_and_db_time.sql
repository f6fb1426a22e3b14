-- Version 5: a worker claims only the task names it can run; the database's clock decides cron ticks; steps can
-- be dropped; the SQL functions validate what the Java side validates; an expired run keeps its place.

-- claim_task takes the names the caller can run (NULL: any name, as before). The others stay pending, untouched,
-- for a worker that knows them: a rolling deploy or a fleet of several languages shares one queue. A run carries
-- its task's name (like its queue and priority, so the claim needs no join), and runs_claim_name orders each
-- queue's pending runs per name (it replaces runs_claim, so a run still takes one claim index entry): a claim
-- reads the head of each of its names and takes the most urgent of those, so a backlog of names it cannot run is
-- never walked (filtering runs_claim, a claim for a name with no work read every pending run ahead: 1.2 s for
-- 22,000 of them). A claim without names (NULL) first finds the names pending in the queue.
ALTER TABLE ${schema}.runs ADD COLUMN name text;
ALTER TABLE ${schema}.runs_archive ADD COLUMN name text;
UPDATE ${schema}.runs r SET name = t.name
  FROM ${schema}.tasks t
 WHERE t.task_id = r.task_id AND r.state IN ('pending', 'running');
CREATE INDEX runs_claim_name ON ${schema}.runs (queue, name, priority, available_at, run_id) WHERE state = 'pending';
-- it replaces runs_claim: a claim without names finds the names pending in the queue by skipping through it
DROP INDEX ${schema}.runs_claim;

DROP FUNCTION ${schema}.claim_task(text, text, int);
CREATE FUNCTION ${schema}.claim_task(p_queue text, p_worker text, p_limit int DEFAULT 1, p_names text[] DEFAULT NULL)
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
    IF cardinality(p_names) = 0 THEN
        RETURN;   -- a worker without handlers can run nothing
    END IF;
    -- the oldest lease in the runs_lease index tells whether any expired: most claims find none
    IF EXISTS (SELECT 1 FROM ${schema}.runs r WHERE r.state = 'running' AND r.lease_expires_at < now()) THEN
        PERFORM ${schema}.expire_leases(100);
    END IF;
    -- lock first (runs, then tasks: the order every function locks in), then update through the primary keys,
    -- so the plan never scans a table however large it grows
    IF p_names IS NULL THEN
        -- any name: the names pending in the queue, one index probe each (a skip scan of runs_claim_name)
        WITH RECURSIVE pending(name) AS (
            (SELECT r.name FROM ${schema}.runs r WHERE r.queue = p_queue AND r.state = 'pending'
              ORDER BY r.queue, r.name LIMIT 1)
            UNION ALL
            SELECT (SELECT r.name FROM ${schema}.runs r
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
                   SELECT r.run_id, r.task_id, r.priority, r.available_at FROM ${schema}.runs r
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
        UPDATE ${schema}.runs r
           SET state = 'running', worker_id = p_worker, claimed_at = now(), lease_expires_at = now() + r.lease
         WHERE r.run_id = ANY (v_runs)
        RETURNING r.run_id, r.task_id, r.attempt, r.lease, r.lease_expires_at
    ), started AS (
        UPDATE ${schema}.tasks t SET state = 'running'
         WHERE t.task_id = ANY (v_tasks)
        RETURNING t.task_id, t.name, t.params, t.headers
    )
    SELECT c.run_id, c.task_id, c.attempt, s.name, s.params, s.headers, c.lease, c.lease_expires_at
      FROM claimed c JOIN started s ON s.task_id = c.task_id;
END $$;

-- Every insert of a run now gives it its task's name: a failure's retry, a release, a retry of a finished task
-- (an expired run's successor is in expire_leases below, a spawned run in spawn_tasks_unchecked further down).
CREATE OR REPLACE FUNCTION ${schema}.fail_run(p_run_id bigint, p_worker text, p_error text,
                                   p_retry_at timestamptz DEFAULT NULL, p_retry boolean DEFAULT true)
RETURNS TABLE (outcome text, next_run_id bigint, retry_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_run   record;
    v_task  record;
    v_state text;
    v_next  bigint;
    v_at    timestamptz;
BEGIN
    UPDATE ${schema}.runs r SET state = 'failed', finished_at = now(), error = p_error
     WHERE r.run_id = p_run_id AND r.state = 'running' AND r.worker_id = p_worker AND r.lease_expires_at >= now()
    RETURNING r.task_id, r.attempt, r.queue, r.priority, r.lease INTO v_run;
    IF NOT FOUND THEN
        SELECT r.state INTO v_state FROM ${schema}.runs r WHERE r.run_id = p_run_id;
        RETURN QUERY SELECT CASE WHEN v_state = 'cancelled' THEN 'cancelled' ELSE 'lease_lost' END,
                            NULL::bigint, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT * INTO v_task FROM ${schema}.tasks t WHERE t.task_id = v_run.task_id FOR UPDATE;
    IF NOT p_retry OR v_run.attempt >= v_task.max_attempts THEN
        UPDATE ${schema}.tasks t SET state = 'dead', error = p_error, finished_at = now()
         WHERE t.task_id = v_run.task_id;
        IF v_task.watched THEN
            PERFORM pg_notify('${schema}_done', v_run.task_id::text);
        END IF;
        RETURN QUERY SELECT 'dead'::text, NULL::bigint, NULL::timestamptz;
        RETURN;
    END IF;
    v_at := coalesce(p_retry_at, now() + ${schema}.retry_delay(v_task.backoff_base, v_task.backoff_max,
                                                               v_task.backoff_jitter, v_run.attempt));
    v_next := nextval('${schema}.runs_run_id_seq');
    INSERT INTO ${schema}.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease, name)
    VALUES (v_next, v_run.task_id, v_run.attempt + 1, v_run.queue, v_run.priority, 'pending', v_at, v_run.lease,
            v_task.name);
    UPDATE ${schema}.tasks t SET state = 'pending', error = p_error, attempt = v_run.attempt + 1, current_run_id = v_next
     WHERE t.task_id = v_run.task_id;
    IF v_at <= now() THEN
        PERFORM pg_notify('${schema}_spawn', v_run.queue);
    END IF;
    RETURN QUERY SELECT 'retrying'::text, v_next, v_at;
END $$;

CREATE OR REPLACE FUNCTION ${schema}.release_runs(p_run_ids bigint[], p_worker text)
RETURNS int LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_count  int;
    v_queues text[];
BEGIN
    WITH released AS (
        UPDATE ${schema}.runs r
           SET state = 'released', finished_at = now(), error = 'released by worker ' || p_worker || ' on stop'
          FROM unnest(p_run_ids) AS i(run_id)
         WHERE r.run_id = i.run_id
           AND CASE WHEN r.state = 'running' AND r.worker_id = p_worker AND r.lease_expires_at >= now()
                    THEN true ELSE false END
        RETURNING r.task_id, r.attempt, r.queue, r.priority, r.lease
    ), next AS (
        UPDATE ${schema}.tasks t
           SET state = 'pending', current_run_id = nextval('${schema}.runs_run_id_seq')
          FROM released l
         WHERE t.task_id = l.task_id
        RETURNING t.task_id, t.current_run_id, l.attempt, l.queue, l.priority, l.lease, t.name
    ), new_runs AS (
        INSERT INTO ${schema}.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease, name)
        SELECT n.current_run_id, n.task_id, n.attempt, n.queue, n.priority, 'pending', now(), n.lease, n.name
          FROM next n
        RETURNING queue
    )
    SELECT count(*), array_agg(DISTINCT queue) INTO v_count, v_queues FROM new_runs;
    IF v_queues IS NOT NULL THEN
        PERFORM pg_notify('${schema}_spawn', q) FROM unnest(v_queues) q;
    END IF;
    RETURN v_count;
END $$;

CREATE OR REPLACE FUNCTION ${schema}.retry_task(p_task_id bigint)
RETURNS TABLE (task_id bigint, run_id bigint, attempt int)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_task  record;
    v_state text;
BEGIN
    UPDATE ${schema}.tasks t
       SET state = 'pending', attempt = t.attempt + 1, max_attempts = greatest(t.max_attempts, t.attempt + 1),
           current_run_id = nextval('${schema}.runs_run_id_seq'), result = NULL, finished_at = NULL
     WHERE t.task_id = p_task_id AND t.state IN ('completed', 'dead', 'cancelled')
    RETURNING t.task_id, t.current_run_id, t.attempt, t.queue, t.priority, t.lease, t.name INTO v_task;
    IF NOT FOUND THEN
        SELECT t.state INTO v_state FROM ${schema}.tasks t WHERE t.task_id = p_task_id;
        IF v_state IS NULL THEN
            RAISE EXCEPTION 'no task %', p_task_id USING ERRCODE = 'P0002';
        END IF;
        RAISE EXCEPTION 'task % is %; only completed, dead or cancelled tasks can be retried', p_task_id, v_state
            USING ERRCODE = '55000';
    END IF;
    INSERT INTO ${schema}.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease, name)
    VALUES (v_task.current_run_id, v_task.task_id, v_task.attempt, v_task.queue, v_task.priority, 'pending', now(),
            v_task.lease, v_task.name);
    PERFORM pg_notify('${schema}_spawn', v_task.queue);
    RETURN QUERY SELECT v_task.task_id, v_task.current_run_id, v_task.attempt;
END $$;

-- As in version 2, with the archive's columns named: runs_archive has name after archived_at.
CREATE OR REPLACE FUNCTION ${schema}.cleanup(p_completed_before timestamptz, p_failed_before timestamptz,
                                  p_archive boolean DEFAULT false, p_limit int DEFAULT 10000)
RETURNS int LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_ids bigint[];
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('spool_tasks.cleanup:${schema}')) THEN
        RETURN -1;
    END IF;
    SELECT array_agg(t.task_id) INTO v_ids FROM (
        SELECT t.task_id FROM ${schema}.tasks t
         WHERE (t.state = 'completed' AND t.finished_at < p_completed_before)
            OR (t.state IN ('dead', 'cancelled') AND t.finished_at < p_failed_before)
         LIMIT p_limit FOR UPDATE SKIP LOCKED) t;
    IF v_ids IS NULL THEN
        DELETE FROM ${schema}.schedule_ticks k WHERE k.spawned_at < now() - interval '1 day';
        RETURN 0;
    END IF;
    -- a finished task's runs are all finished: the condition on state lets the partial runs_task serve
    IF p_archive THEN
        WITH gone AS (DELETE FROM ${schema}.tasks t WHERE t.task_id = ANY (v_ids) RETURNING t.*)
        INSERT INTO ${schema}.tasks_archive SELECT g.*, now() FROM gone g;
        WITH gone AS (DELETE FROM ${schema}.runs r WHERE r.task_id = ANY (v_ids) AND r.state NOT IN ('pending', 'running')
                    RETURNING r.*)
        INSERT INTO ${schema}.runs_archive (run_id, task_id, attempt, queue, priority, state, available_at, lease,
                                            worker_id, claimed_at, lease_expires_at, finished_at, error, created_at,
                                            archived_at, name)
        SELECT g.run_id, g.task_id, g.attempt, g.queue, g.priority, g.state, g.available_at, g.lease, g.worker_id,
               g.claimed_at, g.lease_expires_at, g.finished_at, g.error, g.created_at, now(), g.name FROM gone g;
    ELSE
        DELETE FROM ${schema}.tasks t WHERE t.task_id = ANY (v_ids);
        DELETE FROM ${schema}.runs r WHERE r.task_id = ANY (v_ids) AND r.state NOT IN ('pending', 'running');
    END IF;
    DELETE FROM ${schema}.steps s WHERE s.task_id = ANY (v_ids);
    DELETE FROM ${schema}.schedule_ticks k WHERE k.spawned_at < now() - interval '1 day';
    RETURN cardinality(v_ids);
END $$;

-- Runs that are due and that nobody claimed, per queue and task name: how many, and how long the oldest has
-- waited. A name whose oldest_wait keeps growing is one no live worker can run.
CREATE VIEW ${schema}.unclaimed AS
SELECT r.queue, r.name, count(*) AS runs, min(r.available_at) AS oldest_available_at,
       now() - min(r.available_at) AS oldest_wait
  FROM ${schema}.runs r
 WHERE r.state = 'pending' AND r.available_at <= now()
 GROUP BY r.queue, r.name;

-- A tick is an instant the database's clock has reached. A caller whose clock runs ahead asked for future ticks,
-- and as last_tick only moves forward, one such call silenced the schedule for everyone until the database's
-- clock caught up. Now a tick later than now() plus a second (for rounding and a statement's own duration) is
-- refused: SQLSTATE 22023, nothing stored.
CREATE OR REPLACE FUNCTION ${schema}.spawn_scheduled(p_schedule text, p_tick timestamptz)
RETURNS TABLE (task_id bigint, run_id bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_s     record;
    v_spawn record;
BEGIN
    IF p_tick > now() + interval '1 second' THEN
        RAISE EXCEPTION 'tick % of schedule "%" is in the future by the database''s clock (now %)', p_tick,
            p_schedule, now() USING ERRCODE = '22023',
            HINT = 'compute ticks from the database''s now(), or call tick_schedules()';
    END IF;
    UPDATE ${schema}.schedules s SET last_tick = p_tick
     WHERE s.name = p_schedule AND s.enabled AND (s.last_tick IS NULL OR s.last_tick < p_tick)
    RETURNING s.* INTO v_s;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO ${schema}.schedule_ticks (schedule_name, tick) VALUES (p_schedule, p_tick) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT * INTO v_spawn FROM ${schema}.spawn_tasks(
        ARRAY[v_s.task_name], ARRAY[v_s.params], ARRAY[v_s.queue], ARRAY[v_s.priority], NULL, NULL,
        ARRAY[v_s.max_attempts], NULL,
        ARRAY[coalesce(v_s.headers, '{}'::jsonb)
              || jsonb_build_object('schedule', p_schedule, 'tick', to_char(p_tick AT TIME ZONE 'UTC',
                                                                            'YYYY-MM-DD"T"HH24:MI:SS"Z"'))],
        ARRAY[v_s.lease], ARRAY[v_s.backoff_base], ARRAY[v_s.backoff_max], ARRAY[v_s.backoff_jitter]);
    UPDATE ${schema}.schedule_ticks k SET task_id = v_spawn.task_id
     WHERE k.schedule_name = p_schedule AND k.tick = p_tick;
    RETURN QUERY SELECT v_spawn.task_id, v_spawn.run_id;
END $$;

-- Drops the stored steps of a task (p_names: only those), so its next run runs their bodies again: the way out
-- when a stored value can no longer be read. Not while the task runs (a handler may be between its steps).
-- Returns how many were dropped.
CREATE FUNCTION ${schema}.reset_steps(p_task_id bigint, p_names text[] DEFAULT NULL)
RETURNS int LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_state text;
    v_count int;
BEGIN
    SELECT t.state INTO v_state FROM ${schema}.tasks t WHERE t.task_id = p_task_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no task %', p_task_id USING ERRCODE = 'P0002';
    END IF;
    IF v_state = 'running' THEN
        RAISE EXCEPTION 'task % is running; reset its steps once it is not (cancel it, or wait for the run to end)',
            p_task_id USING ERRCODE = '55000';
    END IF;
    DELETE FROM ${schema}.steps s WHERE s.task_id = p_task_id AND (p_names IS NULL OR s.name = ANY (p_names));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END $$;

-- A run whose lease expired is retried in its place: the new run is available from the time the expired one
-- was (its original availability), not from now, so claim order (priority, then availability) puts it ahead of
-- the backlog that arrived while it was held, instead of behind it.
CREATE OR REPLACE FUNCTION ${schema}.expire_leases(p_limit int DEFAULT 1000)
RETURNS int LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_count   int;
    v_queues  text[];
    v_watched bigint[];
BEGIN
    WITH expired AS (
        SELECT r.run_id FROM ${schema}.runs r
         WHERE r.state = 'running' AND r.lease_expires_at < now()
         ORDER BY r.lease_expires_at LIMIT p_limit
           FOR UPDATE SKIP LOCKED
    ), lost AS (
        UPDATE ${schema}.runs r
           SET state = 'expired', finished_at = now(),
               error = format('lease lost: the lease of worker %s expired at %s without a heartbeat',
                              r.worker_id, r.lease_expires_at)
          FROM expired e
         WHERE r.run_id = e.run_id
        RETURNING r.task_id, r.attempt, r.queue, r.priority, r.error, r.lease, r.available_at
    ), next AS (
        UPDATE ${schema}.tasks t
           SET state = CASE WHEN l.attempt >= t.max_attempts THEN 'dead' ELSE 'pending' END,
               error = l.error,
               finished_at = CASE WHEN l.attempt >= t.max_attempts THEN now() END,
               attempt = CASE WHEN l.attempt >= t.max_attempts THEN t.attempt ELSE l.attempt + 1 END,
               current_run_id = CASE WHEN l.attempt >= t.max_attempts THEN t.current_run_id
                                     ELSE nextval('${schema}.runs_run_id_seq') END
          FROM lost l
         WHERE t.task_id = l.task_id AND t.state = 'running'
        RETURNING t.task_id, t.state, t.attempt, t.current_run_id, l.queue, l.priority, l.lease, l.available_at,
                  t.watched, t.name
    ), new_runs AS (
        INSERT INTO ${schema}.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease, name)
        SELECT n.current_run_id, n.task_id, n.attempt, n.queue, n.priority, 'pending', n.available_at, n.lease, n.name
          FROM next n WHERE n.state = 'pending'
        RETURNING queue
    )
    SELECT (SELECT count(*) FROM next),
           (SELECT array_agg(DISTINCT queue) FROM new_runs),
           (SELECT array_agg(task_id) FROM next WHERE state = 'dead' AND watched)
      INTO v_count, v_queues, v_watched;
    IF v_queues IS NOT NULL THEN
        PERFORM pg_notify('${schema}_spawn', q) FROM unnest(v_queues) q;
    END IF;
    IF v_watched IS NOT NULL THEN
        PERFORM pg_notify('${schema}_done', t::text) FROM unnest(v_watched) t;
    END IF;
    RETURN v_count;
END $$;

-- spawn_tasks checks each task as the Java side does before it is stored (the earlier body, renamed, does the
-- storing): a name and a queue that are not blank and of at most 255 bytes, an idempotency key of at most 1024
-- bytes (both indexed: a longer one failed with "index row requires ... bytes", naming no field), a priority
-- within -32768..32767, a delay that is not negative and not given with a run-at time, at least one attempt, a
-- lease from 100 ms to 365 days, a backoff whose base is not negative, whose max is at least its base and whose
-- jitter is within 0..1, headers that are a JSON object. A size is refused with SQLSTATE 54000, the rest with
-- 22023, naming the field and the task; nothing of the batch is stored.
ALTER FUNCTION ${schema}.spawn_tasks(text[], bytea[], text[], int[], timestamptz[], interval[], int[], text[],
                                     jsonb[], interval[], interval[], interval[], float8[])
    RENAME TO spawn_tasks_unchecked;

-- The body of version 2, giving each run its task's name.
CREATE OR REPLACE FUNCTION ${schema}.spawn_tasks_unchecked(
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
    SELECT s.value::bigint INTO v_limit FROM ${schema}.settings s WHERE s.name = 'max_params_bytes';
    SELECT u.i, octet_length(u.p) AS len INTO v_big
      FROM unnest(p_params) WITH ORDINALITY AS u(p, i)
     WHERE octet_length(u.p) > v_limit LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'params of task "%" are % bytes, more than the limit of % bytes', p_names[v_big.i], v_big.len, v_limit
            USING ERRCODE = '54000',
                  HINT = 'store large data elsewhere and pass a reference, or raise max_params_bytes in ${schema}.settings';
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
                   nextval('${schema}.tasks_task_id_seq') AS new_task,
                   nextval('${schema}.runs_run_id_seq') AS new_run,
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
            INSERT INTO ${schema}.tasks (task_id, name, queue, priority, params, headers, max_attempts, lease,
                                         backoff_base, backoff_max, backoff_jitter, idempotency_key, state, attempt,
                                         current_run_id)
            SELECT new_task, name, queue, priority, params, headers, max_attempts, lease, backoff_base, backoff_max,
                   backoff_jitter, idempotency_key, 'pending', 1, new_run
              FROM input ORDER BY i
            RETURNING task_id
        ), new_runs AS (
            INSERT INTO ${schema}.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease, name)
            SELECT input.new_run, input.new_task, 1, input.queue, input.priority, 'pending', input.available_at, input.lease,
                   input.name
              FROM input JOIN new_tasks ON new_tasks.task_id = input.new_task
            RETURNING run_id
        )
        SELECT array_agg(input.i), array_agg(input.new_task), array_agg(input.new_run)
          INTO v_ords, v_tasks, v_runs
          FROM input JOIN new_runs ON new_runs.run_id = input.new_run;
    ELSE
        WITH input AS MATERIALIZED (
            SELECT u.i::int AS i,
                   nextval('${schema}.tasks_task_id_seq') AS new_task,
                   nextval('${schema}.runs_run_id_seq') AS new_run,
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
            INSERT INTO ${schema}.tasks (task_id, name, queue, priority, params, headers, max_attempts, lease,
                                         backoff_base, backoff_max, backoff_jitter, idempotency_key, state, attempt,
                                         current_run_id)
            SELECT new_task, name, queue, priority, params, headers, max_attempts, lease, backoff_base, backoff_max,
                   backoff_jitter, idempotency_key, 'pending', 1, new_run
              FROM input ORDER BY i
            ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
            RETURNING task_id
        ), new_runs AS (
            INSERT INTO ${schema}.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease, name)
            SELECT input.new_run, input.new_task, 1, input.queue, input.priority, 'pending', input.available_at, input.lease,
                   input.name
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
          JOIN ${schema}.tasks t ON t.idempotency_key = k.key
         WHERE k.key IS NOT NULL AND k.i <> ALL (coalesce(v_ords, '{}'));
    END IF;
    -- wake the workers of each queue that got work available now (one notification per queue per transaction)
    PERFORM pg_notify('${schema}_spawn', q.queue)
       FROM (SELECT DISTINCT coalesce(p_queues[g], 'default') AS queue
               FROM generate_subscripts(p_names, 1) AS g
              WHERE coalesce(p_run_at[g], now() + p_delays[g], now()) <= now()) q;
END $$;

CREATE FUNCTION ${schema}.spawn_tasks(
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
    v_bad     int;
    v_problem text;
BEGIN
    -- a cheap test of every task first; the message is made only for the first bad one
    SELECT u.i::int INTO v_bad
      FROM unnest(p_names, p_queues, p_priorities, p_run_at, p_delays, p_max_attempts, p_idempotency_keys,
                  p_headers, p_leases, p_backoff_base, p_backoff_max, p_backoff_jitter)
           WITH ORDINALITY AS u(name, queue, priority, run_at, delay, max_attempts, idem, headers, lease, bbase,
                                bmax, jitter, i)
     WHERE u.name IS NULL OR u.name !~ '\S' OR octet_length(u.name) > 255 OR u.queue !~ '\S'
        OR octet_length(u.queue) > 255 OR octet_length(u.idem) > 1024 OR u.priority NOT BETWEEN -32768 AND 32767
        OR u.delay < interval '0' OR (u.delay IS NOT NULL AND u.run_at IS NOT NULL) OR u.max_attempts < 1
        OR u.lease < interval '100 milliseconds' OR u.lease > interval '365 days' OR u.bbase < interval '0'
        OR u.bmax < coalesce(u.bbase, interval '1 second') OR NOT (u.jitter BETWEEN 0 AND 1)
        OR jsonb_typeof(u.headers) <> 'object'
     ORDER BY u.i LIMIT 1;
    IF NOT FOUND THEN
        RETURN QUERY SELECT s.ord, s.task_id, s.run_id, s.attempt, s.created
          FROM ${schema}.spawn_tasks_unchecked(p_names, p_params, p_queues, p_priorities, p_run_at, p_delays,
                                               p_max_attempts, p_idempotency_keys, p_headers, p_leases,
                                               p_backoff_base, p_backoff_max, p_backoff_jitter) s;
        RETURN;
    END IF;
    SELECT format('%s of task %s of the batch ("%s") %s', p.field, v_bad, left(p_names[v_bad], 40), p.what)
      INTO v_problem
      FROM (SELECT p_names[v_bad] AS name, p_queues[v_bad] AS queue, p_priorities[v_bad] AS priority,
                   p_run_at[v_bad] AS run_at, p_delays[v_bad] AS delay, p_max_attempts[v_bad] AS max_attempts,
                   p_idempotency_keys[v_bad] AS idem, p_headers[v_bad] AS headers, p_leases[v_bad] AS lease,
                   p_backoff_base[v_bad] AS bbase, p_backoff_max[v_bad] AS bmax, p_backoff_jitter[v_bad] AS jitter) u
     CROSS JOIN LATERAL (
        SELECT * FROM (VALUES
            (1, 'name', CASE WHEN u.name IS NULL OR u.name !~ '\S' THEN 'is blank'
                             WHEN octet_length(u.name) > 255
                             THEN format('is %s bytes, more than the limit of 255 bytes', octet_length(u.name)) END),
            (2, 'queue', CASE WHEN u.queue !~ '\S' THEN 'is blank'
                              WHEN octet_length(u.queue) > 255
                              THEN format('is %s bytes, more than the limit of 255 bytes', octet_length(u.queue)) END),
            (3, 'idempotency key', CASE WHEN octet_length(u.idem) > 1024
                                        THEN format('is %s bytes, more than the limit of 1024 bytes',
                                                    octet_length(u.idem)) END),
            (4, 'priority', CASE WHEN u.priority NOT BETWEEN -32768 AND 32767
                                 THEN format('is %s, outside -32768..32767', u.priority) END),
            (5, 'delay', CASE WHEN u.delay < interval '0' THEN format('is %s; it must not be negative', u.delay)
                              WHEN u.delay IS NOT NULL AND u.run_at IS NOT NULL
                              THEN 'is given with a run-at time; give one or the other' END),
            (6, 'max attempts', CASE WHEN u.max_attempts < 1 THEN format('is %s; it must be at least 1', u.max_attempts) END),
            (7, 'lease', CASE WHEN u.lease < interval '100 milliseconds' OR u.lease > interval '365 days'
                              THEN format('is %s, outside 100 ms..365 days', u.lease) END),
            (8, 'backoff base', CASE WHEN u.bbase < interval '0' THEN format('is %s; it must not be negative', u.bbase) END),
            (9, 'backoff max', CASE WHEN u.bmax < coalesce(u.bbase, interval '1 second')
                                    THEN format('is %s, less than the base', u.bmax) END),
            (10, 'backoff jitter', CASE WHEN NOT (u.jitter BETWEEN 0 AND 1) THEN format('is %s, outside 0..1', u.jitter) END),
            (11, 'headers', CASE WHEN jsonb_typeof(u.headers) <> 'object'
                                 THEN format('are a JSON %s, not an object', jsonb_typeof(u.headers)) END)
        ) AS c(n, field, what) WHERE c.what IS NOT NULL ORDER BY c.n LIMIT 1) p;
    RAISE EXCEPTION '%', v_problem
        USING ERRCODE = CASE WHEN v_problem LIKE '%bytes, more than the limit%' THEN '54000' ELSE '22023' END;
END $$;

-- Cron in SQL, so a worker in any language can fire schedules with tick_schedules(): the same expressions and
-- the same ticks as the Java side's Cron (a test compares them on thousands of cases). cron_fields parses an
-- expression into bit sets: seconds, minutes, hours, days of month, months, days of week, then 1/0 for "the
-- day-of-month field is restricted" and "the day-of-week field is restricted".
CREATE FUNCTION ${schema}.cron_fields(p_cron text)
RETURNS bigint[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_text   text := btrim(coalesce(p_cron, ''), E' \t\n\r\f\v');
    v_f      text[];
    v_o      int;
    v_names  text[] := ARRAY['second', 'minute', 'hour', 'day-of-month', 'month', 'day-of-week'];
    v_min    int[] := ARRAY[0, 0, 0, 1, 1, 0];
    v_max    int[] := ARRAY[59, 59, 23, 31, 12, 7];
    v_bits   bigint[] := ARRAY[1, 0, 0, 0, 0, 0]::bigint[];
    v_field  text;
    v_part   text;
    v_range  text;
    v_step   int;
    v_lo     int;
    v_hi     int;
    v_k      int;
    v_dash   int;
    v_slash  int;
BEGIN
    IF v_text = '' THEN
        RAISE EXCEPTION 'empty cron expression' USING ERRCODE = '22023';
    END IF;
    v_text := CASE lower(v_text) WHEN '@yearly' THEN '0 0 1 1 *' WHEN '@annually' THEN '0 0 1 1 *'
                                 WHEN '@monthly' THEN '0 0 1 * *' WHEN '@weekly' THEN '0 0 * * 0'
                                 WHEN '@daily' THEN '0 0 * * *' WHEN '@midnight' THEN '0 0 * * *'
                                 WHEN '@hourly' THEN '0 * * * *' ELSE v_text END;
    v_f := regexp_split_to_array(v_text, '\s+');
    IF cardinality(v_f) NOT IN (5, 6) THEN
        RAISE EXCEPTION 'cron expression ''%'' has % fields; expected 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)',
            p_cron, cardinality(v_f) USING ERRCODE = '22023';
    END IF;
    v_o := 6 - cardinality(v_f);   -- 1 without a seconds field: the fields are then 2..6
    FOR k IN (1 + v_o)..6 LOOP
        v_field := v_f[k - v_o];
        v_bits[k] := 0;
        FOREACH v_part IN ARRAY string_to_array(v_field, ',') LOOP
            v_range := v_part;
            v_step := 1;
            v_slash := strpos(v_part, '/');
            IF v_slash > 0 THEN
                v_range := left(v_part, v_slash - 1);
                v_step := ${schema}.cron_number(p_cron, v_names[k], substr(v_part, v_slash + 1), 1, v_max[k], 0);
            END IF;
            v_dash := strpos(v_range, '-');
            IF v_range IN ('*', '?') THEN
                v_lo := v_min[k];
                v_hi := v_max[k];
            ELSIF v_dash > 1 THEN
                v_lo := ${schema}.cron_number(p_cron, v_names[k], left(v_range, v_dash - 1), v_min[k], v_max[k], k);
                v_hi := ${schema}.cron_number(p_cron, v_names[k], substr(v_range, v_dash + 1), v_min[k], v_max[k], k);
                IF v_hi < v_lo THEN
                    RAISE EXCEPTION 'cron expression ''%'': % range ''%'' runs backwards', p_cron, v_names[k], v_range
                        USING ERRCODE = '22023';
                END IF;
            ELSE
                v_lo := ${schema}.cron_number(p_cron, v_names[k], v_range, v_min[k], v_max[k], k);
                v_hi := CASE WHEN v_slash > 0 THEN v_max[k] ELSE v_lo END;
            END IF;
            v_k := v_lo;
            WHILE v_k <= v_hi LOOP
                v_bits[k] := v_bits[k] | (1::bigint << v_k);
                v_k := v_k + v_step;
            END LOOP;
        END LOOP;
    END LOOP;
    IF v_bits[6] & (1::bigint << 7) <> 0 THEN
        v_bits[6] := (v_bits[6] | 1) & ~(1::bigint << 7);   -- 7 is Sunday too
    END IF;
    RETURN v_bits || ARRAY[CASE WHEN v_f[4 - v_o] IN ('*', '?') THEN 0 ELSE 1 END,
                           CASE WHEN v_f[6 - v_o] IN ('*', '?') THEN 0 ELSE 1 END]::bigint[];
END $$;

-- One value of a cron field (p_k: 5 takes month names, 6 day names, others none), as Cron.number does.
CREATE FUNCTION ${schema}.cron_number(p_cron text, p_name text, p_text text, p_min int, p_max int, p_k int)
RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_i int;
    v_v numeric;
BEGIN
    IF p_k = 5 THEN
        v_i := array_position(ARRAY['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV',
                                    'DEC'], upper(p_text));
        IF v_i IS NOT NULL THEN
            RETURN v_i;
        END IF;
    ELSIF p_k = 6 THEN
        v_i := array_position(ARRAY['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'], upper(p_text));
        IF v_i IS NOT NULL THEN
            RETURN v_i - 1;
        END IF;
    END IF;
    IF p_text !~ '^[+-]?[0-9]{1,10}$' OR p_text::numeric NOT BETWEEN -2147483648 AND 2147483647 THEN
        RAISE EXCEPTION 'cron expression ''%'': % value ''%'' is not a number%', p_cron, p_name, p_text,
            CASE WHEN p_k IN (5, 6) THEN ' or a name' ELSE '' END USING ERRCODE = '22023';
    END IF;
    v_v := p_text::numeric;
    IF v_v < p_min OR v_v > p_max THEN
        RAISE EXCEPTION 'cron expression ''%'': % value % is outside %..%', p_cron, p_name, v_v, p_min, p_max
            USING ERRCODE = '22023';
    END IF;
    RETURN v_v::int;
END $$;

-- The instant of local time p_local in zone p_zone, as Java's LocalDateTime.atZone: a time in a gap (clocks
-- going forward) is moved later by the gap's length, a repeated time (clocks going back) is its first
-- occurrence. PostgreSQL gives the later one of a repeated time, so the earlier offset is tried first. A zone
-- written as an offset ("+02:00", "UTC+2") is east of UTC when positive, as in Java (a text zone in AT TIME
-- ZONE would read it the POSIX way, west).
CREATE FUNCTION ${schema}.cron_instant(p_local timestamp, p_zone text)
RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
DECLARE
    v_zone    text := CASE WHEN p_zone = 'Z' THEN 'UTC' ELSE p_zone END;
    v_offset  interval;
    v_at      timestamptz;
    v_before  interval;
    v_earlier timestamptz;
BEGIN
    IF v_zone ~ '^(UTC|GMT|UT)?[+-][0-9]' THEN
        v_offset := regexp_replace(v_zone, '^(UTC|GMT|UT)', '')::interval;
        RETURN (p_local - v_offset) AT TIME ZONE 'UTC';
    END IF;
    v_at := p_local AT TIME ZONE v_zone;
    -- the offset three hours before (no zone changes twice within three hours)
    v_before := ((v_at - interval '3 hours') AT TIME ZONE v_zone) - ((v_at - interval '3 hours') AT TIME ZONE 'UTC');
    v_earlier := (p_local - v_before) AT TIME ZONE 'UTC';
    IF v_earlier < v_at AND (v_earlier AT TIME ZONE v_zone) = p_local THEN
        RETURN v_earlier;
    END IF;
    RETURN v_at;
END $$;

-- The local time of instant p_at in zone p_zone (offsets as in cron_instant).
CREATE FUNCTION ${schema}.cron_local(p_at timestamptz, p_zone text)
RETURNS timestamp LANGUAGE plpgsql STABLE AS $$
BEGIN
    IF p_zone ~ '^(UTC|GMT|UT)?[+-][0-9]' THEN
        RETURN (p_at AT TIME ZONE 'UTC') + regexp_replace(p_zone, '^(UTC|GMT|UT)', '')::interval;
    END IF;
    RETURN p_at AT TIME ZONE CASE WHEN p_zone = 'Z' THEN 'UTC' ELSE p_zone END;
END $$;

-- The last tick of p_cron in zone p_zone at or before p_at, or NULL when there is none within 8 years: the
-- search of Cron.previous, field by field from the month down.
CREATE FUNCTION ${schema}.cron_previous(p_cron text, p_zone text, p_at timestamptz)
RETURNS timestamptz LANGUAGE plpgsql STABLE AS $$
DECLARE
    b       bigint[] := ${schema}.cron_fields(p_cron);
    t       timestamp := date_trunc('second', ${schema}.cron_local(p_at, p_zone));
    v_limit int := extract(year FROM t)::int - 8;
    v_dom   boolean;
    v_dow   boolean;
    v_s     int;
    v_z     timestamptz;
BEGIN
    WHILE extract(year FROM t) >= v_limit LOOP
        v_dom := b[4] & (1::bigint << extract(day FROM t)::int) <> 0;
        v_dow := b[6] & (1::bigint << extract(dow FROM t)::int) <> 0;
        IF b[5] & (1::bigint << extract(month FROM t)::int) = 0 THEN
            t := date_trunc('month', t) - interval '1 second';
        ELSIF NOT (CASE WHEN b[7] = 1 AND b[8] = 1 THEN v_dom OR v_dow ELSE v_dom AND v_dow END) THEN
            t := date_trunc('day', t) - interval '1 second';
        ELSIF b[3] & (1::bigint << extract(hour FROM t)::int) = 0 THEN
            t := date_trunc('hour', t) - interval '1 second';
        ELSIF b[2] & (1::bigint << extract(minute FROM t)::int) = 0 THEN
            t := date_trunc('minute', t) - interval '1 second';
        ELSIF b[1] & (1::bigint << extract(second FROM t)::int) = 0 THEN
            v_s := NULL;
            FOR s IN REVERSE extract(second FROM t)::int..0 LOOP
                IF b[1] & (1::bigint << s) <> 0 THEN
                    v_s := s;
                    EXIT;
                END IF;
            END LOOP;
            t := CASE WHEN v_s IS NULL THEN date_trunc('minute', t) - interval '1 second'
                      ELSE date_trunc('minute', t) + make_interval(secs => v_s) END;
        ELSE
            v_z := ${schema}.cron_instant(t, p_zone);
            IF v_z <= p_at THEN
                RETURN v_z;
            END IF;
            t := t - interval '1 second';   -- a gap moved this tick past p_at
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- Fires every enabled schedule whose latest tick by the database's clock is newer than its last one: the SQL
-- form of what a Java worker's scheduler does, for workers in any language. Call it every second or so (from
-- any number of workers: spawn_scheduled spawns each tick once). Returns the ticks spawned now. A schedule whose
-- cron or zone is bad is skipped with a warning, not the others.
CREATE FUNCTION ${schema}.tick_schedules()
RETURNS TABLE (schedule text, tick timestamptz, task_id bigint, run_id bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_s    record;
    v_due  timestamptz;
    v_task record;
BEGIN
    FOR v_s IN SELECT s.name, s.cron, s.zone, coalesce(s.last_tick, s.created_at) AS since
                 FROM ${schema}.schedules s WHERE s.enabled ORDER BY s.name LOOP
        BEGIN
            v_due := ${schema}.cron_previous(v_s.cron, v_s.zone, now());
        EXCEPTION WHEN OTHERS THEN
            RAISE WARNING 'schedule % is skipped: %', v_s.name, SQLERRM;
            CONTINUE;
        END;
        IF v_due > v_s.since THEN
            SELECT * INTO v_task FROM ${schema}.spawn_scheduled(v_s.name, v_due);
            IF v_task.task_id IS NOT NULL THEN
                RETURN QUERY SELECT v_s.name, v_due, v_task.task_id, v_task.run_id;
            END IF;
        END IF;
    END LOOP;
END $$;
