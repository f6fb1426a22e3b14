package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a careless handler or an unusual client does, answered cleanly: invalid response headers, a failed
 * handler's leftovers, streams replaced by errors, HTTP/1.0 streaming, an oversized body announced with
 * {@code Expect: 100-continue}, and methods nobody has heard of.
 */
class EdgeCasesTest {
    static WebServer server;
    static final AtomicBoolean streamClosed = new AtomicBoolean();
    static final String STREAMED = "0123456789".repeat(10);

    @BeforeAll
    static void start() {
        server = WebApp.create().metrics()
                .maxBodySize(1000)
                .get("/fast", ctx -> "fast")
                .get("/slow", ctx -> {
                    Thread.sleep(300);
                    return "slow";
                })
                .post("/echo", Context::bodyText)
                .get("/redirect", ctx -> Response.redirect(ctx.queryParam("to")))
                .get("/null-header", ctx -> Response.text(200, "x").header("X-Next", ctx.queryParam("next")))
                .get("/early-hints", ctx -> Response.status(103))
                .get("/stream", ctx -> new ByteArrayInputStream(STREAMED.getBytes()))
                .get("/filtered-stream", ctx -> new ByteArrayInputStream(STREAMED.getBytes()) {
                    @Override
                    public void close() {
                        streamClosed.set(true);
                    }
                })
                .get("/mapped", ctx -> {
                    ctx.status(201);
                    ctx.responseHeader("Content-Type", "text/csv");
                    ctx.responseHeader("Location", "/things/1");
                    throw new NoSuchElementException("gone");
                })
                .exception(NoSuchElementException.class, (e, ctx) -> Map.of("error", e.getMessage()))
                .after((ctx, res) -> {
                    if (ctx.path().equals("/filtered-stream")) {
                        throw new IllegalStateException("after-filter failed");
                    }
                })
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.stop(Duration.ofMillis(200));
    }

    @Test
    void aResponseHeaderThatIsNotValidHttpBecomesA500AndTheConnectionCarriesOn() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /redirect?to=/x%0d%0aSet-Cookie:%20a=b HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.header("Set-Cookie")).isNull();
            assertThat(r.text()).contains("internal error");
            raw.send("GET /null-header HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(500);
            raw.send("GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("fast");
        }
        awaitNothingInFlight();
    }

    @Test
    void aFinalStatusBelow200IsRefused() throws Exception {
        assertThat(Http.get(server, "/early-hints").statusCode()).isEqualTo(500);
    }

    @Test
    void anExceptionMapperAnswersWithoutTheFailedHandlersStatusAndHeaders() throws Exception {
        var r = Http.get(server, "/mapped");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(r.body()).isEqualTo("{\"error\":\"gone\"}");
    }

    @Test
    void aStreamReplacedByAnErrorIsClosed() throws Exception {
        assertThat(Http.get(server, "/filtered-stream").statusCode()).isEqualTo(500);
        assertThat(streamClosed).isTrue();
    }

    @Test
    void anHttp10ClientGetsAStreamUnchunkedUntilTheConnectionCloses() throws Exception {
        for (String extra : new String[] {"", "Accept-Encoding: gzip\r\n"}) {
            try (Raw raw = new Raw(server.port())) {
                raw.send("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n" + extra + "\r\n");
                Raw.Reply r = raw.read();
                assertThat(r.header("Transfer-Encoding")).isNull();
                assertThat(r.header("Content-Encoding")).isNull();
                assertThat(r.header("Connection")).isEqualTo("close");
                assertThat(r.text()).isEqualTo(STREAMED);   // read to the end of the stream, so it was closed
            }
        }
    }

    @Test
    void anOversizedBodyExpectingContinueGetsTheJson413InItsPlaceInLine() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("slow");
            Raw.Reply tooLarge = raw.read();
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.header("Content-Type")).isEqualTo("application/json");
            assertThat(tooLarge.header("Connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodyWithinTheLimitExpectingContinueIsInvitedAndEchoed() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(100);
            raw.send("hello");
            assertThat(raw.read().text()).isEqualTo("hello");
        }
    }

    @Test
    void theInvitationToSendABodyWaitsForTheAnswersBeforeIt() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("slow");
            assertThat(raw.read().status()).isEqualTo(100);
            raw.send("hello");
            assertThat(raw.read().text()).isEqualTo("hello");
        }
    }

    @Test
    void anInvitationToSendABodyDoesNotCountAsAnAnswerSoAPipelinedHeadStaysBodiless() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(100);
            raw.send("hello" + "HEAD /fast HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /fast HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("hello");
            Raw.Reply head = raw.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo("4");
            assertThat(raw.read().text()).isEqualTo("fast");   // no stray body of the HEAD answer in between
        }
    }

    @Test
    void anExpectationTheServerCannotMeetGetsAJson417InItsPlaceInLine() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: a-miracle\r\n\r\nhello");
            assertThat(raw.read().text()).isEqualTo("slow");
            Raw.Reply failed = raw.read();
            assertThat(failed.status()).isEqualTo(417);
            assertThat(failed.header("Content-Type")).isEqualTo("application/json");
            assertThat(failed.text()).contains("Expect");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void madeUpMethodsAreCountedTogetherSoTheMetricsStayBounded() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Raw raw = new Raw(server.port())) {
                raw.send("MADEUP" + i + " /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(raw.read().status()).isEqualTo(404);
            }
        }
        awaitNothingInFlight();   // a request is counted after its answer is written, so maybe after it is read
        String metrics = Http.get(server, "/metrics").body();
        assertThat(metrics).doesNotContain("MADEUP")
                .contains("spool_http_requests_total{method=\"other\",route=\"unmatched\",status=\"404\"} 3");
    }

    private static void awaitNothingInFlight() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (server.metrics().inFlight() > 0 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(server.metrics().inFlight()).isZero();
    }
}
