package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Server-sent events over a real socket: events as they happen, heartbeats, Last-Event-ID, a client leaving. */
class SseTest {
    static final CountDownLatch release = new CountDownLatch(1);
    static final CountDownLatch sourceEnded = new CountDownLatch(1);
    static final AtomicInteger sentBeforeEnd = new AtomicInteger();
    static WebServer server;

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .get("/ticks", ctx -> ctx.sse(events -> {
                    events.send(SseEvent.data("first\nsecond line").id("1").name("tick"));
                    release.await();   // the client must have the first event before this one is made
                    events.send(SseEvent.data("after release").id("2").retry(Duration.ofSeconds(3)));
                }))
                .get("/resume", ctx -> ctx.sse(events -> events.send("resumed after " + events.lastEventId())))
                .get("/quiet", ctx -> ctx.sse(Duration.ofMillis(100), events -> Thread.sleep(400)))
                .get("/forever", ctx -> ctx.sse(events -> {
                    try {
                        while (true) {
                            events.send("x".repeat(1000));
                            sentBeforeEnd.incrementAndGet();
                        }
                    } finally {
                        sourceEnded.countDown();
                    }
                }))
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static BufferedReader open(Socket s, String path, String... headers) throws Exception {
        s.setSoTimeout(5000);
        StringBuilder req = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n");
        for (String h : headers) {
            req.append(h).append("\r\n");
        }
        s.getOutputStream().write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads lines until the one that starts with {@code prefix}, collecting the headers' Content-Type. */
    static String until(BufferedReader in, String prefix) throws Exception {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                return line;
            }
        }
        return null;
    }

    @Test
    void eventsArriveAsTheyAreSentNotWhenTheSourceEnds() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = open(s, "/ticks");
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            String head = until(in, "content-type");
            assertThat(head.toLowerCase(java.util.Locale.ROOT)).isEqualTo("content-type: text/event-stream; charset=utf-8");
            assertThat(until(in, "id:")).isEqualTo("id: 1");
            assertThat(in.readLine()).isEqualTo("event: tick");
            assertThat(in.readLine()).isEqualTo("data: first");
            assertThat(in.readLine()).isEqualTo("data: second line");
            release.countDown();
            assertThat(until(in, "id:")).isEqualTo("id: 2");
            assertThat(in.readLine()).isEqualTo("retry: 3000");
            assertThat(in.readLine()).isEqualTo("data: after release");
        }
    }

    @Test
    void lastEventIdReachesTheSource() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = open(s, "/resume", "Last-Event-ID: 41");
            assertThat(until(in, "data:")).isEqualTo("data: resumed after 41");
        }
    }

    @Test
    void aQuietStreamSendsHeartbeats() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = open(s, "/quiet");
            assertThat(until(in, ":")).isEqualTo(":");
        }
    }

    @Test
    void aClientThatLeavesEndsTheSource() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            BufferedReader in = open(s, "/forever");
            assertThat(until(in, "data:")).startsWith("data: xxx");
        }
        assertThat(sourceEnded.await(10, TimeUnit.SECONDS)).as("the source's send threw once the client left")
                .isTrue();
    }
}
