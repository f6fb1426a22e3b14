package io.spool.memes.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.memes.jobs.MemeJobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs' dashboard at {@code /admin/tasks}: closed with a 403 that says how to open it when no admin token is
 * set, open to the token when one is, and the jobs' queue series on {@code /metrics}.
 */
@ExtendWith(PostgresExtension.class)
class AdminTasksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(MemesServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static MemesConfig config(TestDatabase db, int workers) {
        return MemesConfig.defaults().withAddress("127.0.0.1", 0).withRenderPool(1, 16)
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5)).withJobs(db.url(), workers);
    }

    @Test
    void withoutATokenTheDashboardIsClosedAndSaysHowToOpenIt(TestDatabase db) throws Exception {
        try (MemesServer server = MemesServer.start(config(db, 0))) {
            for (String path : new String[]{"/admin/tasks", "/admin/tasks/api/queues", "/admin/tasks/login"}) {
                HttpResponse<String> r = get(server, path);
                assertThat(r.statusCode()).as(path).isEqualTo(403);
                assertThat(r.body()).contains("--admin-token").contains("SPOOL_MEMES_ADMIN_TOKEN");
            }
        }
    }

    private HttpResponse<String> post(MemesServer server, String path, String json, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Other test classes' servers share the jobs' schema and may render this test's job, so what is asserted is
     * what this server surely shows: the dashboard's view of the job and the queue's gauges on /metrics.
     */
    @Test
    void withATokenTheDashboardShowsTheJobsAndTheirQueueIsOnMetrics(TestDatabase db) throws Exception {
        String[] bearer = {"Authorization", "Bearer memes-admin"};
        try (MemesServer server = MemesServer.start(config(db, 1).withAdminToken("memes-admin"))) {
            assertThat(get(server, "/admin/tasks/api/queues").statusCode()).isEqualTo(401);
            assertThat(get(server, "/admin/tasks").body()).contains("name=\"token\"");
            assertThat(post(server, "/admin/tasks/api/queues/pause", "{\"queue\":\"memes\"}", bearer).statusCode())
                    .isEqualTo(200);
            long taskId;
            try {
                HttpResponse<String> accepted = post(server, "/jobs",
                        "{\"template\":\"chelsea\",\"top_text\":\"admin\",\"width\":64}");
                assertThat(accepted.statusCode()).isEqualTo(202);
                String id = JSON.readTree(accepted.body()).path("id").asText();
                taskId = Long.parseLong(id.substring(0, id.indexOf('-')));
                String metrics = get(server, "/metrics").body();
                assertThat(metrics).contains("spool_http_requests_total")
                        .contains("spool_tasks_queue_paused{queue=\"memes\"} 1")
                        .containsPattern("spool_tasks_queue_depth\\{queue=\"memes\",task=\"memes-render\"} [1-9]");
            } finally {
                assertThat(post(server, "/admin/tasks/api/queues/resume", "{\"queue\":\"memes\"}", bearer)
                        .statusCode()).isEqualTo(200);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode task;
            do {
                Thread.sleep(50);
                HttpResponse<String> r = get(server, "/admin/tasks/api/tasks/" + taskId, bearer);
                assertThat(r.statusCode()).isEqualTo(200);
                task = JSON.readTree(r.body());
            } while (!task.path("state").asText().equals("completed") && System.nanoTime() < deadline);
            assertThat(task.path("name").asText()).isEqualTo(MemeJobs.TASK);
            assertThat(task.path("state").asText()).isEqualTo("completed");
            assertThat(task.path("runs").get(0).path("workerId").asText()).startsWith("memes-");
            JsonNode queues = JSON.readTree(get(server, "/admin/tasks/api/queues", bearer).body());
            assertThat(queues.path("queues").findValuesAsText("queue")).contains(MemeJobs.QUEUE);
            assertThat(get(server, "/metrics").body()).doesNotContain("spool_tasks_queue_paused{queue=\"memes\"}");
        }
    }
}
