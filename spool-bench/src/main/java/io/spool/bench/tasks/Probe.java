package io.spool.bench.tasks;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * What one round saw of its tasks, by index {@code 0..n-1}: when each was spawned (the producer's call for its
 * batch began), when its handler first started, and how often it ran. Pickup latency is handler start minus
 * spawn. Thread-safe; handlers call {@link #started(int)} from any thread.
 */
final class Probe {
    private final int tasks;
    private final LongSupplier clock;
    private final AtomicLongArray spawnedAt;
    private final AtomicLongArray startedAt;
    private final AtomicIntegerArray runs;
    private final AtomicLong distinct = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong strays = new AtomicLong();
    private final CountDownLatch allStarted = new CountDownLatch(1);

    Probe(int tasks) {
        this(tasks, System::nanoTime);
    }

    Probe(int tasks, LongSupplier clock) {
        this.tasks = tasks;
        this.clock = clock;
        spawnedAt = new AtomicLongArray(tasks);
        startedAt = new AtomicLongArray(tasks);
        runs = new AtomicIntegerArray(tasks);
    }

    int tasks() {
        return tasks;
    }

    /** The producer is about to spawn tasks {@code from..from+count-1}; returns the time it noted. */
    long spawning(int from, int count) {
        long now = clock.getAsLong();
        for (int i = from; i < from + count; i++) {
            spawnedAt.set(i, now);
        }
        return now;
    }

    /** A handler started running task {@code index}. */
    void started(int index) {
        started(index, clock.getAsLong());
    }

    /** A handler started running task {@code index} at {@code now}, a time of this probe's clock. */
    void started(int index, long now) {
        if (index < 0 || index >= tasks) {
            strays.incrementAndGet();
            return;
        }
        total.incrementAndGet();
        if (runs.incrementAndGet(index) == 1) {
            startedAt.set(index, now);
            if (distinct.incrementAndGet() == tasks) {
                allStarted.countDown();
            }
        }
    }

    /** Waits until every task has started once; false if {@code timeout} passed first. */
    boolean awaitAllStarted(Duration timeout) throws InterruptedException {
        return allStarted.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Tasks whose handler ran at least once. */
    long ran() {
        return distinct.get();
    }

    /** Handler runs beyond the first of each task. */
    long duplicates() {
        return total.get() - distinct.get();
    }

    /** Handler calls with an index that was never spawned. */
    long strays() {
        return strays.get();
    }

    /** Pickup latency of every task that ran, in microseconds. */
    Histogram pickupMicros() {
        Histogram h = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        for (int i = 0; i < tasks; i++) {
            if (runs.get(i) > 0) {
                h.recordValue(Math.min(h.getHighestTrackableValue(),
                        Math.max(0, (startedAt.get(i) - spawnedAt.get(i)) / 1000)));
            }
        }
        return h;
    }
}
