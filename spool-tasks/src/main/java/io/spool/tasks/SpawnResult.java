package io.spool.tasks;

/**
 * What a spawn gives back: the task's id, the id and attempt number of its current run, and whether this call
 * created the task ({@code false} when the idempotency key was already taken: the ids are then the first
 * task's).
 */
public record SpawnResult(long taskId, long runId, int attempt, boolean created) {}
