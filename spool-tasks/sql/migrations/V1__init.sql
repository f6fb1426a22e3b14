-- spool-tasks migration 1 (V1__init.sql) for schema spool_tasks, generated from
-- spool-tasks/src/main/resources/io/spool/tasks/migrations: do not edit. Apply the files in order:
--   psql -v ON_ERROR_STOP=1 -f V1__init.sql
-- A version already recorded in spool_tasks.migrations is skipped.
DO $spool_migration$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('spool_tasks.migrate:spool_tasks'));
    CREATE SCHEMA IF NOT EXISTS spool_tasks;
    CREATE TABLE IF NOT EXISTS spool_tasks.migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());
    IF EXISTS (SELECT 1 FROM spool_tasks.migrations WHERE version = 1) THEN
        RAISE NOTICE 'spool_tasks: version 1 is already applied';
        RETURN;
    END IF;
    EXECUTE $spool_body$
-- spool-tasks schema, version 1. spool_tasks is replaced by the configured schema name.
--
-- The protocol is these tables and functions: a producer or worker in any language needs only SQL.
--   spawn_task / spawn_tasks   create tasks, each with its first run (pending)
--   claim_task                 take pending runs of a queue (FOR UPDATE SKIP LOCKED), each with a lease
--   extend_lease(s)            heartbeat: push the lease of held runs forward
--   complete_run(s) / fail_run finish a held run; only the lease holder may, anyone else gets 'lease_lost'
--   cancel_task / retry_task   operator actions
-- A run whose lease expired is marked 'expired' by claim_task itself and the task gets a new pending run, so a
-- killed worker loses nothing and no reaper process is needed.

CREATE TABLE spool_tasks.settings (
    name  text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO spool_tasks.settings (name, value) VALUES ('max_params_bytes', '1048576');

CREATE SEQUENCE spool_tasks.tasks_task_id_seq AS bigint;
CREATE SEQUENCE spool_tasks.runs_run_id_seq AS bigint;

-- No index mentions the columns that change while a task runs (state, attempt, result...), so those updates
-- can be HOT (heap-only) and touch no index; fillfactor leaves room on each page for them.
CREATE TABLE spool_tasks.tasks (
    task_id         bigint PRIMARY KEY DEFAULT nextval('spool_tasks.tasks_task_id_seq'),
    name            text NOT NULL CHECK (name <> ''),
    queue           text NOT NULL CHECK (queue <> ''),
    priority        int NOT NULL,
    params          bytea NOT NULL,
    headers         jsonb NOT NULL,
    max_attempts    int NOT NULL CHECK (max_attempts >= 1),
    lease           interval NOT NULL CHECK (lease > interval '0'),
    backoff_base    interval NOT NULL,
    backoff_max     interval NOT NULL,
    backoff_jitter  float8 NOT NULL CHECK (backoff_jitter >= 0 AND backoff_jitter <= 1),
    idempotency_key text,
    state           text NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'dead', 'cancelled')),
    attempt         int NOT NULL,        -- the attempt number of current_run_id
    current_run_id  bigint NOT NULL,
    result          bytea,
    error           text,
    watched         boolean NOT NULL DEFAULT false,  -- someone awaits the result: notify when it finishes
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
) WITH (fillfactor = 80);
ALTER SEQUENCE spool_tasks.tasks_task_id_seq OWNED BY spool_tasks.tasks.task_id;
CREATE UNIQUE INDEX tasks_idempotency_key ON spool_tasks.tasks (idempotency_key) WHERE idempotency_key IS NOT NULL;

-- One row per attempt. The pending ones are the queue; the running ones hold a lease.
CREATE TABLE spool_tasks.runs (
    run_id           bigint PRIMARY KEY DEFAULT nextval('spool_tasks.runs_run_id_seq'),
    task_id          bigint NOT NULL,
    attempt          int NOT NULL,
    queue            text NOT NULL,
    priority         int NOT NULL,
    state            text NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'failed', 'expired',
                                                    'released', 'cancelled')),
    available_at     timestamptz NOT NULL,
    lease            interval NOT NULL,    -- copied from the task, so claims and heartbeats need no join
    worker_id        text,
    claimed_at       timestamptz,
    lease_expires_at timestamptz,
    finished_at      timestamptz,
    error            text,
    created_at       timestamptz NOT NULL DEFAULT now()
) WITH (fillfactor = 80);
ALTER SEQUENCE spool_tasks.runs_run_id_seq OWNED BY spool_tasks.runs.run_id;
CREATE INDEX runs_claim ON spool_tasks.runs (queue, priority, available_at, run_id) WHERE state = 'pending';
CREATE INDEX runs_lease ON spool_tasks.runs (lease_expires_at) WHERE state = 'running';
CREATE INDEX runs_task ON spool_tasks.runs (task_id);

