package io.spool.tasks;

import java.time.Instant;

/** A durable step a task stored: its name, its value (as stored, {@code null} for none), the run and time. */
public record StepInfo(String name, byte[] result, long runId, Instant createdAt) {}
