package io.spool.tasks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import io.spool.tasks.Application;
import io.spool.tasks.RetryBackoff;
import io.spool.tasks.TaskConfig;
import io.spool.web.WebApp;
import io.spool.web.WebServer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A dashboard on a real socket for the tests: an {@link Application} on a fresh schema of the test database, a
 * spool-web app on 127.0.0.1 port 0 with the dashboard mounted at {@link #PATH} behind {@link #TOKEN} and the
 * Prometheus binding on {@code /metrics}, and an HTTP client.
 */
final class Served implements AutoCloseable {
    static final String PATH = "/admin/tasks";
    static final String TOKEN = "s3cret-token";
    static final ObjectMapper JSON = new ObjectMapper();

    final Application app;
    final PrometheusTaskMetrics metrics;
    final WebServer server;
    final String base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Served(TestDatabase db, String schema) {
        try (PgConnection c = PgConnection.connect(db.url())) {
            c.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
        app = Application.create(TaskConfig.of(db.url()).withSchema(schema).withPollInterval(Duration.ofMillis(200))
                .withDefaultBackoff(RetryBackoff.fixed(Duration.ofMillis(10))));
        metrics = PrometheusTaskMetrics.create(app);
        WebApp web = WebApp.create().metrics();
        metrics.exposeOn(web);
        TasksDashboard.of(app).token(TOKEN).mount(web, PATH);
        server = web.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET with the token, as JSON. */
    JsonNode api(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(PATH + "/api/" + path, "Authorization", "Bearer " + TOKEN);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** POST of a JSON body with the token. */
    HttpResponse<String> action(String path, String json) throws IOException, InterruptedException {
        return post(PATH + "/api/" + path, "application/json", json, "Authorization", "Bearer " + TOKEN);
    }

    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(1));
        app.close();
    }
}
