package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.embedded.junit.ChildJvm;
import io.spool.embedded.junit.MachineLoad;
import io.spool.memes.cli.MemesCli;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as an operator runs it ({@code serve} with its own embedded PostgreSQL, in a JVM of its own) is
 * killed with SIGKILL while it renders jobs, then started once more on the same data directory: it must be up
 * within 10 s (the PostgreSQL the killed JVM left running is stopped, not waited for; the bound grows with the
 * machine's load, {@link MachineLoad}) and finish every job.
 */
class CrashRestartTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://[^/ ]+)/");
    private static final int JOBS = 6;

    @Test
    void aRestartAfterKillMinus9IsUpWithin10sAndEveryJobCompletes(@TempDir Path dir) throws Exception {
        String[] args = {"serve", "127.0.0.1:0", "--data-dir", dir.resolve("pg").toString(), "--workers", "1",
                "--render-threads", "1"};
        List<String> ids = new ArrayList<>();
        int unfinishedAtKill = 0;
        try (ChildJvm first = ChildJvm.start(MemesCli.class, args)) {
            Http http = new Http(baseOf(first, Duration.ofSeconds(120)));
            for (int i = 0; i < JOBS; i++) {
                HttpResponse<byte[]> accepted = http.postJson("/jobs", """
                        {"template":"spool","width":1024,"captions":["crash %d","test","kill -9"]}""".formatted(i));
                assertThat(accepted.statusCode()).as(Http.text(accepted)).isEqualTo(202);
                ids.add(Http.json(accepted).path("id").asText());
            }
            awaitState(http, ids.getFirst(), "running");
            first.kill();
        }
        long started = System.nanoTime();
        try (ChildJvm second = ChildJvm.start(MemesCli.class, args)) {
            Http http = new Http(baseOf(second, Duration.ofSeconds(90)));
            assertThat(http.get("/health").statusCode()).isEqualTo(200);
            Duration upAfter = Duration.ofNanos(System.nanoTime() - started);
            Duration bound = MachineLoad.scaled(Duration.ofSeconds(10));
            System.out.printf("CrashRestartTest: up %d ms after the restart began (bound %d ms: 10 s x load %.1f)%n",
                    upAfter.toMillis(), bound.toMillis(), MachineLoad.factor());
            assertThat(upAfter).isLessThan(bound);
            for (String id : ids) {
                unfinishedAtKill += http.get("/jobs/" + id).statusCode() == 202 ? 1 : 0;
            }
            assertThat(unfinishedAtKill).as("jobs the kill interrupted or left waiting").isPositive();
            for (String id : ids) {
                HttpResponse<byte[]> done = awaitDone(http, id, Duration.ofSeconds(60));
                assertThat(done.statusCode()).as(id + ": " + Http.text(done)).isEqualTo(200);
                assertThat(done.headers().firstValue("Content-Type")).hasValue("image/gif");
            }
        }
    }

    private static URI baseOf(ChildJvm child, Duration timeout) throws InterruptedException {
        Matcher m = LISTENING.matcher(child.awaitLine(l -> LISTENING.matcher(l).find(), timeout));
        assertThat(m.find()).isTrue();
        return URI.create(m.group(1));
    }

    private static void awaitState(Http http, String id, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<byte[]> r = http.get("/jobs/" + id);
            if (r.statusCode() == 202 && Http.json(r).path("state").asText().equals(state)) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + id + " never became " + state);
    }

    private static HttpResponse<byte[]> awaitDone(Http http, String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<byte[]> r = http.get("/jobs/" + id);
        while (r.statusCode() == 202 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            r = http.get("/jobs/" + id);
        }
        return r;
    }
}