-- Durable steps: a retried run finds the results of the steps an earlier run finished.
CREATE TABLE spool_tasks.steps (
    task_id    bigint NOT NULL,
    name       text NOT NULL,
    result     bytea,
    run_id     bigint NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, name)
);

-- Periodic tasks. Workers evaluate the cron expression; spawn_scheduled makes each tick spawn exactly once.
CREATE TABLE spool_tasks.schedules (
    name           text PRIMARY KEY,
    cron           text NOT NULL,
    zone           text NOT NULL DEFAULT 'UTC',
    task_name      text NOT NULL,
    params         bytea NOT NULL DEFAULT '\x',
    queue          text,
    priority       int,
    max_attempts   int,
    headers        jsonb,
    lease          interval,
    backoff_base   interval,
    backoff_max    interval,
    backoff_jitter float8,
    enabled        boolean NOT NULL DEFAULT true,
    last_tick      timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE spool_tasks.schedule_ticks (
    schedule_name text NOT NULL,
    tick          timestamptz NOT NULL,
    task_id       bigint,
    spawned_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (schedule_name, tick)   -- exactly one spawn per (schedule, tick)
);

-- Where retention moves finished tasks when it archives instead of deleting.
CREATE TABLE spool_tasks.tasks_archive (LIKE spool_tasks.tasks, archived_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE spool_tasks.runs_archive (LIKE spool_tasks.runs, archived_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX tasks_archive_id ON spool_tasks.tasks_archive (task_id);
CREATE INDEX runs_archive_task ON spool_tasks.runs_archive (task_id);

-- The delay before attempt (p_attempt + 1): exponential from p_base, capped at p_max, minus up to p_jitter of it.
CREATE FUNCTION spool_tasks.retry_delay(p_base interval, p_max interval, p_jitter float8, p_attempt int)
RETURNS interval LANGUAGE sql VOLATILE AS $$
    SELECT least(p_max, p_base * power(2, least(greatest(p_attempt - 1, 0), 40))) * (1 - p_jitter * random())
$$;

-- Spawns many tasks in one call; array elements line up by position, and a NULL array or element means the
-- default. Returns one row per input (ord is its 1-based position). A task whose idempotency key is already
-- taken is not created: its row names the existing task (created = false).
CREATE FUNCTION spool_tasks.spawn_tasks(
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

-- Spawns one task; NULL arguments take the defaults (queue 'default', priority 0, now, 25 attempts, a 30 s lease,
-- backoff from 1 s doubling up to 1 h with 20 % jitter).
CREATE FUNCTION spool_tasks.spawn_task(
    p_name            text,
    p_params          bytea DEFAULT '\x',
    p_queue           text DEFAULT NULL,
    p_priority        int DEFAULT NULL,
    p_run_at          timestamptz DEFAULT NULL,
    p_max_attempts    int DEFAULT NULL,
    p_idempotency_key text DEFAULT NULL,
    p_headers         jsonb DEFAULT NULL,
    p_lease           interval DEFAULT NULL,
    p_backoff_base    interval DEFAULT NULL,
    p_backoff_max     interval DEFAULT NULL,
    p_backoff_jitter  float8 DEFAULT NULL,
    p_delay           interval DEFAULT NULL)
RETURNS TABLE (task_id bigint, run_id bigint, attempt int, created boolean)
LANGUAGE sql AS $$
    SELECT s.task_id, s.run_id, s.attempt, s.created
      FROM spool_tasks.spawn_tasks(ARRAY[p_name], ARRAY[p_params], ARRAY[p_queue], ARRAY[p_priority], ARRAY[p_run_at],
                                 ARRAY[p_delay], ARRAY[p_max_attempts], ARRAY[p_idempotency_key], ARRAY[p_headers],
                                 ARRAY[p_lease], ARRAY[p_backoff_base], ARRAY[p_backoff_max],
                                 ARRAY[p_backoff_jitter]) s
$$;

-- Marks runs whose lease expired as 'expired' and gives each task a new pending run (attempt + 1), or makes it
-- dead when that was its last attempt. claim_task calls it; it may also be called on its own. Returns how many
-- runs expired.
CREATE FUNCTION spool_tasks.expire_leases(p_limit int DEFAULT 1000)
RETURNS int LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_count   int;
    v_queues  text[];
    v_watched bigint[];
BEGIN
    WITH expired AS (
        SELECT r.run_id FROM spool_tasks.runs r
         WHERE r.state = 'running' AND r.lease_expires_at < now()
         ORDER BY r.lease_expires_at LIMIT p_limit
           FOR UPDATE SKIP LOCKED
    ), lost AS (
        UPDATE spool_tasks.runs r
           SET state = 'expired', finished_at = now(),
               error = format('lease lost: the lease of worker %s expired at %s without a heartbeat',
                              r.worker_id, r.lease_expires_at)
          FROM expired e
         WHERE r.run_id = e.run_id
        RETURNING r.task_id, r.attempt, r.queue, r.priority, r.error, r.lease
    ), next AS (
        UPDATE spool_tasks.tasks t
           SET state = CASE WHEN l.attempt >= t.max_attempts THEN 'dead' ELSE 'pending' END,
               error = l.error,
               finished_at = CASE WHEN l.attempt >= t.max_attempts THEN now() END,
               attempt = CASE WHEN l.attempt >= t.max_attempts THEN t.attempt ELSE l.attempt + 1 END,
               current_run_id = CASE WHEN l.attempt >= t.max_attempts THEN t.current_run_id
                                     ELSE nextval('spool_tasks.runs_run_id_seq') END
          FROM lost l
         WHERE t.task_id = l.task_id AND t.state = 'running'
        RETURNING t.task_id, t.state, t.attempt, t.current_run_id, l.queue, l.priority, l.lease, t.watched
    ), new_runs AS (
        INSERT INTO spool_tasks.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease)
        SELECT n.current_run_id, n.task_id, n.attempt, n.queue, n.priority, 'pending', now(), n.lease
          FROM next n WHERE n.state = 'pending'
        RETURNING queue
    )
    SELECT (SELECT count(*) FROM next),
           (SELECT array_agg(DISTINCT queue) FROM new_runs),
           (SELECT array_agg(task_id) FROM next WHERE state = 'dead' AND watched)
      INTO v_count, v_queues, v_watched;
    IF v_queues IS NOT NULL THEN
        PERFORM pg_notify('spool_tasks_spawn', q) FROM unnest(v_queues) q;
    END IF;
    IF v_watched IS NOT NULL THEN
        PERFORM pg_notify('spool_tasks_done', t::text) FROM unnest(v_watched) t;
    END IF;
    RETURN v_count;
END $$;

-- Claims up to p_limit pending runs of p_queue for worker p_worker: highest priority (lowest number) first, then
-- oldest. Each claimed run is 'running' with a lease of the task's lease duration. Expired leases are reclaimed
-- first, so their tasks are claimable again.
CREATE FUNCTION spool_tasks.claim_task(p_queue text, p_worker text, p_limit int DEFAULT 1)
RETURNS TABLE (run_id bigint, task_id bigint, attempt int, name text, params bytea, headers jsonb,
               lease interval, lease_expires_at timestamptz)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_runs  bigint[];
    v_tasks bigint[];
BEGIN
    IF coalesce(p_worker, '') = '' THEN
        RAISE EXCEPTION 'claim_task needs a worker id' USING ERRCODE = '22023';
    END IF;
    PERFORM spool_tasks.expire_leases(100);
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

-- A note on the plans of the functions below that take arrays of run ids: they reach the runs through the
-- primary key, one probe per id, driven by unnest(). The conditions "still this worker's, lease not expired"
-- sit inside a CASE on purpose: written as plain conditions, the planner may prefer the small partial index
-- runs_lease (state = 'running') and scan every running run of every worker instead.

-- Pushes the leases of runs p_worker holds to now() + p_lease (default: each task's lease). One row per input:
-- 'extended' with the new expiry, 'cancelled' when the task was cancelled, 'lease_lost' when the run is no
-- longer this worker's to run (expired, released, finished, or someone else's).
CREATE FUNCTION spool_tasks.extend_leases(p_run_ids bigint[], p_worker text, p_lease interval DEFAULT NULL)
RETURNS TABLE (run_id bigint, outcome text, lease_expires_at timestamptz)
LANGUAGE sql AS $$
    WITH extended AS (
        UPDATE spool_tasks.runs r
           SET lease_expires_at = now() + coalesce(p_lease, r.lease)
          FROM unnest(p_run_ids) AS i(run_id)
         WHERE r.run_id = i.run_id
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
      LEFT JOIN extended e ON e.run_id = i.run_id
$$;

CREATE FUNCTION spool_tasks.extend_lease(p_run_id bigint, p_worker text, p_lease interval DEFAULT NULL)
RETURNS TABLE (outcome text, lease_expires_at timestamptz)
LANGUAGE sql AS $$
    SELECT e.outcome, e.lease_expires_at FROM spool_tasks.extend_leases(ARRAY[p_run_id], p_worker, p_lease) e
$$;

-- Completes runs p_worker holds with their results, in one statement. One row per input: 'completed', or
-- 'cancelled' / 'lease_lost' when the run was no longer this worker's (then its result is not written).
CREATE FUNCTION spool_tasks.complete_runs(p_run_ids bigint[], p_worker text, p_results bytea[])
RETURNS TABLE (run_id bigint, outcome text)
LANGUAGE sql AS $$
    WITH done AS (
        UPDATE spool_tasks.runs r
           SET state = 'completed', finished_at = now()
          FROM unnest(p_run_ids, p_results) AS i(run_id, result)
         WHERE r.run_id = i.run_id
           AND CASE WHEN r.state = 'running' AND r.worker_id = p_worker AND r.lease_expires_at >= now()
                    THEN true ELSE false END
        RETURNING r.run_id, r.task_id, i.result
    ), finished AS (
        UPDATE spool_tasks.tasks t
           SET state = 'completed', result = d.result, error = NULL, finished_at = now()
          FROM done d
         WHERE t.task_id = d.task_id
        RETURNING t.task_id, d.run_id, t.watched
    ), notified AS (
        SELECT count(pg_notify('spool_tasks_done', f.task_id::text)) AS n FROM finished f WHERE f.watched
    )
    SELECT i.run_id,
           CASE WHEN f.run_id IS NOT NULL THEN 'completed'
                WHEN (SELECT r.state FROM spool_tasks.runs r WHERE r.run_id = i.run_id) = 'cancelled' THEN 'cancelled'
                ELSE 'lease_lost' END
      FROM unnest(p_run_ids) AS i(run_id)
      CROSS JOIN notified
      LEFT JOIN finished f ON f.run_id = i.run_id
$$;

CREATE FUNCTION spool_tasks.complete_run(p_run_id bigint, p_worker text, p_result bytea DEFAULT '\x')
RETURNS text LANGUAGE sql AS $$
    SELECT c.outcome FROM spool_tasks.complete_runs(ARRAY[p_run_id], p_worker, ARRAY[p_result]) c
$$;

-- Fails a run p_worker holds. With p_retry and attempts left, the task gets a new pending run at p_retry_at
-- (default: now plus the task's backoff) and the outcome is 'retrying'; otherwise the task is dead ('dead').
-- 'cancelled' / 'lease_lost' when the run was no longer this worker's; then nothing is written.
CREATE FUNCTION spool_tasks.fail_run(p_run_id bigint, p_worker text, p_error text,
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
    UPDATE spool_tasks.runs r SET state = 'failed', finished_at = now(), error = p_error
     WHERE r.run_id = p_run_id AND r.state = 'running' AND r.worker_id = p_worker AND r.lease_expires_at >= now()
    RETURNING r.task_id, r.attempt, r.queue, r.priority, r.lease INTO v_run;
    IF NOT FOUND THEN
        SELECT r.state INTO v_state FROM spool_tasks.runs r WHERE r.run_id = p_run_id;
        RETURN QUERY SELECT CASE WHEN v_state = 'cancelled' THEN 'cancelled' ELSE 'lease_lost' END,
                            NULL::bigint, NULL::timestamptz;
        RETURN;
    END IF;
    SELECT * INTO v_task FROM spool_tasks.tasks t WHERE t.task_id = v_run.task_id FOR UPDATE;
    IF NOT p_retry OR v_run.attempt >= v_task.max_attempts THEN
        UPDATE spool_tasks.tasks t SET state = 'dead', error = p_error, finished_at = now()
         WHERE t.task_id = v_run.task_id;
        IF v_task.watched THEN
            PERFORM pg_notify('spool_tasks_done', v_run.task_id::text);
        END IF;
        RETURN QUERY SELECT 'dead'::text, NULL::bigint, NULL::timestamptz;
        RETURN;
    END IF;
    v_at := coalesce(p_retry_at, now() + spool_tasks.retry_delay(v_task.backoff_base, v_task.backoff_max,
                                                               v_task.backoff_jitter, v_run.attempt));
    v_next := nextval('spool_tasks.runs_run_id_seq');
    INSERT INTO spool_tasks.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease)
    VALUES (v_next, v_run.task_id, v_run.attempt + 1, v_run.queue, v_run.priority, 'pending', v_at, v_run.lease);
    UPDATE spool_tasks.tasks t SET state = 'pending', error = p_error, attempt = v_run.attempt + 1, current_run_id = v_next
     WHERE t.task_id = v_run.task_id;
    IF v_at <= now() THEN
        PERFORM pg_notify('spool_tasks_spawn', v_run.queue);
    END IF;
    RETURN QUERY SELECT 'retrying'::text, v_next, v_at;
END $$;

-- Hands runs back (a worker stopping before they finished): each task gets a new pending run with the same
-- attempt number, available now. Returns how many were released.
CREATE FUNCTION spool_tasks.release_runs(p_run_ids bigint[], p_worker text)
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
           AND CASE WHEN r.state = 'running' AND r.worker_id = p_worker THEN true ELSE false END
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

-- Cancels a pending or running task: true if it was cancelled now. A running handler learns it at its next
-- heartbeat (or at once through the '<schema>_cancel' notification); its result is not written.
CREATE FUNCTION spool_tasks.cancel_task(p_task_id bigint, p_reason text DEFAULT 'cancelled')
RETURNS boolean LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_run     bigint;
    v_watched boolean;
BEGIN
    -- runs before tasks, the order claim_task and complete_runs lock in
    SELECT r.run_id INTO v_run FROM spool_tasks.runs r
     WHERE r.task_id = p_task_id AND r.state IN ('pending', 'running') FOR UPDATE;
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

-- Runs a completed, dead or cancelled task again: a new pending run (attempt + 1, one more attempt allowed if
-- the task had used them all). Steps already stored are kept, so finished steps are not run again.
CREATE FUNCTION spool_tasks.retry_task(p_task_id bigint)
RETURNS TABLE (task_id bigint, run_id bigint, attempt int)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_task  record;
    v_state text;
BEGIN
    UPDATE spool_tasks.tasks t
       SET state = 'pending', attempt = t.attempt + 1, max_attempts = greatest(t.max_attempts, t.attempt + 1),
           current_run_id = nextval('spool_tasks.runs_run_id_seq'), result = NULL, finished_at = NULL
     WHERE t.task_id = p_task_id AND t.state IN ('completed', 'dead', 'cancelled')
    RETURNING t.task_id, t.current_run_id, t.attempt, t.queue, t.priority, t.lease INTO v_task;
    IF NOT FOUND THEN
        SELECT t.state INTO v_state FROM spool_tasks.tasks t WHERE t.task_id = p_task_id;
        IF v_state IS NULL THEN
            RAISE EXCEPTION 'no task %', p_task_id USING ERRCODE = 'P0002';
        END IF;
        RAISE EXCEPTION 'task % is %; only completed, dead or cancelled tasks can be retried', p_task_id, v_state
            USING ERRCODE = '55000';
    END IF;
    INSERT INTO spool_tasks.runs (run_id, task_id, attempt, queue, priority, state, available_at, lease)
    VALUES (v_task.current_run_id, v_task.task_id, v_task.attempt, v_task.queue, v_task.priority, 'pending', now(),
            v_task.lease);
    PERFORM pg_notify('spool_tasks_spawn', v_task.queue);
    RETURN QUERY SELECT v_task.task_id, v_task.current_run_id, v_task.attempt;
END $$;

-- Asks for a '<schema>_done' notification (payload: the task id) when the task finishes; returns its state now,
-- or NULL when there is no such task. LISTEN before calling it, then re-check the state on each wake-up.
CREATE FUNCTION spool_tasks.watch_task(p_task_id bigint)
RETURNS text LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_state text;
BEGIN
    UPDATE spool_tasks.tasks t SET watched = true
     WHERE t.task_id = p_task_id AND NOT t.watched AND t.state IN ('pending', 'running');
    SELECT t.state INTO v_state FROM spool_tasks.tasks t WHERE t.task_id = p_task_id;
    RETURN v_state;
END $$;

-- Stores the result of a durable step of the task run p_run_id belongs to, if p_worker still holds that run.
-- 'saved', 'exists' (an earlier run stored it: keep the stored value), 'cancelled' or 'lease_lost'.
CREATE FUNCTION spool_tasks.save_step(p_run_id bigint, p_worker text, p_name text, p_result bytea)
RETURNS text LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_run record;
BEGIN
    SELECT r.task_id, r.state, r.worker_id, r.lease_expires_at INTO v_run
      FROM spool_tasks.runs r WHERE r.run_id = p_run_id FOR SHARE;
    IF NOT FOUND OR v_run.state <> 'running' OR v_run.worker_id IS DISTINCT FROM p_worker
       OR v_run.lease_expires_at < now() THEN
        RETURN CASE WHEN v_run.state = 'cancelled' THEN 'cancelled' ELSE 'lease_lost' END;
    END IF;
    INSERT INTO spool_tasks.steps (task_id, name, result, run_id) VALUES (v_run.task_id, p_name, p_result, p_run_id)
    ON CONFLICT DO NOTHING;
    RETURN CASE WHEN FOUND THEN 'saved' ELSE 'exists' END;
END $$;

-- Spawns the task of schedule p_schedule for tick p_tick, exactly once however many workers call it: the
-- schedule's last_tick only moves forward and (schedule, tick) is unique. Returns the task, or no row when
-- this tick was already spawned (or an older tick is asked for, or the schedule is disabled or missing).
CREATE FUNCTION spool_tasks.spawn_scheduled(p_schedule text, p_tick timestamptz)
RETURNS TABLE (task_id bigint, run_id bigint)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_s     record;
    v_spawn record;
BEGIN
    UPDATE spool_tasks.schedules s SET last_tick = p_tick
     WHERE s.name = p_schedule AND s.enabled AND (s.last_tick IS NULL OR s.last_tick < p_tick)
    RETURNING s.* INTO v_s;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO spool_tasks.schedule_ticks (schedule_name, tick) VALUES (p_schedule, p_tick) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT * INTO v_spawn FROM spool_tasks.spawn_tasks(
        ARRAY[v_s.task_name], ARRAY[v_s.params], ARRAY[v_s.queue], ARRAY[v_s.priority], NULL, NULL,
        ARRAY[v_s.max_attempts], NULL,
        ARRAY[coalesce(v_s.headers, '{}'::jsonb)
              || jsonb_build_object('schedule', p_schedule, 'tick', to_char(p_tick AT TIME ZONE 'UTC',
                                                                            'YYYY-MM-DD"T"HH24:MI:SS"Z"'))],
        ARRAY[v_s.lease], ARRAY[v_s.backoff_base], ARRAY[v_s.backoff_max], ARRAY[v_s.backoff_jitter]);
    UPDATE spool_tasks.schedule_ticks k SET task_id = v_spawn.task_id
     WHERE k.schedule_name = p_schedule AND k.tick = p_tick;
    RETURN QUERY SELECT v_spawn.task_id, v_spawn.run_id;
END $$;

-- Retention: removes (or with p_archive moves to tasks_archive / runs_archive) up to p_limit finished tasks:
-- completed ones that finished before p_completed_before, dead and cancelled ones before p_failed_before (a NULL
-- bound keeps them). Their runs and steps go with them. Returns the number of tasks removed, or -1 when another
-- session is cleaning up right now.
CREATE FUNCTION spool_tasks.cleanup(p_completed_before timestamptz, p_failed_before timestamptz,
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
    IF p_archive THEN
        WITH gone AS (DELETE FROM spool_tasks.tasks t WHERE t.task_id = ANY (v_ids) RETURNING t.*)
        INSERT INTO spool_tasks.tasks_archive SELECT g.*, now() FROM gone g;
        WITH gone AS (DELETE FROM spool_tasks.runs r WHERE r.task_id = ANY (v_ids) RETURNING r.*)
        INSERT INTO spool_tasks.runs_archive SELECT g.*, now() FROM gone g;
    ELSE
        DELETE FROM spool_tasks.tasks t WHERE t.task_id = ANY (v_ids);
        DELETE FROM spool_tasks.runs r WHERE r.task_id = ANY (v_ids);
    END IF;
    DELETE FROM spool_tasks.steps s WHERE s.task_id = ANY (v_ids);
    DELETE FROM spool_tasks.schedule_ticks k WHERE k.spawned_at < now() - interval '1 day';
    RETURN cardinality(v_ids);
END $$;
$spool_body$;
    INSERT INTO spool_tasks.migrations (version, name) VALUES (1, 'V1__init.sql');
END $spool_migration$;
