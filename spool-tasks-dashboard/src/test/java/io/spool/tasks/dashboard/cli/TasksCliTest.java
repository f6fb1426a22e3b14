package io.spool.tasks.dashboard.cli;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import io.spool.tasks.Application;
import io.spool.tasks.RetryBackoff;
import io.spool.tasks.SpawnOptions;
import io.spool.tasks.TaskConfig;
import io.spool.tasks.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./spool tasks}: its main run in-process against the test database, output and effects checked. */
@ExtendWith(PostgresExtension.class)
class TasksCliTest {
    private static final String SCHEMA = "cli_tasks";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final TestDatabase db;
    private Application app;
    private long done;
    private long dead;
    private long waiting;

    TasksCliTest(TestDatabase db) {
        this.db = db;
    }

    /** What one run of the command printed, and its exit code. */
    record Ran(int code, String out, String err) {}

    private Ran cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        all[0] = "--database-url";
        all[1] = db.url();
        all[2] = "--schema";
        all[3] = SCHEMA;
        System.arraycopy(args, 0, all, 4, args.length);
        int code = TasksCli.run(new PrintWriter(out), new PrintWriter(err), all);
        return new Ran(code, out.toString(), err.toString());
    }

    @BeforeEach
    void start() throws Exception {
        try (PgConnection c = PgConnection.connect(db.url())) {
            c.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        app = Application.create(TaskConfig.of(db.url()).withSchema(SCHEMA).withPollInterval(Duration.ofMillis(200))
                .withDefaultBackoff(RetryBackoff.fixed(Duration.ofMillis(10))));
        app.createWorker("cli-worker").register("ok", (ctx, p) -> {
            ctx.step("half", () -> "\u001b]0;pwned\u0007half".getBytes(StandardCharsets.UTF_8));
            return "{\"done\":true}".getBytes(StandardCharsets.UTF_8);
        }).register("bad", (ctx, p) -> {
            throw new IllegalStateException("out of cheese");
        }).start();
        done = app.spawnTask("ok", "{\"n\":1}".getBytes(StandardCharsets.UTF_8)).taskId();
        dead = app.spawnTask("bad", new byte[0], SpawnOptions.defaults().withMaxAttempts(1)).taskId();
        app.awaitResult(done, WAIT);
        app.awaitResult(dead, WAIT);
        waiting = app.spawnTask("later", new byte[0], SpawnOptions.defaults().withQueue("mail")).taskId();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void listsAndFiltersTasks() {
        Ran all = cli("ls");
        assertThat(all.code()).isZero();
        assertThat(all.out().lines().findFirst().orElseThrow()).startsWith("ID").contains("STATE").contains("ERROR");
        assertThat(all.out()).contains("out of cheese").contains("later").contains("completed");
        assertThat(all.out().lines().count()).isEqualTo(4);
        Ran deadOnly = cli("ls", "--state", "dead");
        assertThat(deadOnly.out().lines().skip(1).toList()).singleElement().asString().startsWith(dead + " ")
                .contains("dead").contains("IllegalStateException: out of cheese");
        assertThat(cli("ls", "--queue", "mail").out()).contains("later").doesNotContain("cheese");
        Ran bad = cli("ls", "--state", "lost");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--state must be one of");
        assertThat(cli("ls", "--limit", "0").err()).contains("limit must be within 1..1000");
    }

    @Test
    void showsATaskWithRunsErrorsAndStepsWithoutTerminalControls() {
        Ran shown = cli("show", Long.toString(done));
        assertThat(shown.code()).isZero();
        assertThat(shown.out()).contains("task " + done + ": ok in queue default").contains("params:   {\"n\":1}")
                .contains("result:   {\"done\":true}").contains("by cli-worker").contains("half (run ")
                .doesNotContain("\u001b").doesNotContain("\u0007").contains("\uFFFD]0;pwned\uFFFDhalf");
        assertThat(cli("show", Long.toString(dead)).out()).contains("IllegalStateException: out of cheese")
                .contains("\tat ");
        assertThat(cli("show", "--json", Long.toString(done)).out()).contains("\"workerId\" : \"cli-worker\"")
                .contains("\"steps\"");
        Ran missing = cli("show", "424242");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no task 424242");
    }

    @Test
    void retriesCancelsPausesAndResumesInTheDatabase() throws Exception {
        Ran retried = cli("retry", Long.toString(dead));
        assertThat(retried.code()).isZero();
        assertThat(retried.out()).contains("task " + dead + " will run again").contains("attempt 2");
        assertThat(app.runs(dead)).hasSize(2);
        Ran refused = cli("retry", Long.toString(waiting));
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("only completed, dead or cancelled tasks can be retried");

        assertThat(cli("pause", "mail").out()).contains("queue mail paused");
        assertThat(cli("pause", "mail").out()).contains("was paused already");
        assertThat(app.pausedQueues()).containsOnlyKeys("mail");
        Ran counts = cli("counts");
        assertThat(counts.out().lines().filter(l -> l.startsWith("mail")).findFirst().orElseThrow())
                .matches("mail\\s+1\\s+0\\s+0\\s+0\\s+0\\s+1\\s+0\\s+\\d+\\.\\ds\\s+yes");
        assertThat(counts.out()).containsPattern("default\\s+\\d+\\s+\\d+\\s+1\\s+");
        assertThat(cli("resume", "mail").out()).contains("queue mail resumed");
        assertThat(app.pausedQueues()).isEmpty();

        assertThat(cli("cancel", Long.toString(waiting)).out()).contains("task " + waiting + " cancelled");
        assertThat(app.result(waiting).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
        Ran again = cli("cancel", Long.toString(waiting));
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("is cancelled; only pending or running tasks can be cancelled");
    }

    @Test
    void badUsageAndAnUnreachableDatabaseSayWhat() {
        Ran unknown = cli("explode");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument").contains("explode");
        StringWriter err = new StringWriter();
        int code = TasksCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err),
                "--database-url", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", "counts");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).startsWith("spool tasks: ");
    }
}
