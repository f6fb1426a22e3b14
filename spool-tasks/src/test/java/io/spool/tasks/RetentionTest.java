package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Retention keeps the hot table small: finished tasks go away (or to the archive) after their time. */
@ExtendWith(PostgresExtension.class)
class RetentionTest {
    private static final String SCHEMA = "tasks_retention_test";
    private final TestDatabase db;

    RetentionTest(TestDatabase db) {
        this.db = db;
    }

    private long count(Application app, String table) {
        return app.pool().query("SELECT count(*) FROM " + SCHEMA + "." + table).row(0).getLong(0);
    }

    @Test
    void completedTasksAreDeletedWithTheirRunsAndStepsAfterTheirTime() throws Exception {
        TaskConfig config = Fixtures.config(db, SCHEMA)
                .withRetention(Retention.delete(Duration.ofMillis(300)).withFailedAfter(Duration.ofHours(1))
                        .withInterval(Duration.ofMillis(100)));
        try (Application app = Application.create(config)) {
            app.createWorker("w1").register("ok", (ctx, p) -> ctx.step("s", () -> p))
                    .register("bad", (ctx, p) -> {
                        throw new PermanentFailureException("no");
                    }).start();
            long done = app.spawnTask("ok", new byte[]{1}).taskId();
            long dead = app.spawnTask("bad", new byte[0]).taskId();
            long waiting = app.spawnTask("ok", new byte[0], SpawnOptions.defaults().withDelay(Duration.ofHours(1))).taskId();
            app.awaitResult(done, Duration.ofSeconds(10));
            app.awaitResult(dead, Duration.ofSeconds(10));
            assertThat(count(app, "steps")).isEqualTo(1);
            Fixtures.eventually(Duration.ofSeconds(10), "the completed task to be removed", () -> app.result(done).isEmpty());
            assertThat(app.result(dead)).isPresent();      // dead ones are kept longer
            assertThat(app.result(waiting)).isPresent();   // unfinished ones are never removed
            assertThat(app.runs(done)).isEmpty();
            assertThat(count(app, "steps")).isZero();
            assertThat(count(app, "tasks")).isEqualTo(2);
        }
    }

    @Test
    void archivingMovesFinishedTasksOutOfTheHotTableButKeepsThemReadable() throws Exception {
        TaskConfig config = Fixtures.config(db, SCHEMA).withRetention(Retention.archive(Duration.ZERO)
                .withFailedAfter(Duration.ZERO).withInterval(Duration.ofHours(1)));
        try (Application app = Application.create(config)) {
            app.createWorker("w1", WorkerOptions.defaults().withCleanup(false))
                    .register("ok", (ctx, p) -> "archived".getBytes(StandardCharsets.UTF_8)).start();
            long id = app.spawnTask("ok", new byte[0]).taskId();
            app.awaitResult(id, Duration.ofSeconds(10));
            long cancelled = app.spawnTask("later", new byte[0], SpawnOptions.defaults().withDelay(Duration.ofHours(1))).taskId();
            app.cancel(cancelled);
            Thread.sleep(20);
            assertThat(app.cleanup()).isEqualTo(2);
            assertThat(count(app, "tasks")).isZero();
            assertThat(count(app, "runs")).isZero();
            assertThat(count(app, "tasks_archive")).isEqualTo(2);
            TaskInfo t = app.result(id).orElseThrow();  // found in the archive
            assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
            assertThat(new String(t.result(), StandardCharsets.UTF_8)).isEqualTo("archived");
            assertThat(app.runs(id)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("completed"));
            assertThat(app.cleanup()).isZero();
        }
    }
}
