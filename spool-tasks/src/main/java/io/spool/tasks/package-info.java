/**
 * spool-tasks: a durable task queue stored in PostgreSQL whose protocol is SQL. {@link io.spool.tasks.Application}
 * (built from a {@link io.spool.tasks.TaskConfig}) migrates the schema and spawns tasks;
 * {@link io.spool.tasks.Worker}s claim runs with leases, run each task on a virtual thread, heartbeat, retry with
 * backoff, and record results; {@link io.spool.tasks.TaskContext} gives handlers durable steps; schedules fire
 * periodic tasks exactly once per tick. The SQL functions in the schema ({@code spawn_task}, {@code claim_task},
 * {@code complete_run}, {@code fail_run}, {@code extend_lease}, {@code cancel_task}...) are the protocol, so
 * producers and workers in other languages need only SQL ({@code sql/spool-tasks.sql} in the module creates the
 * schema with psql); see the module README.
 */
package io.spool.tasks;
