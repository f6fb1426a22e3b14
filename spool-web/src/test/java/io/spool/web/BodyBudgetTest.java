package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The server-wide body budget: bodies past it wait, then get a 503 with Retry-After, and are never buffered; an
 * admitted body's share comes back when its exchange ends. In a JVM of its own, 150 clients each stalling near the
 * end of a 10 MB body keep the process's memory bounded (it reached 1.9 GB at -Xmx256m without the budget).
 */
class BodyBudgetTest {
    @Test
    void aBodyThatDoesNotFitWaitsThenGetsA503WithRetryAfter() throws Exception {
        try (WebServer server = WebApp.create().maxBodySize(1000).bodyBudget(1000, Duration.ofMillis(300))
                .post("/echo", ctx -> "got " + ctx.body().length).start(0);
             Raw first = new Raw(server.port()); Raw second = new Raw(server.port())) {
            first.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n" + "a".repeat(100));
            Thread.sleep(100);   // the first body holds 800 of the 1000 bytes now
            long start = System.nanoTime();
            second.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n" + "b".repeat(800));
            Raw.Reply refused = second.read();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250),
                    Duration.ofSeconds(3));
            assertThat(second.closedByServer()).isTrue();

            first.send("a".repeat(700));
            assertThat(first.read().text()).isEqualTo("got 800");
            // its exchange ended: the budget is whole again, for one body after another on the same connection
            for (int i = 0; i < 3; i++) {
                first.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n" + "c".repeat(900));
                assertThat(first.read().text()).isEqualTo("got 900");
            }
        }
    }

    @Test
    void aWaitingBodyIsAdmittedWhenRoomFreesUpInTime() throws Exception {
        try (WebServer server = WebApp.create().maxBodySize(1000).bodyBudget(1000, Duration.ofSeconds(5))
                .post("/echo", ctx -> "got " + ctx.body().length).start(0);
             Raw first = new Raw(server.port()); Raw second = new Raw(server.port())) {
            first.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n" + "a".repeat(100));
            Thread.sleep(100);
            second.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 800\r\n\r\n" + "b".repeat(800));
            Thread.sleep(300);
            first.send("a".repeat(700));
            assertThat(first.read().text()).isEqualTo("got 800");
            assertThat(second.read().text()).isEqualTo("got 800");
        }
    }

    @Test
    void chunkedBodiesAreAdmittedPieceByPiece() throws Exception {
        try (WebServer server = WebApp.create().maxBodySize(4000).bodyBudget(4000, Duration.ofMillis(200))
                .post("/echo", ctx -> "got " + ctx.body().length).start(0);
             Raw first = new Raw(server.port()); Raw second = new Raw(server.port())) {
            first.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "bb8\r\n" + "a".repeat(3000) + "\r\n");
            Thread.sleep(200);
            second.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "7d0\r\n" + "b".repeat(2000) + "\r\n0\r\n\r\n");
            assertThat(second.read().status()).isEqualTo(503);
            first.send("0\r\n\r\n");
            assertThat(first.read().text()).isEqualTo("got 3000");
        }
    }

    @Test
    void manySlowLargeBodiesKeepTheProcessMemoryBounded() throws Exception {
        int clients = 150;
        int length = 10_000_000;
        try (ChildServer child = new ChildServer("-Xmx256m");
             ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            long pid = child.process.pid();
            List<Socket> sockets = new ArrayList<>();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger stalled = new AtomicInteger();
            for (int i = 0; i < clients; i++) {
                Socket s = new Socket("127.0.0.1", child.port);
                sockets.add(s);
                senders.execute(() -> stallNearTheEnd(s, length, refused, stalled));
            }
            long peak = 0;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (System.nanoTime() < end) {
                peak = Math.max(peak, rssBytes(pid));
                Thread.sleep(100);
            }
            try (Raw raw = new Raw(child.port)) {   // responsive all along
                raw.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(raw.read().text()).isEqualTo("pong");
            }
            System.out.printf("150 stalled 10 MB bodies at -Xmx256m: peak RSS %d MiB, %d refused with 503, %d sent all"
                    + " but the last byte%n", peak >> 20, refused.get(), stalled.get());
            assertThat(peak).as("peak RSS").isLessThan(700L << 20);
            assertThat(refused.get()).isGreaterThan(100);
            for (Socket s : sockets) {
                s.close();
            }
            // the stalled ones' shares come back with their connections: a full-size body is admitted again
            Thread.sleep(500);
            try (Raw raw = new Raw(child.port)) {
                raw.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n");
                raw.socket.getOutputStream().write(new byte[length]);
                assertThat(raw.read().text()).isEqualTo("got " + length);
            }
        }
    }

    /** Sends all of a large body but its last byte, as fast as the server reads; counts an answer of 503. */
    private static void stallNearTheEnd(Socket s, int length, AtomicInteger refused, AtomicInteger stalled) {
        Thread.ofVirtual().start(() -> {   // reads the refusal as soon as it comes, while the body is still sent
            try {
                byte[] head = s.getInputStream().readNBytes(12);
                if (new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 503")) {
                    refused.incrementAndGet();
                }
            } catch (IOException e) {
                // closed by the test
            }
        });
        try {
            OutputStream out = s.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] piece = new byte[256 * 1024];
            for (int sent = 0; sent < length - 1; sent += piece.length) {
                out.write(piece, 0, Math.min(piece.length, length - 1 - sent));
            }
            stalled.incrementAndGet();
        } catch (IOException refusedMidway) {
            // the server answered 503 and closed while the body was being sent
        }
    }

    private static long rssBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
