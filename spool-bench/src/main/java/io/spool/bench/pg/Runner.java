package io.spool.bench.pg;

import io.spool.bench.ClosedLoop;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one contender on one workload for a while with the workload's number of clients, each issuing requests
 * back to back, and measures completed requests and their latencies (HdrHistogram, microseconds): blocking
 * contenders through {@link ClosedLoop}, asynchronous ones as chains of callbacks.
 */
final class Runner {
    private Runner() {}

    static ClosedLoop.Sample run(Contender contender, Workload workload, Duration duration) throws InterruptedException {
        if (contender instanceof Contender.Blocking blocking) {
            return ClosedLoop.run(contender.name(), workload.clients(), blocking.threads(), duration,
                    random -> blocking.request(workload, random));
        }
        Contender.Async async = (Contender.Async) contender;
        Recorder recorder = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        long deadline = System.nanoTime() + duration.toNanos();
        CountDownLatch finished = new CountDownLatch(workload.clients());
        long start = System.nanoTime();
        for (int i = 0; i < workload.clients(); i++) {
            chain(async, workload, new SplittableRandom(i * 7919L), deadline, recorder, errors, firstError, finished);
        }
        if (!finished.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException(contender.name() + " did not finish " + workload);
        }
        long elapsed = System.nanoTime() - start;
        Histogram h = recorder.getIntervalHistogram();
        if (firstError.get() != null && errors.get() > h.getTotalCount() / 100) {
            throw new IllegalStateException(contender.name() + " failed " + errors.get() + " requests", firstError.get());
        }
        return new ClosedLoop.Sample(h.getTotalCount() / (elapsed / 1e9), h, errors.get());
    }

    private static void chain(Contender.Async async, Workload workload, SplittableRandom random, long deadline,
                              Recorder recorder, AtomicLong errors, AtomicReference<Throwable> firstError,
                              CountDownLatch finished) {
        if (System.nanoTime() >= deadline) {
            finished.countDown();
            return;
        }
        long t0 = System.nanoTime();
        async.request(workload, random).whenComplete((v, e) -> {
            if (e != null) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e);
            } else {
                recorder.recordValue((System.nanoTime() - t0) / 1000);
            }
            chain(async, workload, random, deadline, recorder, errors, firstError, finished);
        });
    }
}
