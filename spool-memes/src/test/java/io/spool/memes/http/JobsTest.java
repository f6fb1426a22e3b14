package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spool.embedded.LocalPostgres;
import io.spool.memes.assets.DemoGif;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Durable jobs end to end: accepted at once, rendered by a worker, served, and kept across restarts. */
@ExtendWith(SharedServer.class)
class JobsTest {
    @Test
    void aJobIsAcceptedThenRenderedThenServed(Http http) throws Exception {
        HttpResponse<byte[]> accepted = http.postJson("/jobs", """
                {"template": "spool", "top_text": "a job", "bottom_text": "for later"}""");
        assertThat(accepted.statusCode()).as(Http.text(accepted)).isEqualTo(202);
        JsonNode body = Http.json(accepted);
        String id = body.path("id").asText();
        assertThat(body.path("state").asText()).isEqualTo("pending");
        assertThat(body.path("url").asText()).isEqualTo("/jobs/" + id);
        assertThat(accepted.headers().firstValue("Location")).hasValue("/jobs/" + id);

        HttpResponse<byte[]> done = awaitDone(http, id);
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.headers().firstValue("Content-Type")).hasValue("image/gif");
        assertThat(GoldenImageTest.gifDelays(done.body())).hasSize(DemoGif.FRAMES);
        String etag = done.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/jobs/" + id, "If-None-Match", etag).statusCode()).isEqualTo(304);
    }

    @Test
    void anIdCannotBeGuessedFromAnother(Http http) throws Exception {
        String id = Http.json(http.postJson("/jobs", """
                {"template": "chelsea", "top_text": "mine", "width": 64}""")).path("id").asText();
        assertThat(id).matches("\\d+-[A-Za-z0-9_-]{22}");
        awaitDone(http, id);
        long taskId = Long.parseLong(id.substring(0, id.indexOf('-')));
        String token = id.substring(id.indexOf('-') + 1);
        String otherToken = (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1);
        for (String guess : new String[] {Long.toString(taskId), taskId + "-" + otherToken, taskId + "-",
                (taskId + 1) + "-" + token, "-" + token, "99999999999999999999-" + token}) {
            ErrorStatusTest.expect(http.get("/jobs/" + guess), 404, "no job");
        }
        assertThat(http.get("/jobs/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void badBodiesAreRefusedAtOnce(Http http) {
        ErrorStatusTest.expect(http.postJson("/jobs", "{\"template\": 3"), 400, "JSON");
        ErrorStatusTest.expect(http.postJson("/jobs", "{\"top_text\": \"no template\"}"), 400, "template is required");
        ErrorStatusTest.expect(http.postJson("/jobs", "{\"template\":\"chelsea\",\"width\":5000}"), 400, "width");
    }

    @Test
    void aJobThatCannotRenderFailsWithItsStatus(Http http) throws Exception {
        HttpResponse<byte[]> accepted = http.postJson("/jobs", "{\"template\":\"chelsea\",\"top_text\":\"x\",\"font\":\"nope\"}");
        assertThat(accepted.statusCode()).isEqualTo(202);
        HttpResponse<byte[]> failed = awaitDone(http, Http.json(accepted).path("id").asText());
        assertThat(failed.statusCode()).isEqualTo(400);
        JsonNode body = Http.json(failed);
        assertThat(body.path("state").asText()).isEqualTo("failed");
        assertThat(body.path("error").asText()).contains("no font called \"nope\"");
    }

    @Test
    void jobsSurviveARestartOfTheServiceAndItsDatabase(@TempDir Path dataDir) throws Exception {
        String waiting;
        String finished;
        LocalPostgres pg = LocalPostgres.start(dataDir);
        try {
            // first life: one process renders a job, another only accepts one (no workers)
            try (MemesServer worker = MemesServer.start(config(pg.url(), 1))) {
                Http http = new Http(worker);
                finished = Http.json(http.postJson("/jobs", "{\"template\":\"chelsea\",\"captions\":[\"done\"]}"))
                        .path("id").asText();
                assertThat(awaitDone(http, finished).statusCode()).isEqualTo(200);
            }
            try (MemesServer acceptor = MemesServer.start(config(pg.url(), 0))) {
                Http http = new Http(acceptor);
                waiting = Http.json(http.postJson("/jobs", "{\"template\":\"coffee\",\"captions\":[\"later\"]}"))
                        .path("id").asText();
                Thread.sleep(300);
                HttpResponse<byte[]> pending = http.get("/jobs/" + waiting);
                assertThat(pending.statusCode()).isEqualTo(202);
                assertThat(pending.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(Http.json(pending).path("state").asText()).isEqualTo("pending");
            }
        } finally {
            pg.close();
        }
        // second life: the database restarts from its data directory, the service with workers
        pg = LocalPostgres.start(dataDir);
        try (MemesServer again = MemesServer.start(config(pg.url(), 1))) {
            Http http = new Http(again);
            HttpResponse<byte[]> old = http.get("/jobs/" + finished);
            assertThat(old.statusCode()).isEqualTo(200);
            assertThat(Http.image(old.body()).getWidth()).isEqualTo(451);
            HttpResponse<byte[]> later = awaitDone(http, waiting);
            assertThat(later.statusCode()).isEqualTo(200);
            assertThat(later.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        } finally {
            pg.close();
        }
    }

    private static MemesConfig config(String url, int workers) {
        return MemesConfig.defaults().withAddress("127.0.0.1", 0).withRenderPool(1, 8)
                .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5)).withJobs(url, workers);
    }

    /** Polls until the job is no longer 202 (at most 60 s). */
    static HttpResponse<byte[]> awaitDone(Http http, String id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<byte[]> r = http.get("/jobs/" + id);
        while (r.statusCode() == 202 && System.nanoTime() < until) {
            JsonNode state = Http.json(r);
            assertThat(state.path("id").asText()).isEqualTo(id);
            assertThat(state.path("state").asText()).isIn("pending", "running");
            Thread.sleep(100);
            r = http.get("/jobs/" + id);
        }
        return r;
    }
}
