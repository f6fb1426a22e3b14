package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Graceful shutdown: stop accepting, drain what is in flight, close; also on SIGTERM in a real process. */
class ShutdownTest {
    @Test
    void inFlightRequestsFinishAndNewConnectionsAreRefused() throws Exception {
        CountDownLatch handling = new CountDownLatch(3);
        WebServer server = WebApp.create().health()
                .get("/slow", ctx -> {
                    handling.countDown();
                    Thread.sleep(600);
                    return "done";
                })
                .start(0);
        int port = server.port();
        List<Raw> busy = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            busy.add(new Raw(port).send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
        }
        Raw idle = new Raw(port).send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(idle.read().text()).isEqualTo("{\"status\":\"ok\"}");
        assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();

        long t0 = System.nanoTime();
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.stop(Duration.ofSeconds(10)));
        while (!server.isDraining()) {
            Thread.onSpinWait();
        }
        Thread.sleep(50);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThat(idle.closedByServer()).as("idle keep-alive connection closed").isTrue();
        for (Raw raw : busy) {
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("done");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).isTrue();
            raw.close();
        }
        stopping.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        idle.close();
    }

    @Test
    void aHandlerWhoseClientLeftIsStillInterruptedAtItsDeadline() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        WebServer server = WebApp.create().deadline(Duration.ofMillis(300)).get("/stuck", ctx -> {
            started.countDown();
            try {
                Thread.sleep(10_000);
                return "too late";
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        }).start(0);
        try {
            try (Raw raw = new Raw(server.port())) {
                raw.send("GET /stuck HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            }   // the client leaves long before the deadline
            assertThat(interrupted.await(3, TimeUnit.SECONDS)).as("handler interrupted at its deadline").isTrue();
            long t0 = System.nanoTime();
            while (server.metrics().inFlight() != 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
                Thread.sleep(10);
            }
            assertThat(server.metrics().inFlight()).isZero();
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void serversStartedFromOneAppDrainOnlyTheirOwnRequests() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        WebApp app = WebApp.create().get("/slow", ctx -> {
            started.countDown();
            Thread.sleep(3_000);
            return "slow";
        });
        WebServer a = app.start(0);
        WebServer b = app.start(0);
        try (Raw raw = new Raw(b.port())) {
            raw.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            a.stop(Duration.ofSeconds(2));   // a has nothing in flight, whatever b is doing
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
            assertThat(raw.read().text()).isEqualTo("slow");
        } finally {
            b.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRequestWhoseClientLeftIsNoLongerInFlight() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        WebServer server = WebApp.create().metrics().get("/slow", ctx -> {
            started.countDown();
            try {
                Thread.sleep(300);
                return "nobody reads this";
            } finally {
                returned.countDown();
            }
        }).start(0);
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        }   // the client leaves while its handler runs
        assertThat(returned.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        while (server.metrics().inFlight() != 0 && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(5)) {
            Thread.sleep(10);
        }
        assertThat(server.metrics().inFlight()).isZero();
        t0 = System.nanoTime();
        server.stop(Duration.ofSeconds(10));   // nothing in flight: no waiting out the grace period
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void handlersPastTheGracePeriodAreInterrupted() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        WebServer server = WebApp.create().get("/forever", ctx -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "never sent";
        }).start(0);
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /forever HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            server.stop(Duration.ofMillis(300));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
            assertThat(interrupted.await(3, TimeUnit.SECONDS)).isTrue();
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void sigtermDrainsARealProcess() throws Exception {
        try (ChildServer child = new ChildServer()) {
            Process p = child.process;
            assertThat(child.port).isPositive();
            try (Raw raw = new Raw(child.port)) {
                raw.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(child.nextLine()).isEqualTo("handling");
                p.destroy();   // SIGTERM
                Raw.Reply r = raw.read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.text()).isEqualTo("finished");
                assertThat(r.header("Connection")).isEqualTo("close");
            }
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(143);   // 128 + SIGTERM: the JVM exited on the signal
            int gone = child.port;
            assertThatThrownBy(() -> new Socket("127.0.0.1", gone).close()).isInstanceOf(ConnectException.class);
        }
    }
}
