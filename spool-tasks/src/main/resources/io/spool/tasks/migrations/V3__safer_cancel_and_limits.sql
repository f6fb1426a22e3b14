-- Version 3: a cancel that races a retry cancels the retry too; backoff cannot overflow; leases are exact
-- durations (no months or years, whose length depends on the calendar and which workers cannot represent).

-- The task's current run is read, locked, and read again: a retry committed while the cancel waited for the old
-- run's lock has made a new pending run current, and that is the run to cancel (else it would be claimed later
-- and bring the cancelled task back). A new run only comes from its predecessor, locked here, so the loop ends.
CREATE OR REPLACE FUNCTION ${schema}.cancel_task(p_task_id bigint, p_reason text DEFAULT 'cancelled')
RETURNS boolean LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_current bigint;
    v_run     bigint;
    v_watched boolean;
BEGIN
    -- runs before tasks, the order claim_task and complete_runs lock in
    LOOP
        SELECT t.current_run_id INTO v_current FROM ${schema}.tasks t WHERE t.task_id = p_task_id;
        SELECT r.run_id INTO v_run FROM ${schema}.runs r
         WHERE r.run_id = v_current AND r.state IN ('pending', 'running') FOR UPDATE;
        EXIT WHEN v_current IS NOT DISTINCT FROM
            (SELECT t.current_run_id FROM ${schema}.tasks t WHERE t.task_id = p_task_id);
    END LOOP;
    UPDATE ${schema}.tasks t SET state = 'cancelled', error = p_reason, finished_at = now()
     WHERE t.task_id = p_task_id AND t.state IN ('pending', 'running')
    RETURNING t.watched INTO v_watched;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    IF v_run IS NOT NULL THEN
        UPDATE ${schema}.runs r SET state = 'cancelled', finished_at = now(), error = p_reason
         WHERE r.run_id = v_run;
        PERFORM pg_notify('${schema}_cancel', v_run::text);
    END IF;
    IF v_watched THEN
        PERFORM pg_notify('${schema}_done', p_task_id::text);
    END IF;
    RETURN true;
END $$;

-- The delay before attempt (p_attempt + 1): exponential from p_base, capped at p_max, minus up to p_jitter of it.
-- Computed in seconds and capped before it becomes an interval: the uncapped product of a long base and a late
-- attempt is beyond what an interval holds.
CREATE OR REPLACE FUNCTION ${schema}.retry_delay(p_base interval, p_max interval, p_jitter float8, p_attempt int)
RETURNS interval LANGUAGE sql VOLATILE AS $$
    SELECT make_interval(secs => least(extract(epoch FROM p_max)::float8,
                                       extract(epoch FROM p_base)::float8
                                           * power(2::float8, least(greatest(p_attempt - 1, 0), 40)))
                                 * (1 - p_jitter * random()))
$$;

ALTER TABLE ${schema}.tasks ADD CONSTRAINT tasks_lease_exact
    CHECK (extract(year FROM lease) = 0 AND extract(month FROM lease) = 0);
ALTER TABLE ${schema}.runs ADD CONSTRAINT runs_lease_exact
    CHECK (extract(year FROM lease) = 0 AND extract(month FROM lease) = 0);
ALTER TABLE ${schema}.schedules ADD CONSTRAINT schedules_lease_exact
    CHECK (extract(year FROM lease) = 0 AND extract(month FROM lease) = 0);
