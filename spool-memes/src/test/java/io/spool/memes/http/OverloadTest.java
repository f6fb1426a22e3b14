package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.embedded.junit.MachineLoad;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Admission by expected wait under load, on a server of its own with two render threads: clients that never back
 * off are all served within their deadline, and a flood far past what the threads can render within it gets fast
 * 503s with a {@code Retry-After} while {@code /health} still answers (within bounds for an idle machine, scaled
 * by its load: {@link MachineLoad}).
 */
class OverloadTest {
    private static final AtomicLong UNIQUE = new AtomicLong();

    private static String uniqueCaption(int width) {
        return "/caption?template=chelsea&width=" + width + "&top_text=load+" + UNIQUE.incrementAndGet()
                + "&bottom_text=no+cache+answers";
    }

    @Test
    void sixtyFourClientsWithoutBackOffAreAllServedInTime() throws Exception {
        Duration timeout = Duration.ofSeconds(10);
        try (MemesServer server = MemesServer.start(MemesConfig.defaults().withAddress("127.0.0.1", 0)
                .withRenderPool(2, 2 * MemesConfig.QUEUE_PER_THREAD).withTimeouts(timeout, Duration.ofSeconds(5)))) {
            Http http = new Http(server);
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int c = 0; c < 64; c++) {
                    clients.submit(() -> {
                        while (System.nanoTime() < end) {   // no back-off, not even after a 503
                            long t0 = System.nanoTime();
                            HttpResponse<byte[]> r = http.get(uniqueCaption(400));
                            latencies.add(System.nanoTime() - t0);
                            statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        }
                        return null;
                    });
                }
            }
            long p99 = percentile(latencies, 0.99);
            int total = latencies.size();
            System.out.printf("OverloadTest 64 clients, 4 s, 2 render threads: %d requests, statuses %s, p50 %d ms, "
                    + "p99 %d ms, mean render %.1f ms%n", total, statuses, percentile(latencies, 0.5) / 1_000_000,
                    p99 / 1_000_000, server.stats().get("renderPool") instanceof RenderPoolStats s ? s.meanRenderMillis() : -1);
            assertThat(statuses.keySet()).as("every request served: no 503, no 504").containsOnly(200);
            assertThat(total).isGreaterThan(64);
            assertThat(Duration.ofNanos(p99)).isLessThan(timeout);
        }
    }

    @Test
    void aFloodFarPastCapacityGetsFast503sWhileHealthAnswers() throws Exception {
        try (MemesServer server = MemesServer.start(MemesConfig.defaults().withAddress("127.0.0.1", 0)
                .withRenderPool(2, 2 * MemesConfig.QUEUE_PER_THREAD)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5)))) {
            Http http = new Http(server);
            for (int i = 0; i < 6; i++) {   // a few renders so the pool has measured its render time
                assertThat(http.get(uniqueCaption(600)).statusCode()).isEqualTo(200);
            }
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<Long> refusedAfter = Collections.synchronizedList(new ArrayList<>());
            List<String> retryAfter = Collections.synchronizedList(new ArrayList<>());
            long healthMillis;
            try (ExecutorService flood = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> sent = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    sent.add(flood.submit(() -> {
                        long t0 = System.nanoTime();
                        HttpResponse<byte[]> r = http.get(uniqueCaption(600));
                        statuses.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 503) {
                            refusedAfter.add(System.nanoTime() - t0);
                            r.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
                        }
                        return null;
                    }));
                }
                Thread.sleep(200);
                long t0 = System.nanoTime();
                assertThat(http.get("/health").statusCode()).isEqualTo(200);
                healthMillis = (System.nanoTime() - t0) / 1_000_000;
                for (Future<?> f : sent) {
                    f.get();
                }
            }
            long refusedP50 = percentile(refusedAfter, 0.5) / 1_000_000;
            System.out.printf("OverloadTest flood of 400, 1 s deadline, 2 render threads: statuses %s, 503 p50 %d ms, "
                    + "/health in %d ms (machine load %.1f per core)%n", statuses, refusedP50, healthMillis,
                    MachineLoad.factor());
            assertThat(statuses.get(503)).as("refused").isNotNull();
            assertThat(statuses.get(503).get()).isGreaterThan(200);
            assertThat(statuses.get(200)).as("served").isNotNull();
            assertThat(statuses.keySet()).as("refused or served, never a 500").isSubsetOf(200, 503, 504);
            assertThat(refusedP50).as("a refusal does not wait").isLessThan(MachineLoad.scaled(Duration.ofMillis(500)).toMillis());
            assertThat(retryAfter).hasSize(statuses.get(503).get()).allMatch(v -> Integer.parseInt(v) >= 1);
            assertThat(healthMillis).isLessThan(MachineLoad.scaled(Duration.ofSeconds(1)).toMillis());
        }
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }
}
