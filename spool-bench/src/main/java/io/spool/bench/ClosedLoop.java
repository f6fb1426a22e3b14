package io.spool.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: a number of clients, each on its own thread, issuing blocking requests back to back for a
 * while; counts completed requests and records their latencies (HdrHistogram, microseconds). More than 1% failed
 * requests fail the run with the first error as the cause.
 */
public final class ClosedLoop {
    /** One request of one client; {@code random} is the client's own, seeded by its index. */
    @FunctionalInterface
    public interface Request {
        void run(SplittableRandom random) throws Exception;
    }

    /** One measured interval. */
    public record Sample(double opsPerSecond, Histogram latencyMicros, long errors) {
        public double p50Micros() {
            return latencyMicros.getValueAtPercentile(50);
        }

        public double p99Micros() {
            return latencyMicros.getValueAtPercentile(99);
        }
    }

    private ClosedLoop() {}

    public static Sample run(String name, int clients, ThreadFactory threads, Duration duration, Request request)
            throws InterruptedException {
        return run(name, clients, threads, duration, Duration.ofSeconds(60), request);
    }

    /** As {@link #run(String, int, ThreadFactory, Duration, Request)}, waiting up to {@code grace} for the last
     * requests after the end of the run (slow requests under many clients outlast the default 60 s). */
    public static Sample run(String name, int clients, ThreadFactory threads, Duration duration, Duration grace,
                             Request request) throws InterruptedException {
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        List<Thread> started = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SplittableRandom random = new SplittableRandom(i * 7919L);
            Thread t = threads.newThread(() -> {
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        request.run(random);
                        recorder.recordValue((System.nanoTime() - t0) / 1000);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                }
            });
            t.start();
            started.add(t);
        }
        long joinDeadline = deadline + grace.toNanos();
        for (Thread t : started) {
            long left = joinDeadline - System.nanoTime();
            if (left <= 0 || !t.join(Duration.ofNanos(left))) {
                throw new IllegalStateException(name + " did not finish within " + grace.toMillis() / 1000.0
                        + " s of the end of its run");
            }
        }
        long elapsed = System.nanoTime() - start;
        Histogram h = recorder.getIntervalHistogram();
        if (firstError.get() != null && errors.get() > h.getTotalCount() / 100) {
            throw new IllegalStateException(name + " failed " + errors.get() + " requests", firstError.get());
        }
        return new Sample(h.getTotalCount() / (elapsed / 1e9), h, errors.get());
    }
}
