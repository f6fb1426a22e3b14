package io.spool.tasks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.tasks.SpawnOptions;
import io.spool.tasks.TaskState;
import io.spool.web.WebApp;
import io.spool.web.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dashboard's JSON API and its access rules over a real socket, each action checked in the database. */
@ExtendWith(PostgresExtension.class)
class DashboardApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final TestDatabase db;
    private Served s;

    DashboardApiTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        s = new Served(db, "dash_api");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private long count(String sql, Object... args) {
        return s.app.pool().query(sql, args).row(0).getLong(0);
    }

    @Test
    void everyPathUnderTheMountNeedsTheTokenByHeaderCookieOrOneVisitWithIt() throws Exception {
        HttpResponse<String> api = s.get(Served.PATH + "/api/queues");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("Authorization: Bearer").contains("/admin/tasks/login");
        assertThat(s.get(Served.PATH + "/api/queues", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> page = s.get(Served.PATH);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("name=\"token\"").doesNotContain("dashboard.js");
        assertThat(s.get(Served.PATH + "/assets/dashboard.js").statusCode()).isEqualTo(401);
        assertThat(s.action("queues/pause", "{\"queue\":\"default\"}").statusCode()).isEqualTo(200);
        assertThat(s.post(Served.PATH + "/api/queues/resume", "application/json", "{\"queue\":\"default\"}")
                .statusCode()).as("an action without the token").isEqualTo(401);
        assertThat(s.app.pausedQueues()).containsOnlyKeys("default");

        HttpResponse<String> visit = s.get(Served.PATH + "?token=" + Served.TOKEN);
        assertThat(visit.statusCode()).isEqualTo(303);
        assertThat(visit.headers().firstValue("Location")).hasValue(Served.PATH);
        String setCookie = visit.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(TasksDashboard.COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .contains("Path=" + Served.PATH);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        HttpResponse<String> withCookie = s.get(Served.PATH, "Cookie", cookie);
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(withCookie.body()).contains("/admin/tasks/assets/dashboard.js");
        assertThat(withCookie.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'");
        assertThat(s.get(Served.PATH + "/assets/dashboard.js", "Cookie", cookie).statusCode()).isEqualTo(200);

        HttpResponse<String> badLogin = s.post(Served.PATH + "/login", "application/x-www-form-urlencoded", "token=nope");
        assertThat(badLogin.statusCode()).isEqualTo(401);
        assertThat(badLogin.body()).contains("not right");
        HttpResponse<String> login = s.post(Served.PATH + "/login", "application/x-www-form-urlencoded",
                "token=" + Served.TOKEN);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow()).startsWith(cookie);
        // outside the mount path the token is not asked for
        assertThat(s.get("/metrics").statusCode()).isEqualTo(200);
    }

    @Test
    void withoutATokenTheDashboardIsOpenAndTheMountPathMustBeLiteral() throws Exception {
        WebApp web = WebApp.create();
        TasksDashboard open = TasksDashboard.of(s.app).mount(web, "/tasks/");
        WebServer server = web.start("127.0.0.1", 0);
        try {
            HttpResponse<String> r = s.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/tasks/api/queues")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).startsWith("{\"queues\":");
        } finally {
            server.stop(Duration.ofSeconds(1));
        }
        for (String bad : new String[]{"tasks", "/", "/t/{id}", "/t/*"}) {
            assertThatThrownBy(() -> open.mount(WebApp.create(), bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void actionsTakeJsonSoACrossSiteFormCannotPostThem() throws Exception {
        HttpResponse<String> form = s.post(Served.PATH + "/api/queues/pause", "application/x-www-form-urlencoded",
                "queue=default", "Authorization", "Bearer " + Served.TOKEN);
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(s.app.pausedQueues()).isEmpty();
        assertThat(s.action("queues/pause", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void queuesShowDepthRunningAndPauseStateAndPausingStopsClaims() throws Exception {
        s.app.spawnTask("echo", "a".getBytes(StandardCharsets.UTF_8));
        s.app.spawnTask("echo", "b".getBytes(StandardCharsets.UTF_8));
        s.app.spawnTask("later", new byte[0], SpawnOptions.defaults().withQueue("mail").withDelay(Duration.ofHours(1)));
        JsonNode queues = s.api("queues").get("queues");
        assertThat(queues).hasSize(2);
        JsonNode def = queues.get(0);
        assertThat(def.get("queue").asText()).isEqualTo("default");
        assertThat(def.get("available").asLong()).isEqualTo(2);
        assertThat(def.get("tasks").get("pending").asLong()).isEqualTo(2);
        assertThat(def.get("paused").asBoolean()).isFalse();
        assertThat(queues.get(1).get("scheduled").asLong()).isEqualTo(1);

        assertThat(s.action("queues/pause", "{\"queue\":\"default\"}").body()).contains("\"paused\":true");
        assertThat(count("SELECT count(*) FROM dash_api.paused_queues WHERE queue = 'default'")).isEqualTo(1);
        assertThat(s.api("queues").get("queues").get(0).get("paused").asBoolean()).isTrue();
        s.app.createWorker("w").metrics(s.metrics).register("echo", (ctx, p) -> p).start();
        Thread.sleep(500);
        assertThat(count("SELECT count(*) FROM dash_api.tasks WHERE state = 'completed'")).isZero();
        assertThat(s.action("queues/resume", "{\"queue\":\"default\"}").body()).contains("\"resumed\":true");
        Served.eventually("both tasks completed after resume",
                () -> count("SELECT count(*) FROM dash_api.tasks WHERE state = 'completed'") == 2);
        JsonNode series = s.api("series?minutes=10");
        long completed = 0;
        for (JsonNode p : series.get("points")) {
            completed += p.get("completed").asLong();
        }
        assertThat(completed).as("the chart counts the runs finished this minute").isEqualTo(2);
    }

    @Test
    void listsSearchesAndShowsTasksAndRetriesCancelsAndDeletes() throws Exception {
        s.app.createWorker("worker-1").register("stepped", (ctx, p) -> {
            ctx.step("lookup", () -> "{\"found\":42}".getBytes(StandardCharsets.UTF_8));
            return "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        }).register("broken", (ctx, p) -> {
            throw new IllegalStateException("disk on fire");
        }).start();
        long good = s.app.spawnTask("stepped", "{\"customer\":\"ada\"}".getBytes(StandardCharsets.UTF_8)).taskId();
        long bad = s.app.spawnTask("broken", "{\"customer\":\"bob\"}".getBytes(StandardCharsets.UTF_8),
                SpawnOptions.defaults().withMaxAttempts(1)).taskId();
        long waiting = s.app.spawnTask("nobody", new byte[]{(byte) 0xff, 0}, SpawnOptions.defaults()
                .withQueue("idle")).taskId();
        s.app.awaitResult(good, WAIT);
        s.app.awaitResult(bad, WAIT);

        assertThat(ids(s.api("tasks"))).containsExactly(waiting, bad, good);
        assertThat(ids(s.api("tasks?state=dead"))).containsExactly(bad);
        assertThat(ids(s.api("tasks?queue=idle"))).containsExactly(waiting);
        assertThat(ids(s.api("tasks?name=stepped"))).containsExactly(good);
        assertThat(ids(s.api("tasks?q=ada"))).as("text in the params").containsExactly(good);
        assertThat(ids(s.api("tasks?q=fire"))).as("text in the error").containsExactly(bad);
        assertThat(ids(s.api("tasks?q=" + good))).as("the id").containsExactly(good);
        assertThat(ids(s.api("tasks?q=%25"))).as("a LIKE wildcard is plain text").isEmpty();
        assertThat(ids(s.api("tasks?limit=1&before=" + bad))).containsExactly(good);
        assertThat(s.get(Served.PATH + "/api/tasks?state=lost", "Authorization", "Bearer " + Served.TOKEN)
                .statusCode()).isEqualTo(400);

        JsonNode detail = s.api("tasks/" + good);
        assertThat(detail.get("state").asText()).isEqualTo("completed");
        assertThat(detail.get("params").get("text").asText()).isEqualTo("{\"customer\":\"ada\"}");
        assertThat(detail.get("result").get("text").asText()).isEqualTo("{\"ok\":true}");
        assertThat(detail.get("runs")).singleElement().satisfies(r -> {
            assertThat(r.get("workerId").asText()).isEqualTo("worker-1");
            assertThat(r.get("claimedAt").asText()).isNotBlank();
            assertThat(r.get("finishedAt").asText()).isNotBlank();
        });
        assertThat(detail.get("steps")).singleElement().satisfies(st -> {
            assertThat(st.get("name").asText()).isEqualTo("lookup");
            assertThat(st.get("value").get("text").asText()).isEqualTo("{\"found\":42}");
        });
        JsonNode failed = s.api("tasks/" + bad);
        assertThat(failed.get("runs").get(0).get("error").asText()).contains("IllegalStateException: disk on fire")
                .contains("\tat ");
        assertThat(s.api("tasks/" + waiting).get("params").get("base64").asText()).isEqualTo("/wA=");

        // retry the dead task: a new pending run in the database
        assertThat(s.action("tasks/" + bad + "/retry", "{}").statusCode()).isEqualTo(200);
        Served.eventually("the retry ran", () -> count("SELECT count(*) FROM dash_api.runs WHERE task_id = $1", bad) == 2);
        assertThat(s.action("tasks/" + good + "/cancel", "{}").body()).contains("\"cancelled\":false");
        assertThat(s.action("tasks/" + waiting + "/cancel", "{}").body()).contains("\"cancelled\":true");
        assertThat(s.app.result(waiting).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
        assertThat(s.action("tasks/" + waiting + "/delete", "{}").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM dash_api.tasks WHERE task_id = $1", waiting)).isZero();
        assertThat(s.action("tasks/" + waiting + "/delete", "{}").statusCode()).isEqualTo(404);
        long pending = s.app.spawnTask("nobody", new byte[0], SpawnOptions.defaults().withQueue("idle")).taskId();
        HttpResponse<String> refused = s.action("tasks/" + pending + "/delete", "{}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("cancel it first");
        assertThat(s.action("tasks/" + pending + "/retry", "{}").statusCode()).isEqualTo(409);
        assertThat(s.get(Served.PATH + "/api/tasks/999999", "Authorization", "Bearer " + Served.TOKEN).statusCode())
                .isEqualTo(404);
    }

    private static java.util.List<Long> ids(JsonNode listing) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        listing.get("tasks").forEach(t -> out.add(t.get("taskId").asLong()));
        return out;
    }
}
