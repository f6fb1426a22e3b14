package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The three {@link Threading} modes: handlers carried by platform event loops (the default where {@code java.lang}
 * is open, as in these tests), event loops on virtual threads (the default elsewhere on JDK 25+), and platform
 * loops handing requests to the JDK's scheduler.
 */
class EventLoopsTest {
    private static final int CARRIERS = Runtime.getRuntime().availableProcessors();
    private static final Executor CLIENTS = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void loopCarriersAreTheDefaultWhereJavaLangIsOpenAndServePipelinedRequestsInOrder() throws Exception {
        try (WebServer server = WebApp.create()
                .get("/n/{n}", ctx -> "n=" + ctx.pathParam("n") + " on " + Thread.currentThread())
                .start(0)) {
            assertThat(Threading.best()).isEqualTo(Threading.LOOP_CARRIERS);
            assertThat(server.threading()).isEqualTo(Threading.LOOP_CARRIERS);
            try (Raw raw = new Raw(server.port())) {
                StringBuilder burst = new StringBuilder();
                for (int i = 0; i < 50; i++) {
                    burst.append("GET /n/").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
                }
                raw.send(burst.toString());
                for (int i = 0; i < 50; i++) {
                    // a virtual thread names its carrier after the '@': here the loop that read the request
                    assertThat(raw.read(false).text()).startsWith("n=" + i + " on VirtualThread")
                            .containsPattern("@spool-web-io-\\d+-\\d+$");
                }
            }
        }
    }

    @Test
    void theApplicationsOwnEventLoopsCarryTheHandlersAndOutliveTheServer() throws Exception {
        EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(2,
                new io.netty.util.concurrent.DefaultThreadFactory("app-loop"),
                io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            WebApp app = WebApp.create().eventLoops(group).get("/where", ctx -> Thread.currentThread().toString());
            app.get("/loop", ctx -> ctx.eventLoop().map(loop -> loop.inEventLoop(carrier(Thread.currentThread()))
                    ? "carried by its connection's loop" : "elsewhere").orElse("none"));
            try (WebServer server = app.start(0)) {
                assertThat(Http.get(server, "/where").body()).startsWith("VirtualThread")
                        .containsPattern("@app-loop-\\d+-\\d+$");
                assertThat(Http.get(server, "/loop").body()).isEqualTo("carried by its connection's loop");
            }
            app.test(client -> assertThat(client.get("/loop").text()).isEqualTo("none"));
            // a Netty client of the application goes on using the loops after the server stopped
            assertThat(group.isShuttingDown()).isFalse();
            assertThat(group.submit(() -> "still running").get(5, TimeUnit.SECONDS)).isEqualTo("still running");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> app.threading(Threading.VIRTUAL_LOOPS).start(0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("eventLoops(group)");
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    /** The platform thread carrying virtual thread {@code t} now: the name after the '@' of its description. */
    private static Thread carrier(Thread t) {
        String name = t.toString().substring(t.toString().lastIndexOf('@') + 1);
        return Thread.getAllStackTraces().keySet().stream().filter(p -> p.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    /** A handler that waits parks its virtual thread and gives the loop's thread back to the others. */
    @Test
    void loopCarriedHandlersThatWaitLeaveTheirLoopFree() throws Exception {
        int requests = 40;
        CountDownLatch waiting = new CountDownLatch(requests);
        CountDownLatch release = new CountDownLatch(1);
        try (WebServer server = WebApp.create().ioThreads(1)
                .get("/wait", ctx -> {
                    waiting.countDown();
                    release.await();
                    return "released";
                })
                .get("/fast", ctx -> "fast")
                .start(0)) {
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> Http.get(server, "/wait"), CLIENTS));
            }
            assertThat(waiting.await(10, TimeUnit.SECONDS)).as("all handlers entered on the one loop").isTrue();
            assertThat(Http.get(server, "/fast").body()).isEqualTo("fast");
            release.countDown();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).body()).isEqualTo("released");
            }
        }
    }

    /**
     * Stopping interrupts a handler that outlived the grace period; its loop has ended by then, so the thread must
     * still find somewhere to run (else the interrupt itself would fail) and finish its work.
     */
    @Test
    void aLoopCarriedHandlerThatOutlivesItsServerStillFinishes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CompletableFuture<String> after = new CompletableFuture<>();
        WebServer server = WebApp.create()
                .get("/stubborn", ctx -> {
                    entered.countDown();
                    try {
                        Thread.sleep(10_000);
                    } catch (InterruptedException stopped) {
                        Thread.sleep(100);   // parks and wakes again after the loop has gone
                        after.complete("finished on " + Thread.currentThread());
                    }
                    return "late";
                })
                .start(0);
        CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> Http.get(server, "/stubborn"), CLIENTS);
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        server.stop(Duration.ofMillis(100));
        assertThat(after.get(10, TimeUnit.SECONDS)).startsWith("finished on VirtualThread")
                .doesNotContain("@spool-web-io");
        assertThat(answer).failsWithin(Duration.ofSeconds(10));
    }

    /** Without {@code --add-opens java.base/java.lang}, a server on JDK 25+ falls back to virtual loops. */
    @Test
    void withoutJavaLangOpenTheDefaultIsVirtualLoops() throws Exception {
        try (ChildServer child = new ChildServer()) {
            assertThat(child.threading).isEqualTo(
                    EventLoops.VIRTUAL_SUPPORTED ? Threading.VIRTUAL_LOOPS : Threading.PLATFORM_LOOPS);
            try (Raw raw = new Raw(child.port)) {
                raw.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(raw.read(false).text()).isEqualTo("pong");
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
        try (WebServer server = WebApp.create().threading(Threading.PLATFORM_LOOPS).deadline(Duration.ofMillis(300), 504)
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
            assertThat(server.threading()).isEqualTo(Threading.PLATFORM_LOOPS);
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
