package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A heartbeat that meets a cancel in flight: {@code extend_leases} waits for the cancelling transaction's row lock,
 * and once it commits must answer {@code cancelled}, not {@code lease_lost} (under version 2's function its
 * fallback read the run's state in the statement's older snapshot, still {@code running}, so a worker reported a
 * cancelled run as a lost lease).
 */
@ExtendWith(PostgresExtension.class)
class CancelRaceTest {
    private static final String SCHEMA = "tasks_cancel_race";
    private final TestDatabase db;

    CancelRaceTest(TestDatabase db) {
        this.db = db;
    }

    private static String one(PgConnection c, String sql) {
        return c.simpleQuery(sql).getLast().row(0).getString(0);
    }

    @Test
    void aHeartbeatThatWaitedForACancelAnswersCancelled() throws Exception {
        try (Application app = Application.create(Fixtures.config(db, SCHEMA));
             PgConnection canceller = PgConnection.connect(db.url());
             PgConnection worker = PgConnection.connect(db.url());
             PgConnection observer = PgConnection.connect(db.url())) {
            String taskId = one(canceller, "SELECT task_id FROM " + SCHEMA + ".spawn_task('long', '\\x')");
            String runId = one(worker, "SELECT run_id FROM " + SCHEMA + ".claim_task('default', 'w1', 60)");

            canceller.simpleQuery("BEGIN; SELECT " + SCHEMA + ".cancel_task(" + taskId + ")");
            String workerPid = one(worker, "SELECT pg_backend_pid()");
            CompletableFuture<String> heartbeat = CompletableFuture.supplyAsync(() ->
                    one(worker, "SELECT outcome FROM " + SCHEMA + ".extend_leases(ARRAY[" + runId + "]::bigint[], 'w1')"));
            Fixtures.eventually(java.time.Duration.ofSeconds(10), "the heartbeat waits for the cancel's row lock",
                    () -> "Lock".equals(one(observer, "SELECT coalesce(wait_event_type, '') FROM pg_stat_activity "
                            + "WHERE pid = " + workerPid)));
            canceller.simpleQuery("COMMIT");

            assertThat(heartbeat.get(10, TimeUnit.SECONDS)).isEqualTo("cancelled");
            assertThat(List.of(one(observer, "SELECT state FROM " + SCHEMA + ".runs WHERE run_id = " + runId)))
                    .containsExactly("cancelled");
        }
    }
}
