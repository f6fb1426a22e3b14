package io.spool.tasks;

import static io.spool.tasks.Fixtures.one;
import static org.assertj.core.api.Assertions.assertThat;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import io.spool.pg.PgException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Edges of claiming, completing and releasing found by review, each as the README promises it: a NULL claim
 * limit, one bad entry in a completion batch, handlers that never block, and a release after the lease expired.
 */
@ExtendWith(PostgresExtension.class)
class LeaseAndClaimEdgesTest {
    private static final String S = "tasks_edges";
    private final TestDatabase db;

    LeaseAndClaimEdgesTest(TestDatabase db) {
        this.db = db;
    }

    /** "NULL arguments take the defaults": a NULL limit claims the default (1) or is refused; never all. */
    @Test
    void claimWithANullLimitDoesNotTakeEveryReadyTask() {
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            for (int i = 0; i < 5; i++) {
                one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x')");
            }
            String claimed;
            try {
                claimed = one(c, "SELECT count(*) FROM " + S + ".claim_task('default', 'w1', NULL)");
            } catch (PgException e) {
                claimed = "refused " + e.sqlState();
            }
            assertThat(claimed).as("claim_task(queue, worker, NULL)").isIn("1", "refused 22023", "refused 22004");
            assertThat(one(c, "SELECT count(*) FROM " + S + ".runs WHERE state = 'pending'"))
                    .as("ready runs left for other workers").isIn("4", "5");
        }
    }

    /**
     * A run whose lease expired is retried in its place (its original availability), ahead of the backlog that
     * arrived while it was held; it went to the back of the queue before.
     */
    @Test
    void anExpiredRunKeepsItsPlaceInTheQueue() throws Exception {
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            String first = one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x', p_lease => '100 ms')");
            assertThat(one(c, "SELECT task_id FROM " + S + ".claim_task('default', 'ghost', 1)")).isEqualTo(first);
            String firstAvailable = one(c, "SELECT available_at FROM " + S + ".runs WHERE task_id = " + first);
            for (int i = 0; i < 20; i++) {
                one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x')");
            }
            Thread.sleep(300);  // the ghost never heartbeats: its lease expires
            assertThat(one(c, "SELECT task_id FROM " + S + ".claim_task('default', 'w2', 1)"))
                    .as("the expired task is claimed before the 20 that came after it").isEqualTo(first);
            assertThat(one(c, "SELECT string_agg(state || ' ' || attempt || ' ' || (available_at = '" + firstAvailable
                    + "'), ', ' ORDER BY run_id) FROM " + S + ".runs WHERE task_id = " + first))
                    .isEqualTo("expired 1 true, running 2 true");
        }
    }

    /** One lost/cancelled/unknown run in a complete_runs batch does not stop the others being completed. */
    @Test
    void oneBadEntryInACompletionBatchDoesNotPoisonTheOthers() {
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            for (int i = 0; i < 4; i++) {
                one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x')");
            }
            List<String> runs = new ArrayList<>();
            for (var r : c.simpleQuery("SELECT run_id FROM " + S + ".claim_task('default', 'w1', 4) ORDER BY run_id")
                    .get(0)) {
                runs.add(r.getString(0));
            }
            assertThat(runs).hasSize(4);
            // run 2: lease expired (not yet reaped); run 3: task cancelled
            c.simpleQuery("UPDATE " + S + ".runs SET lease_expires_at = now() - interval '1 second' WHERE run_id = "
                    + runs.get(1));
            one(c, "SELECT " + S + ".cancel_task((SELECT task_id FROM " + S + ".runs WHERE run_id = " + runs.get(2) + "))");
            String ids = "ARRAY[" + String.join(",", runs) + ", 999999]::bigint[]";
            List<String> outcomes = new ArrayList<>();
            for (var r : c.simpleQuery("SELECT outcome FROM " + S + ".complete_runs(" + ids + ", 'w1', "
                    + "ARRAY['\\x01', NULL, '\\x03', '\\x04', '\\x05']::bytea[]) ORDER BY run_id").get(0)) {
                outcomes.add(r.getString(0));
            }
            assertThat(outcomes).containsExactly("completed", "lease_lost", "cancelled", "completed", "lease_lost");
            assertThat(one(c, "SELECT count(*) FROM " + S + ".tasks WHERE state = 'completed'")).isEqualTo("2");
        }
    }

    /**
     * CPU-bound handlers on all carrier threads: the worker's own heartbeat must still extend their leases
     * (README: "the worker also extends leases by itself while a handler runs").
     */
    @Test
    void busyHandlersDoNotStarveTheHeartbeat() throws Exception {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = cores + 1;
        AtomicInteger executions = new AtomicInteger();
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            Worker w = app.createWorker("w1", WorkerOptions.defaults().withQueue("default", n)
                            .withClaimAhead(0))
                    .register("spin", (ctx, p) -> {
                        executions.incrementAndGet();
                        long end = System.nanoTime() + Duration.ofMillis(3000).toNanos();
                        long x = 0;
                        while (System.nanoTime() < end) {
                            x += System.nanoTime() & 1;   // CPU work that never blocks
                        }
                        return new byte[] {(byte) x};
                    }).start();
            try {
                List<TaskSpec> specs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    specs.add(TaskSpec.of("spin", null, SpawnOptions.defaults().withLease(Duration.ofSeconds(1))
                            .withMaxAttempts(5)));
                }
                List<SpawnResult> spawned = app.spawnTasks(specs);
                Thread.sleep(2200);   // the handlers spin; a heartbeat every ~170 ms should keep the 1 s leases
                String expired = one(c, "SELECT count(*) FROM " + S + ".runs WHERE state = 'running' "
                        + "AND lease_expires_at < now()");
                for (SpawnResult r : spawned) {
                    assertThat(app.awaitResult(r.taskId(), Duration.ofSeconds(60)).state()).isEqualTo(TaskState.COMPLETED);
                }
                assertThat(expired).as("running runs whose lease expired while their handler ran").isEqualTo("0");
                assertThat(one(c, "SELECT count(*) FROM " + S + ".runs WHERE state <> 'completed'"))
                        .as("runs expired / repeated").isEqualTo("0");
                assertThat(executions.get()).as("handler executions").isEqualTo(n);
            } finally {
                w.stop(Duration.ofSeconds(10));
            }
        }
    }

    /**
     * A result the database refuses for good (here a trigger's exception; in life one too large to store) fails
     * its own run, with a message that says so, and the results finished in the same batch are stored.
     */
    @Test
    void aResultTheDatabaseRefusesFailsItsRunAloneAndTheRestOfItsBatchIsStored() throws Exception {
        byte[] refused = {(byte) 0xba, (byte) 0xd0};
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            c.simpleQuery("CREATE FUNCTION " + S + ".refuse_bad() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.result = '\\xbad0'::bytea THEN RAISE EXCEPTION 'no such result here'; END IF; "
                    + "RETURN NEW; END $$; CREATE TRIGGER refuse_bad BEFORE UPDATE ON " + S + ".tasks "
                    + "FOR EACH ROW EXECUTE FUNCTION " + S + ".refuse_bad()");
            CountDownLatch allRunning = new CountDownLatch(5);
            Worker w = app.createWorker("w1", WorkerOptions.defaults().withQueue("default", 5))
                    .register("echo", (ctx, p) -> {
                        allRunning.countDown();
                        allRunning.await();   // finish together, so the completions share a batch
                        return p;
                    }).start();
            try {
                List<TaskSpec> specs = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    specs.add(TaskSpec.of("echo", i == 2 ? refused : new byte[] {(byte) i},
                            SpawnOptions.defaults().withMaxAttempts(1)));
                }
                List<SpawnResult> spawned = app.spawnTasks(specs);
                for (int i = 0; i < 5; i++) {
                    TaskInfo t = app.awaitResult(spawned.get(i).taskId(), Duration.ofSeconds(10));   // leases: 30 s
                    if (i == 2) {
                        assertThat(t.state()).isEqualTo(TaskState.DEAD);
                        assertThat(t.error()).contains("the result (2 bytes) could not be stored")
                                .contains("no such result here");
                    } else {
                        assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
                        assertThat(t.result()).containsExactly(i);
                    }
                }
            } finally {
                w.stop(Duration.ofSeconds(10));
            }
        }
    }

    /**
     * Results too large for one protocol message would make the server drop the connection, which the completer
     * would retry without end: one over the cap fails its run at once, and big results finishing together are
     * sent in several statements, every one of them stored.
     */
    @Test
    void anOversizedResultFailsItsRunAndBigResultsAreStoredInSeveralStatements() throws Exception {
        int big = 25 << 20;   // three of them pass the 64 MiB a completion statement carries
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            CountDownLatch allRunning = new CountDownLatch(3);
            Worker w = app.createWorker("w1", WorkerOptions.defaults().withQueue("default", 3))
                    .register("huge", (ctx, p) -> new byte[Worker.MAX_RESULT_BYTES + 1])
                    .register("big", (ctx, p) -> {
                        allRunning.countDown();
                        allRunning.await();
                        byte[] result = new byte[big];
                        java.util.Arrays.fill(result, p[0]);
                        return result;
                    }).start();
            try {
                SpawnResult huge = app.spawnTask("huge", new byte[0], SpawnOptions.defaults().withMaxAttempts(3));
                TaskInfo failed = app.awaitResult(huge.taskId(), Duration.ofSeconds(20));
                assertThat(failed.state()).isEqualTo(TaskState.DEAD);
                assertThat(failed.attempt()).isEqualTo(1);   // retrying cannot make it smaller
                assertThat(failed.error()).contains("larger than the " + Worker.MAX_RESULT_BYTES + " bytes");
                List<SpawnResult> spawned = app.spawnTasks(List.of(TaskSpec.of("big", new byte[] {1}),
                        TaskSpec.of("big", new byte[] {2}), TaskSpec.of("big", new byte[] {3})));
                for (int i = 0; i < 3; i++) {
                    TaskInfo t = app.awaitResult(spawned.get(i).taskId(), Duration.ofSeconds(60));
                    assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
                    assertThat(t.result()).hasSize(big);
                    assertThat(t.result()[big - 1]).isEqualTo((byte) (i + 1));
                }
            } finally {
                w.stop(Duration.ofSeconds(10));
            }
        }
    }

    /**
     * A lease is strict: a worker whose lease expired cannot release the run either (the expiry uses an attempt;
     * a release would give it back). And it can never touch a run another worker claimed after the expiry.
     */
    @Test
    void releaseRunsIgnoresARunWhoseLeaseExpired() {
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x')");
            String run = claimedByW1WithItsLeaseRunOut(c);
            assertThat(one(c, "SELECT " + S + ".complete_run(" + run + ", 'w1', '\\x01')")).isEqualTo("lease_lost");
            assertThat(one(c, "SELECT " + S + ".release_runs(ARRAY[" + run + "]::bigint[], 'w1')"))
                    .as("released a run whose lease had expired").isEqualTo("0");
            assertThat(one(c, "SELECT state FROM " + S + ".runs WHERE run_id = " + run)).isIn("running", "expired");
        }
    }

    /** After another worker claimed the task (old run expired by claim_task), release cannot touch it. */
    @Test
    void releaseRunsCannotTouchARunAnotherWorkerClaimed() {
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            String task = one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x')");
            String run = claimedByW1WithItsLeaseRunOut(c);
            String run2 = one(c, "SELECT run_id FROM " + S + ".claim_task('default', 'w2', 1)");
            assertThat(run2).isNotNull().isNotEqualTo(run);
            assertThat(one(c, "SELECT " + S + ".release_runs(ARRAY[" + run + ", " + run2 + "]::bigint[], 'w1')"))
                    .isEqualTo("0");
            assertThat(one(c, "SELECT state || ':' || worker_id FROM " + S + ".runs WHERE run_id = " + run2))
                    .isEqualTo("running:w2");
            assertThat(one(c, "SELECT state || ':' || current_run_id FROM " + S + ".tasks WHERE task_id = " + task))
                    .isEqualTo("running:" + run2);
        }
    }

    /** Claims the one pending task as w1 and backdates the lease, as if w1 had stalled past it. */
    private static String claimedByW1WithItsLeaseRunOut(PgConnection c) {
        String run = one(c, "SELECT run_id FROM " + S + ".claim_task('default', 'w1', 1)");
        c.simpleQuery("UPDATE " + S + ".runs SET lease_expires_at = now() - interval '1 second' WHERE run_id = " + run);
        return run;
    }
}
