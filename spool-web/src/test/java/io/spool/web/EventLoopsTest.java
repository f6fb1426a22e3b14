package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Event loops on virtual threads (the default on JDK 25+) or on platform threads of their own. */
class EventLoopsTest {
    private static final int CARRIERS = Runtime.getRuntime().availableProcessors();

    @Test
    void virtualLoopsAreTheDefaultFromJdk25AndServePipelinedRequestsInOrder() throws Exception {
        try (WebServer server = WebApp.create().get("/n/{n}", ctx -> "n=" + ctx.pathParam("n")).start(0)) {
            assertThat(server.virtualEventLoops()).isEqualTo(Runtime.version().feature() >= 25);
            try (Raw raw = new Raw(server.port())) {
                StringBuilder burst = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    burst.append("GET /n/").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
                }
                raw.send(burst.toString());
                for (int i = 0; i < 50; i++) {
                    assertThat(raw.read(false).text()).isEqualTo("n=" + i);
                }
            }
        }
    }

    /** Netty gives a virtual loop its per-thread buffer magazines and recyclers, as it would its own threads. */
    @Test
    void virtualLoopsRunWithNettysFastThreadLocals() throws Exception {
        Assumptions.assumeTrue(EventLoops.VIRTUAL_SUPPORTED);
        EventLoopGroup group = EventLoops.group(1, true);
        try {
            boolean fast = group.next().submit(
                    FastThreadLocalThread::currentThreadWillCleanupFastThreadLocals).get();
            boolean virtual = group.next().submit(() -> Thread.currentThread().isVirtual()).get();
            assertThat(virtual).isTrue();
            assertThat(fast).isTrue();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /**
     * The reason to choose platform loops: handlers that compute without blocking hold every carrier, and a
     * platform loop still answers the next request's deadline on time.
     */
    @Test
    void platformLoopsAnswerDeadlinesWhileHandlersHoldEveryCarrier() throws Exception {
        CountDownLatch spinning = new CountDownLatch(CARRIERS);
        try (WebServer server = WebApp.create().virtualEventLoops(false).deadline(Duration.ofMillis(300), 504)
                .get("/spin", ctx -> {
                    spinning.countDown();
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                    long x = 0;
                    while (System.nanoTime() < until) {   // deaf to the interrupt on purpose
                        x++;
                    }
                    return "spun " + x;
                })
                .get("/fast", ctx -> "fast")
                .start(0)) {
            assertThat(server.virtualEventLoops()).isFalse();
            List<Thread> hogs = new ArrayList<>();
            for (int i = 0; i < CARRIERS; i++) {
                hogs.add(Thread.ofPlatform().start(() -> Http.get(server, "/spin")));
            }
            assertThat(spinning.await(10, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            HttpResponse<String> r = Http.get(server, "/fast");
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.statusCode()).isEqualTo(504);
            assertThat(millis).as("answered by the loop at the deadline, not after the spinning").isLessThan(2000);
            for (Thread t : hogs) {
                t.join();
            }
        }
    }
}
