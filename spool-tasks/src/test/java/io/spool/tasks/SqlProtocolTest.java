package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.Notification;
import io.spool.pg.PgConnection;
import io.spool.pg.PgException;
import io.spool.pg.RowSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The protocol is SQL: the README's psql session, statement by statement, through the simple query protocol
 * (text results, as psql sees them), and a producer in SQL served by a Java worker.
 */
@ExtendWith(PostgresExtension.class)
class SqlProtocolTest {
    private static final String SCHEMA = "spool_tasks";  // the default schema, as in the README
    private final TestDatabase db;

    SqlProtocolTest(TestDatabase db) {
        this.db = db;
    }

    private static String one(PgConnection c, String sql) {
        List<RowSet> results = c.simpleQuery(sql);
        return results.get(results.size() - 1).row(0).getString(0);
    }

    @Test
    void theReadmePsqlSessionWorks() {
        try (Application app = Application.create(Fixtures.config(db, SCHEMA));
             PgConnection psql = PgConnection.connect(db.url());
             PgConnection listener = PgConnection.connect(db.url())) {
            listener.execute("LISTEN spool_tasks_spawn; LISTEN spool_tasks_done");

            // producer
            RowSet spawned = psql.simpleQuery("SELECT * FROM spool_tasks.spawn_task('send-email', "
                    + "convert_to('{\"to\": \"ada@example.com\"}', 'UTF8'), p_queue => 'emails', p_max_attempts => 3)").get(0);
            assertThat(spawned.columns()).extracting(col -> col.name()).containsExactly("task_id", "run_id", "attempt", "created");
            String taskId = spawned.row(0).getString(0);
            Notification n = listener.waitForNotification(Duration.ofSeconds(5));
            assertThat(n).isNotNull();
            assertThat(n.channel()).isEqualTo("spool_tasks_spawn");
            assertThat(n.payload()).isEqualTo("emails");

            // worker: claim, heartbeat, complete
            RowSet claimed = psql.simpleQuery("SELECT run_id, task_id, name, convert_from(params, 'UTF8') AS params, "
                    + "lease_expires_at FROM spool_tasks.claim_task('emails', 'psql-worker', 10, ARRAY['send-email'])").get(0);
            assertThat(claimed).hasSize(1);
            String runId = claimed.row(0).getString("run_id");
            assertThat(claimed.row(0).getString("params")).isEqualTo("{\"to\": \"ada@example.com\"}");
            assertThat(one(psql, "SELECT outcome FROM spool_tasks.extend_lease(" + runId + ", 'psql-worker')"))
                    .isEqualTo("extended");
            assertThat(one(psql, "SELECT spool_tasks.watch_task(" + taskId + ")")).isEqualTo("running");
            assertThat(one(psql, "SELECT spool_tasks.complete_run(" + runId + ", 'psql-worker', "
                    + "convert_to('{\"sent\": true}', 'UTF8'))")).isEqualTo("completed");
            Notification done = listener.waitForNotification(Duration.ofSeconds(5));
            assertThat(done.channel()).isEqualTo("spool_tasks_done");
            assertThat(done.payload()).isEqualTo(taskId);
            assertThat(one(psql, "SELECT state || ' ' || convert_from(result, 'UTF8') FROM spool_tasks.tasks "
                    + "WHERE task_id = " + taskId)).isEqualTo("completed {\"sent\": true}");
            // a second completion of the same run is refused
            assertThat(one(psql, "SELECT spool_tasks.complete_run(" + runId + ", 'psql-worker', '\\x')"))
                    .isEqualTo("lease_lost");

            // a failure is retried with the task's backoff, then cancelled
            String second = psql.simpleQuery("SELECT task_id, run_id FROM spool_tasks.spawn_task('resize', '\\x01', "
                    + "p_backoff_base => '1 hour', p_backoff_max => '1 hour', p_backoff_jitter => 0)").get(0).row(0).getString(1);
            String run2 = one(psql, "SELECT run_id FROM spool_tasks.claim_task('default', 'psql-worker')");
            assertThat(run2).isEqualTo(second);
            RowSet failed = psql.simpleQuery("SELECT outcome, retry_at - now() AS backoff FROM spool_tasks.fail_run("
                    + run2 + ", 'psql-worker', 'image service timed out')").get(0);
            assertThat(failed.row(0).getString(0)).isEqualTo("retrying");
            assertThat(failed.row(0).getString(1)).isEqualTo("01:00:00");
            String task2 = one(psql, "SELECT task_id FROM spool_tasks.runs WHERE run_id = " + run2);
            assertThat(one(psql, "SELECT spool_tasks.cancel_task(" + task2 + ")")).isEqualTo("t");
            assertThat(one(psql, "SELECT state FROM spool_tasks.tasks WHERE task_id = " + task2)).isEqualTo("cancelled");
            assertThat(one(psql, "SELECT task_id || '/' || attempt FROM spool_tasks.retry_task(" + task2 + ")"))
                    .isEqualTo(task2 + "/3");

            // the Java API sees what psql did
            TaskInfo email = app.result(Long.parseLong(taskId)).orElseThrow();
            assertThat(email.state()).isEqualTo(TaskState.COMPLETED);
            assertThat(email.maxAttempts()).isEqualTo(3);

            // dashboards
            assertThat(one(psql, "SELECT string_agg(queue || ':' || state || '=' || n, ' ' ORDER BY queue) FROM "
                    + "(SELECT queue, state, count(*) AS n FROM spool_tasks.tasks GROUP BY 1, 2) c"))
                    .isEqualTo("default:pending=1 emails:completed=1");
        }
    }

    @Test
    void badCallsGetClearErrors() {
        try (Application app = Application.create(Fixtures.config(db, SCHEMA));
             PgConnection psql = PgConnection.connect(db.url())) {
            PgException noWorker = catchThrowableOfType(PgException.class,
                    () -> psql.simpleQuery("SELECT * FROM spool_tasks.claim_task('default', '')"));
            assertThat(noWorker.sqlState()).isEqualTo("22023");
            assertThat(noWorker.serverMessage()).isEqualTo("claim_task needs a worker id");
            PgException noName = catchThrowableOfType(PgException.class,
                    () -> psql.simpleQuery("SELECT * FROM spool_tasks.spawn_task('')"));
            assertThat(noName.serverMessage()).isEqualTo("name of task 1 of the batch (\"\") is blank");
            PgException retryMissing = catchThrowableOfType(PgException.class,
                    () -> psql.simpleQuery("SELECT * FROM spool_tasks.retry_task(123456)"));
            assertThat(retryMissing.sqlState()).isEqualTo("P0002");
            assertThat(app.counts().total()).isZero();
        }
    }

    @Test
    void aTaskSpawnedInSqlIsRunByAJavaWorker() throws Exception {
        try (Application app = Application.create(Fixtures.config(db, SCHEMA));
             PgConnection psql = PgConnection.connect(db.url())) {
            app.createWorker("java").register("shout", (ctx, p) ->
                    new String(p, StandardCharsets.UTF_8).toUpperCase().getBytes(StandardCharsets.UTF_8)).start();
            long id = Long.parseLong(one(psql, "SELECT task_id FROM spool_tasks.spawn_task('shout', convert_to('hey', 'UTF8'))"));
            TaskInfo t = app.awaitResult(id, Duration.ofSeconds(20));
            assertThat(new String(t.result(), StandardCharsets.UTF_8)).isEqualTo("HEY");
        }
    }
}
