-- Version 7: a heartbeat that meets a cancel answers 'cancelled'.

-- extend_leases read a run's state for its answer in the same statement as its UPDATE. When the UPDATE waited for
-- a cancel_task in flight (the run's row lock) and then skipped the row, that read still used the statement's
-- snapshot, taken before the cancel committed, and saw 'running': the worker was told 'lease_lost' and reported
-- a cancelled run as a lost lease. The answer is now read by a second statement, whose snapshot sees the cancel
-- the UPDATE waited for, as complete_runs and fail_run already do.
CREATE OR REPLACE FUNCTION ${schema}.extend_leases(p_run_ids bigint[], p_worker text, p_lease interval DEFAULT NULL)
RETURNS TABLE (run_id bigint, outcome text, lease_expires_at timestamptz)
LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
    v_runs  bigint[];
    v_until timestamptz[];
BEGIN
    WITH extended AS (
        UPDATE ${schema}.runs r
           SET lease_expires_at = now() + coalesce(p_lease, r.lease)
         WHERE r.run_id = ANY (p_run_ids)
           AND CASE WHEN r.state = 'running' AND r.worker_id = p_worker AND r.lease_expires_at >= now()
                    THEN true ELSE false END
        RETURNING r.run_id, r.lease_expires_at
    )
    SELECT array_agg(e.run_id), array_agg(e.lease_expires_at) INTO v_runs, v_until FROM extended e;
    RETURN QUERY
    SELECT i.run_id,
           CASE WHEN e.run_id IS NOT NULL THEN 'extended'
                WHEN (SELECT r.state FROM ${schema}.runs r WHERE r.run_id = i.run_id) = 'cancelled' THEN 'cancelled'
                ELSE 'lease_lost' END,
           e.lease_expires_at
      FROM unnest(p_run_ids) AS i(run_id)
      LEFT JOIN unnest(v_runs, v_until) AS e(run_id, lease_expires_at) ON e.run_id = i.run_id;
END $$;
