package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers with different handlers share one queue (a rolling deploy, or workers in two languages): each claims
 * only the names it runs, so no task is claimed by a worker that cannot run it and none burns its attempts.
 */
@ExtendWith(PostgresExtension.class)
class MixedFleetTest {
    private static final String SCHEMA = "tasks_mixed_fleet";
    private final TestDatabase db;

    MixedFleetTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void twoWorkersWithDisjointHandlersRunEachTaskOnceAndNoneDies() throws Exception {
        try (Application a = Fixtures.app(db, SCHEMA);
             Application b = Application.create(a.config())) {   // a second process on the same schema
            Map<Long, AtomicInteger> ran = new ConcurrentHashMap<>();
            Map<String, String> ranOn = new ConcurrentHashMap<>();
            TaskHandler counting = (ctx, p) -> {
                ran.computeIfAbsent(ctx.taskId(), k -> new AtomicInteger()).incrementAndGet();
                ranOn.put(ctx.taskName() + "@" + ctx.workerId(), "");
                return p;
            };
            a.createWorker("java-work", WorkerOptions.defaults().withQueue("mixed", 8)).register("work", counting)
                    .start();
            b.createWorker("mailer", WorkerOptions.defaults().withQueue("mixed", 8)).register("send-email", counting)
                    .start();
            List<TaskSpec> specs = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                // one attempt each: a single claim by the wrong worker would make the task dead
                specs.add(TaskSpec.of(i % 2 == 0 ? "work" : "send-email", new byte[]{(byte) i},
                        SpawnOptions.defaults().withQueue("mixed").withMaxAttempts(1)));
            }
            List<SpawnResult> spawned = a.spawnTasks(specs);
            Fixtures.eventually(Duration.ofSeconds(60), "all 1,000 tasks to complete",
                    () -> a.counts().count("mixed", TaskState.COMPLETED) == 1000);
            assertThat(a.counts().count("mixed", TaskState.DEAD)).isZero();
            assertThat(ran).hasSize(1000);
            assertThat(ran.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(ranOn.keySet()).containsExactlyInAnyOrder("work@java-work", "send-email@mailer");
            assertThat(a.pool().query("SELECT count(*) FROM " + SCHEMA + ".runs").row(0).getLong(0))
                    .as("one run per task: none failed, none was released").isEqualTo(1000);
            assertThat(spawned).allSatisfy(s -> assertThat(ran).containsKey(s.taskId()));
        }
    }

    @Test
    void sqlClaimTakesOnlyTheNamesGivenAndNullMeansAny() {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            app.spawnTask("b", new byte[0]);
            app.spawnTask("a", new byte[0]);
            String claim = "SELECT coalesce(string_agg(name, ','), '') FROM " + SCHEMA + ".claim_task('default', 'w', 10, $1)";
            assertThat(app.pool().query(claim, (Object) new String[0]).row(0).getString(0)).isEmpty();
            assertThat(app.pool().query(claim, (Object) new String[]{"x"}).row(0).getString(0)).isEmpty();
            assertThat(app.pool().query(claim, (Object) new String[]{"a", "x"}).row(0).getString(0)).isEqualTo("a");
            assertThat(app.unclaimed()).singleElement().satisfies(u -> assertThat(u.name()).isEqualTo("b"));
            assertThat(app.pool().query("SELECT coalesce(string_agg(name, ','), '') FROM " + SCHEMA
                    + ".claim_task('default', 'w', 10)").row(0).getString(0)).isEqualTo("b");
            assertThat(app.unclaimed()).isEmpty();
        }
    }
}
