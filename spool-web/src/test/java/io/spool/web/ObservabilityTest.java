package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /health, /metrics, the access log and CORS. */
class ObservabilityTest {
    static WebServer server;
    static final List<AccessLog> log = new CopyOnWriteArrayList<>();
    static final CountDownLatch inside = new CountDownLatch(1);
    static final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void start() {
        server = WebApp.create().health().metrics()
                .accessLog(log::add)
                .cors(Cors.origins("https://app.example").allowCredentials().maxAge(Duration.ofMinutes(5)))
                .get("/items/{id}", ctx -> "item " + ctx.pathParam("id"))
                .post("/items", ctx -> "made")
                .get("/hold", ctx -> {
                    inside.countDown();
                    release.await();
                    return "released";
                })
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthSaysOk() {
        var r = Http.get(server, "/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void metricsCountByRoutePatternStatusAndTrackInFlight() throws Exception {
        Http.get(server, "/items/1");
        Http.get(server, "/items/2");
        Http.get(server, "/items/x/y");
        Http.send(server, "HEAD", "/items/3", null);   // served by the GET route, counted as what it was
        Http.send(server, "POST", "/items", "{}");
        Thread holder = Thread.ofVirtual().start(() -> Http.get(server, "/hold"));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        var r = Http.get(server, "/metrics");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        String text = r.body();
        assertThat(text).contains("spool_http_requests_total{method=\"GET\",route=\"/items/{id}\",status=\"200\"} 2");
        assertThat(text).contains("spool_http_requests_total{method=\"GET\",route=\"unmatched\",status=\"404\"} 1");
        assertThat(text).contains("spool_http_requests_total{method=\"HEAD\",route=\"/items/{id}\",status=\"200\"} 1");
        assertThat(text).contains("spool_http_requests_total{method=\"POST\",route=\"/items\",status=\"200\"} 1");
        assertThat(text).contains("spool_http_request_duration_seconds_bucket{method=\"GET\",route=\"/items/{id}\",le=\"+Inf\"} 2");
        assertThat(text).contains("spool_http_request_duration_seconds_count{method=\"GET\",route=\"/items/{id}\"} 2");
        assertThat(text).containsPattern("le=\"0.001\"} \\d");
        // the scrape itself and /hold are in flight
        assertThat(text).contains("spool_http_requests_in_flight 2");
        release.countDown();
        holder.join();
    }

    @Test
    void accessLogSeesEveryRequest() throws Exception {
        Http.get(server, "/items/7", "X-Request-Id", "trace-7");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.stream().noneMatch(l -> "trace-7".equals(l.requestId())) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        AccessLog line = log.stream().filter(l -> "trace-7".equals(l.requestId())).findFirst().orElseThrow();
        assertThat(line.method()).isEqualTo("GET");
        assertThat(line.uri()).isEqualTo("/items/7");
        assertThat(line.route()).isEqualTo("/items/{id}");
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.toString()).contains("\"GET /items/7\" 200").contains("id=trace-7");
    }

    @Test
    void requestsRefusedBeforeRoutingAreCountedAndLogged() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            assertThat(raw.send("NOT A REQUEST LINE\r\n\r\n").read(false).status()).isEqualTo(400);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (log.stream().noneMatch(l -> l.status() == 400 && "-".equals(l.method())) && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        AccessLog line = log.stream().filter(l -> l.status() == 400 && "-".equals(l.method())).findFirst().orElseThrow();
        assertThat(line.uri()).startsWith("malformed request");
        assertThat(line.route()).isNull();
        assertThat(Http.get(server, "/metrics").body())
                .contains("spool_http_requests_total{method=\"-\",route=\"rejected\",status=\"400\"} 1")
                .as("no handler ran, so there is no latency to report")
                .doesNotContain("spool_http_request_duration_seconds_count{method=\"-\",route=\"rejected\"}");
    }

    @Test
    void corsAnswersPreflightsAndDecoratesResponses() {
        var pre = Http.send(server, "OPTIONS", "/items", null, "Origin", "https://app.example",
                "Access-Control-Request-Method", "POST");
        assertThat(pre.statusCode()).isEqualTo(204);
        assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(pre.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
        assertThat(pre.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(pre.headers().firstValue("Access-Control-Max-Age")).hasValue("300");

        var actual = Http.send(server, "POST", "/items", "", "Origin", "https://app.example");
        assertThat(actual.body()).isEqualTo("made");
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
        assertThat(actual.headers().firstValue("Vary")).hasValue("Origin");

        var evil = Http.send(server, "OPTIONS", "/items", null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(evil.statusCode()).isEqualTo(403);
        var evilGet = Http.get(server, "/items/1", "Origin", "https://evil.example");
        assertThat(evilGet.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
}
