package io.spool.bench.tasks;

import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one round of one contender on an empty database: starts it, spawns the tasks in batches from a producer
 * thread while the contender's workers run them, waits until every handler has started and the system has
 * recorded every completion (polled on the bench's own connection), then stops it.
 */
final class Round {
    private static final long POLL_NANOS = 2_000_000;

    private Round() {}

    static RoundResult run(TaskContender contender, Database db, int tasks, int batch, Duration timeout,
                           CpuMeter cpu) throws Exception {
        Probe probe = new Probe(tasks);
        contender.start(db, probe);
        try (Connection monitor = db.connect()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long[] firstSpawn = {0};
            CpuMeter.Sample cpuBefore = cpu.sample(contender.processId());
            Thread producer = Thread.ofPlatform().name("bench-producer").start(() -> {
                try {
                    for (int from = 0; from < tasks; from += batch) {
                        int count = Math.min(batch, tasks - from);
                        long at = probe.spawning(from, count);
                        if (from == 0) {
                            firstSpawn[0] = at;
                        }
                        contender.spawn(from, count);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!probe.awaitAllStarted(Duration.ofMillis(100)) && failure.get() == null
                    && System.nanoTime() < deadline) {
                // waiting for the handlers
            }
            producer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            long recorded = 0;
            if (failure.get() == null) {
                while ((recorded = contender.completed(monitor, tasks)) < tasks && System.nanoTime() < deadline) {
                    Thread.sleep(Duration.ofNanos(POLL_NANOS));
                }
            }
            long end = System.nanoTime();
            CpuMeter.Sample cpuUsed = cpu.sample(contender.processId()).minus(cpuBefore);
            Histogram pickup = probe.pickupMicros();
            String error = failure.get() == null ? null : String.valueOf(failure.get());
            if (error == null && (probe.ran() < tasks || recorded < tasks)) {
                error = "timed out after " + timeout.toSeconds() + " s";
            }
            if (error == null && probe.strays() > 0) {
                error = probe.strays() + " handler calls for tasks never spawned";
            }
            return new RoundResult(tasks, probe.ran(), probe.duplicates(), recorded, (end - firstSpawn[0]) / 1e9,
                    pickup.getTotalCount() == 0 ? 0 : pickup.getValueAtPercentile(50),
                    pickup.getTotalCount() == 0 ? 0 : pickup.getValueAtPercentile(99), error, cpuUsed);
        } finally {
            contender.close();
        }
    }
}
