package io.spool.bench.pg;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;

/**
 * One driver set-up under test. Blocking contenders are called by one thread per client (virtual or platform,
 * as the contender says); asynchronous ones are called by chains that issue the next request when the last
 * completes. Every request must read every value it fetched, so lazy decoding gains nothing unfair.
 */
public sealed interface Contender extends AutoCloseable permits Contender.Blocking, Contender.Async {
    String name();

    /** Whether it runs {@code workload}: the batch insert is measured for the JDBC contenders only. */
    default boolean supports(Workload workload) {
        return workload != Workload.BATCH_INSERT;
    }

    @Override
    void close() throws Exception;

    /** Drives the workload with blocking calls. */
    non-sealed interface Blocking extends Contender {
        ThreadFactory threads();

        /** Runs one request; returns a checksum of what it read. */
        long request(Workload workload, SplittableRandom random) throws Exception;
    }

    /** Drives the workload with futures. */
    non-sealed interface Async extends Contender {
        CompletableFuture<Long> request(Workload workload, SplittableRandom random);
    }

    /** A random id of the 10,000-row world table. */
    static int worldId(SplittableRandom random) {
        return 1 + random.nextInt(10_000);
    }
}
