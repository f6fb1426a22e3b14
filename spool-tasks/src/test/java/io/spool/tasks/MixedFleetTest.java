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

    /** Index entries read from runs and tasks by this session so far (flushed to the statistics first). */
    private static long indexReads(io.spool.pg.PgConnection c) {
        c.query("SELECT pg_stat_force_next_flush()");
        return c.query("SELECT coalesce(sum(idx_tup_read), 0)::bigint FROM pg_stat_user_indexes WHERE schemaname = $1 "
                + "AND relname IN ('runs', 'tasks')", SCHEMA).row(0).getLong(0);
    }

    /**
     * A backlog of a name nobody runs is not walked by the claims of other names: a claim reads the head of
     * each of its names (it read every pending run ahead before, 1.2 s for 22,000 with no work of its own).
     */
    @Test
    void aBacklogOfOtherNamesIsNotWalkedByEveryClaim() {
        try (Application app = Fixtures.app(db, SCHEMA);
             io.spool.pg.PgConnection c = io.spool.pg.PgConnection.connect(db.url())) {
            app.spawnTasks(java.util.Collections.nCopies(5000, TaskSpec.of("send-email", new byte[0])));
            app.spawnTasks(java.util.Collections.nCopies(10, TaskSpec.of("work", new byte[0])));
            String claim = "SELECT count(*) FROM " + SCHEMA + ".claim_task('default', 'w', 10, $1)";
            c.query(claim, (Object) new String[]{"nothing"});  // the session's plans are made
            long before = indexReads(c);
            assertThat(c.query(claim, (Object) new String[]{"nothing"}).row(0).getLong(0)).isZero();
            assertThat(c.query(claim, (Object) new String[]{"work", "nothing"}).row(0).getLong(0)).isEqualTo(10);
            assertThat(indexReads(c) - before).as("index entries read past a backlog of 5,000").isLessThan(100);
            assertThat(app.unclaimed()).singleElement().satisfies(u -> {
                assertThat(u.name()).isEqualTo("send-email");
                assertThat(u.runs()).isEqualTo(5000);
            });
        }
    }
}
