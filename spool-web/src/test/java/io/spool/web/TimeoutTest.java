package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Slow clients, idle connections and per-request deadlines. */
class TimeoutTest {
    static WebServer server;
    static final CountDownLatch interrupted = new CountDownLatch(1);
    static final AtomicBoolean finishedNormally = new AtomicBoolean();

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .readTimeout(Duration.ofMillis(400))
                .idleTimeout(Duration.ofMillis(600))
                .deadline(Duration.ofMillis(300), 504)
                .get("/fast", ctx -> "fast")
                .get("/huge", ctx -> new byte[16 * 1024 * 1024])
                .get("/stuck", ctx -> {
                    try {
                        Thread.sleep(10_000);
                        finishedNormally.set(true);
                        return "too late";
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                })
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void trickledRequestGets408AndServerStaysResponsive() throws Exception {
        try (Raw slow = new Raw(server.port()); Raw never = new Raw(server.port())) {
            never.send("GET /fast HTTP/1.1\r\nHost: x\r\n");   // headers never end
            long t0 = System.nanoTime();
            String request = "GET /fast HTTP/1.1\r\nHost: x\r\nX-Slow: " + "s".repeat(40) + "\r\n\r\n";
            for (int i = 0; i < request.length(); i++) {
                try {
                    slow.send(request.substring(i, i + 1));   // one byte every 25 ms: about 2 s in all
                } catch (java.io.IOException closed) {
                    break;   // the server gave up on us: the 408 waits in our receive buffer
                }
                Thread.sleep(25);
                if (i == 5) {   // meanwhile, others are served at once
                    long s = System.nanoTime();
                    assertThat(Http.get(server, "/fast").body()).isEqualTo("fast");
                    assertThat(Duration.ofNanos(System.nanoTime() - s)).isLessThan(Duration.ofMillis(200));
                }
                if (System.nanoTime() - t0 > TimeUnit.MILLISECONDS.toNanos(700)) {
                    break;
                }
            }
            Raw.Reply r = slow.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(r.text()).isEqualTo("{\"error\":\"request not received in time\"}");
            assertThat(slow.closedByServer()).isTrue();
            assertThat(never.read().status()).isEqualTo(408);
        }
        assertThat(Http.get(server, "/fast").body()).isEqualTo("fast");
    }

    @Test
    void idleKeptAliveConnectionIsClosed() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            long t0 = System.nanoTime();   // the idle period (600 ms) starts after the answer, so after this
            raw.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("fast");
            assertThat(raw.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(550), Duration.ofSeconds(5));
        }
    }

    @Test
    void clientThatNeverReadsItsAnswerIsCutAfterTheIdleTimeout() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /huge HTTP/1.1\r\nHost: x\r\n\r\n");   // and never read a byte
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            Thread.sleep(100);
            assertThat(server.openConnections()).isPositive();
            while (server.openConnections() > 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(server.openConnections()).as("stalled connection closed").isZero();
        }
    }

    @Test
    void pastTheDeadlineTheClientGetsTheConfiguredStatusAndTheHandlerIsInterrupted() throws Exception {
        long t0 = System.nanoTime();
        var r = Http.get(server, "/stuck");
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertThat(r.statusCode()).isEqualTo(504);
        assertThat(r.body()).isEqualTo("{\"error\":\"deadline of 300 ms exceeded\"}");
        assertThat(took).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        assertThat(interrupted.await(2, TimeUnit.SECONDS)).as("handler saw the interrupt").isTrue();
        assertThat(finishedNormally).isFalse();
        // the connection and the server carry on
        assertThat(Http.get(server, "/fast").body()).isEqualTo("fast");
    }

    @Test
    void aClientThatLeavesInterruptsItsHandlerOnlyWhenAskedTo() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch interruptedAfterLeaving = new CountDownLatch(1);
        AtomicBoolean keptRunning = new AtomicBoolean();
        Handler waitForIt = ctx -> {
            started.countDown();
            try {
                Thread.sleep(1500);
                keptRunning.set(true);
                return "nobody reads this";
            } catch (InterruptedException e) {
                interruptedAfterLeaving.countDown();
                throw e;
            }
        };
        WebServer asking = WebApp.create().metrics().interruptWhenClientLeaves(true).get("/wait", waitForIt).start(0);
        WebServer notAsking = WebApp.create().get("/wait", waitForIt).start(0);
        try {
            for (WebServer s : new WebServer[] {asking, notAsking}) {
                try (Raw raw = new Raw(s.port())) {
                    raw.send("GET /wait HTTP/1.1\r\nHost: x\r\n\r\n");
                    Thread.sleep(50);
                }
            }
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(interruptedAfterLeaving.await(1, TimeUnit.SECONDS)).isTrue();   // long before its 1.5 s
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!keptRunning.get() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(keptRunning).isTrue();   // the handler of the server not asked to ran to its end
            assertThat(interruptedAfterLeaving.getCount()).isZero();
            assertThat(asking.metrics().inFlight()).isZero();
            assertThat(Http.get(asking, "/metrics").body())
                    .contains("spool_http_requests_total{method=\"GET\",route=\"/wait\",status=\"499\"} 1");
        } finally {
            asking.close();
            notAsking.close();
        }
    }
}
