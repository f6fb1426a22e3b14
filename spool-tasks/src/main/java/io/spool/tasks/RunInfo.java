package io.spool.tasks;

import java.time.Instant;

/**
 * One run (attempt) of a task: its state ({@code pending}, {@code running}, {@code completed}, {@code failed},
 * {@code expired} when the lease ran out, {@code released} when a stopping worker handed it back,
 * {@code cancelled}), the worker that claimed it, its lease and times, and its error.
 */
public record RunInfo(long runId, long taskId, int attempt, String state, String workerId, Instant availableAt,
                      Instant claimedAt, Instant leaseExpiresAt, Instant finishedAt, String error) {}
