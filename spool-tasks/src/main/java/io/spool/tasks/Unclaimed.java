package io.spool.tasks;

import java.time.Duration;

/**
 * Due runs of one task name in one queue that no worker has claimed: how many, and how long the oldest has waited.
 * Workers claim only the names they have handlers for, so a name whose {@code oldestWait} keeps growing is one
 * that no live worker can run (a worker not deployed yet, or a typo in the spawner).
 */
public record Unclaimed(String queue, String name, long runs, Duration oldestWait) {}
