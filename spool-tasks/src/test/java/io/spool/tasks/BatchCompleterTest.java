package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch completer on its own: it records completions and failures, learns of lost runs, and stops. */
@ExtendWith(PostgresExtension.class)
class BatchCompleterTest {
    private static final String SCHEMA = "tasks_part_completer";
    private final TestDatabase db;

    BatchCompleterTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void recordsCompletionsAndFailuresInBatchesAndEndsEveryRun() {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            app.spawnTasks(Collections.nCopies(301, TaskSpec.of("t", new byte[0], SpawnOptions.defaults().withMaxAttempts(1))));
            Parts parts = Parts.of(app, "c", "default", 8, 0);
            List<RunContext> held = parts.claim("default", 500);
            assertThat(held).hasSize(301);
            RunContext cancelled = held.get(300);
            assertThat(app.cancel(cancelled.taskId())).isTrue();
            parts.completer().start();
            for (int i = 0; i < 300; i++) {
                RunContext ctx = held.get(i);
                assertThat(parts.completer().offer(i < 250
                        ? Finish.complete(ctx, ("r" + i).getBytes(StandardCharsets.UTF_8))
                        : Finish.fail(ctx, "failed " + i, false))).isTrue();
            }
            assertThat(parts.completer().offer(Finish.complete(cancelled, new byte[]{1}))).isTrue();
            assertThat(parts.runs().awaitEmpty(System.nanoTime() + 20_000_000_000L)).as("every run ended").isTrue();
            assertThat(parts.runs().finished()).isEqualTo(301);
            assertThat(app.counts().count("default", TaskState.COMPLETED)).isEqualTo(250);
            assertThat(app.counts().count("default", TaskState.DEAD)).isEqualTo(50);
            assertThat(app.counts().count("default", TaskState.CANCELLED)).isEqualTo(1);
            assertThat(app.result(held.get(7).taskId()).orElseThrow().result()).isEqualTo("r7".getBytes(StandardCharsets.UTF_8));
            assertThat(app.result(held.get(260).taskId()).orElseThrow().error()).isEqualTo("failed 260");
            assertThat(app.result(cancelled.taskId()).orElseThrow().result()).as("not written").isNull();

            parts.completer().stop();
            app.spawnTask("t", new byte[0]);
            RunContext late = parts.claim("default", 1).get(0);
            assertThat(parts.completer().offer(Finish.complete(late, new byte[0]))).as("taken after stop").isFalse();
            late.lost = true;
            assertThat(parts.completer().offer(Finish.complete(late, new byte[0]))).isFalse();
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("spool-tasks-complete-c"));
        }
    }
}
