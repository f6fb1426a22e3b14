package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A throughput self-check, not a benchmark (that lives in spool-bench): spawn 5,000 no-op tasks in batches while
 * one worker runs them, and print end-to-end tasks/s and the pickup latency percentiles. It asserts only that
 * every task completed exactly once, so a slow machine cannot make it flaky.
 */
@ExtendWith(PostgresExtension.class)
class ThroughputTest {
    private static final String SCHEMA = "tasks_throughput_test";
    private static final int TASKS = 5_000;
    private static final int BATCH = 500;

    private final TestDatabase db;

    ThroughputTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void spawnClaimCompleteFiveThousandTasks() throws Exception {
        try (Application app = Application.create(Fixtures.config(db, SCHEMA).withPoolSize(8))) {
            Worker worker = app.createWorker("bench", WorkerOptions.defaults().withQueue("default", 1000)
                    .withClaimBatchSize(500)).register("noop", (ctx, p) -> p).start();
            warmUp(app, worker);
            int before = worker.finishedRuns();
            long t0 = System.nanoTime();
            for (int sent = 0; sent < TASKS; sent += BATCH) {
                List<TaskSpec> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH; i++) {
                    batch.add(TaskSpec.of("noop", new byte[]{(byte) i}));
                }
                app.spawnTasks(batch);
            }
            long spawned = System.nanoTime();
            Fixtures.eventually(Duration.ofSeconds(60), "all tasks to complete",
                    () -> worker.finishedRuns() - before >= TASKS);
            long t1 = System.nanoTime();
            double seconds = (t1 - t0) / 1e9;
            Row lat = app.pool().query("SELECT percentile_cont(ARRAY[0.5, 0.99]) WITHIN GROUP (ORDER BY "
                    + "extract(epoch FROM r.claimed_at - r.created_at) * 1000)::text, max(r.claimed_at - r.created_at)::text "
                    + "FROM " + SCHEMA + ".runs r JOIN " + SCHEMA + ".tasks t USING (task_id) WHERE t.name = 'noop'").row(0);
            System.out.printf("spool-tasks throughput: %d tasks end-to-end (spawn in batches of %d -> claim -> "
                            + "complete) in %.2f s = %.0f tasks/s; spawning took %.2f s; pickup latency ms [p50, p99] = %s, max %s%n",
                    TASKS, BATCH, seconds, TASKS / seconds, (spawned - t0) / 1e9, lat.getString(0), lat.getString(1));
            assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".tasks WHERE name = 'noop' "
                    + "AND state = 'completed'").row(0).getLong(0)).isEqualTo(TASKS);
            assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".runs r JOIN " + SCHEMA
                    + ".tasks t USING (task_id) WHERE t.name = 'noop'").row(0).getLong(0)).isEqualTo(TASKS);
        }
    }

    /** A few hundred tasks first, so the JIT and the statement caches are warm when the clock starts. */
    private static void warmUp(Application app, Worker worker) {
        List<TaskSpec> batch = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            batch.add(TaskSpec.of("warm", new byte[0]));
        }
        worker.register("warm", (ctx, p) -> p);
        app.spawnTasks(batch);
        Fixtures.eventually(Duration.ofSeconds(60), "warm-up", () -> worker.finishedRuns() >= 1000);
    }
}
