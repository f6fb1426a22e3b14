package io.spool.pg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shows that a future-returning client pipelines: through a {@link LatencyProxy} adding 1 ms each way, 1,000
 * queries issued at once must finish in a small fraction of the time sequential ones take, in few writes.
 */
public final class PipeliningProof {
    private PipeliningProof() {}

    /** {@code query.apply(i)} runs {@code SELECT $1::int4 AS v} with i on a connection that goes through {@code proxy}. */
    public static void assertPipelines(String label, LatencyProxy proxy, IntFunction<CompletableFuture<RowSet>> query,
                                int maxWrites) throws Exception {
        query.apply(0).get(5, TimeUnit.SECONDS);  // prepares the statement once
        int before = proxy.chunksToServer();
        long start = System.nanoTime();
        List<CompletableFuture<RowSet>> results = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            results.add(query.apply(i));
        }
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        long pipelinedMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        int writes = proxy.chunksToServer() - before;

        long seqStart = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            query.apply(i).get(5, TimeUnit.SECONDS);
        }
        long sequentialPer1000 = Duration.ofNanos(System.nanoTime() - seqStart).toMillis() * 20;
        System.out.printf("%s, 1 ms each way: 1000 pipelined in %d ms (%d writes); sequential ≈ %d ms%n",
                label, pipelinedMillis, writes, sequentialPer1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(results.get(i).get().row(0).intValue(0)).isEqualTo(i);
        }
        assertThat(writes).isLessThan(maxWrites);
        assertThat(pipelinedMillis * 5).isLessThan(sequentialPer1000);
    }
}
