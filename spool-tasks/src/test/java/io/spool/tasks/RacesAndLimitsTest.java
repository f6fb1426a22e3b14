package io.spool.tasks;

import static io.spool.tasks.Fixtures.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import io.spool.pg.PgException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The queue's protocol at its edges: a cancel racing a retry, backoff at late attempts, failures whose message
 * PostgreSQL cannot store, leases the workers cannot represent, and waiting for a task retention archived.
 */
@ExtendWith(PostgresExtension.class)
class RacesAndLimitsTest {
    private static final String S = "tasks_races_limits";
    private final TestDatabase db;

    RacesAndLimitsTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aCancelWaitingOnARetryCancelsTheRetryToo() throws Exception {
        try (Application app = Fixtures.app(db, S);
             PgConnection a = PgConnection.connect(db.url());
             PgConnection b = PgConnection.connect(db.url())) {
            String task = one(a, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x', p_backoff_base => '0', "
                    + "p_backoff_max => '0')");
            String run = one(a, "SELECT run_id FROM " + S + ".claim_task('default', 'w1', 1)");
            a.simpleQuery("BEGIN");
            assertThat(one(a, "SELECT outcome FROM " + S + ".fail_run(" + run + ", 'w1', 'boom')")).isEqualTo("retrying");
            CompletableFuture<String> cancel = CompletableFuture.supplyAsync(
                    () -> one(b, "SELECT " + S + ".cancel_task(" + task + ")"));
            Thread.sleep(300);
            assertThat(cancel).as("the cancel waits for the failing run's lock").isNotDone();
            a.simpleQuery("COMMIT");   // the retry's new pending run is now current
            assertThat(cancel.get(5, TimeUnit.SECONDS)).isEqualTo("t");
            assertThat(one(a, "SELECT count(*) FROM " + S + ".runs WHERE task_id = " + task
                    + " AND state IN ('pending', 'running')")).isEqualTo("0");
            assertThat(one(a, "SELECT run_id FROM " + S + ".claim_task('default', 'w2', 1)")).isNull();
            assertThat(one(a, "SELECT state FROM " + S + ".tasks WHERE task_id = " + task)).isEqualTo("cancelled");
        }
    }

    @Test
    void backoffAtALateAttemptIsCappedNotOverflowed() {
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            assertThat(one(c, "SELECT " + S + ".retry_delay('1 minute', '1 hour', 0, 39)")).isEqualTo("01:00:00");
            assertThat(one(c, "SELECT " + S + ".retry_delay('1 day', '30 days', 0, 1000)")).isEqualTo("720:00:00");
            assertThat(one(c, "SELECT " + S + ".retry_delay('1 second', '1 hour', 0, 3)")).isEqualTo("00:00:04");
            String task = one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x', p_max_attempts => 50, "
                    + "p_backoff_base => '1 minute', p_backoff_max => '1 hour')");
            c.simpleQuery("UPDATE " + S + ".runs SET attempt = 39 WHERE task_id = " + task);
            c.simpleQuery("UPDATE " + S + ".tasks SET attempt = 39 WHERE task_id = " + task);
            String run = one(c, "SELECT run_id FROM " + S + ".claim_task('default', 'w1', 1)");
            assertThat(one(c, "SELECT outcome FROM " + S + ".fail_run(" + run + ", 'w1', 'boom')")).isEqualTo("retrying");
        }
    }

    @Test
    void aFailureWhoseMessageHoldsANulIsStillRecorded() throws Exception {
        try (Application app = Fixtures.app(db, S)) {
            Worker w = app.createWorker("w1").register("nul", (ctx, p) -> {
                throw new IllegalStateException("bad byte \u0000 in input");
            }).start();
            try {
                long id = app.spawnTask("nul", new byte[0], SpawnOptions.defaults().withMaxAttempts(2)
                        .withLease(Duration.ofSeconds(30))).taskId();
                TaskInfo t = app.awaitResult(id, Duration.ofSeconds(20));   // not the 30 s lease: recorded at once
                assertThat(t.state()).isEqualTo(TaskState.DEAD);
                assertThat(t.error()).contains("bad byte \uFFFD in input");
            } finally {
                w.stop(Duration.ofSeconds(2));
            }
        }
    }

    @Test
    void aLeaseOfMonthsIsRefusedWhenTheTaskIsSpawned() {
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            assertThatThrownBy(() -> c.simpleQuery("SELECT " + S + ".spawn_task('t', '\\x', p_lease => '1 mon')"))
                    .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("23514"));
            assertThat(one(c, "SELECT count(*) FROM " + S + ".tasks")).isEqualTo("0");
            assertThat(one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x', p_lease => '40 days')"))
                    .isNotNull();   // days are exact: fine
        }
    }

    @Test
    void awaitingATaskThatRetentionArchivedReturnsIt() throws Exception {
        try (Application app = Fixtures.app(db, S); PgConnection c = PgConnection.connect(db.url())) {
            String task = one(c, "SELECT task_id FROM " + S + ".spawn_task('t', '\\x')");
            String run = one(c, "SELECT run_id FROM " + S + ".claim_task('default', 'w1', 1)");
            one(c, "SELECT " + S + ".complete_run(" + run + ", 'w1', '\\x01')");
            one(c, "SELECT " + S + ".cleanup(now() + interval '1 day', now() + interval '1 day', true)");
            assertThat(one(c, "SELECT count(*) FROM " + S + ".tasks")).isEqualTo("0");
            TaskInfo t = app.awaitResult(Long.parseLong(task), Duration.ofSeconds(2));
            assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
            assertThat(t.result()).containsExactly(1);
        }
    }
}
