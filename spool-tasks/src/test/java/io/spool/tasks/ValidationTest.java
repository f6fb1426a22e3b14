package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A spawn is refused alike from Java and from SQL: each bound is tried on both sides, just past it (refused,
 * naming the field) and at it (accepted).
 */
@ExtendWith(PostgresExtension.class)
class ValidationTest {
    private static final String SCHEMA = "tasks_validation";
    private final TestDatabase db;

    ValidationTest(TestDatabase db) {
        this.db = db;
    }

    /** The SQL call is refused with {@code state}, and its message names {@code field}. */
    private static void sqlRefuses(Application app, String state, String field, String call, Object... args) {
        PgException e = catchThrowableOfType(PgException.class,
                () -> app.pool().query("SELECT * FROM " + SCHEMA + "." + call, args));
        assertThat(e).as(call).isNotNull();
        assertThat(e.sqlState()).as(call).isEqualTo(state);
        assertThat(e.serverMessage()).as(call).startsWith(field + " of task 1 of the batch");
    }

    private static void sqlAccepts(Application app, String call, Object... args) {
        assertThat(app.pool().query("SELECT * FROM " + SCHEMA + "." + call, args).row(0).getBoolean("created")).isTrue();
    }

    private static void javaRefuses(String field, Supplier<Object> spawn) {
        assertThatThrownBy(spawn::get).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(field);
    }

    @Test
    void javaAndSqlRefuseAndAcceptTheSameTasks() {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            SpawnOptions o = SpawnOptions.defaults();
            // a negative delay (it queued a task in the past, ahead of everything)
            javaRefuses("delay", () -> app.spawnTask("t", new byte[0], o.withDelay(Duration.ofHours(-1))));
            sqlRefuses(app, "22023", "delay", "spawn_task('t', '\\x', p_delay => '-1 hour')");
            sqlAccepts(app, "spawn_task('t', '\\x', p_delay => '0')");
            javaRefuses("give a run-at time or a delay", () -> new SpawnOptions(null, null, Instant.now(),
                    Duration.ZERO, null, null, null, null, null));
            sqlRefuses(app, "22023", "delay", "spawn_task('t', '\\x', p_run_at => now(), p_delay => '1 second')");
            // leases: 100 ms .. 365 days
            javaRefuses("lease", () -> o.withLease(Duration.ofNanos(1000)));
            sqlRefuses(app, "22023", "lease", "spawn_task('t', '\\x', p_lease => '1 microsecond')");
            javaRefuses("lease", () -> o.withLease(Duration.ofDays(365).plusSeconds(1)));
            sqlRefuses(app, "22023", "lease", "spawn_task('t', '\\x', p_lease => '365 days 1 second')");
            assertThat(app.spawnTask("t", new byte[0], o.withLease(Duration.ofMillis(100))).created()).isTrue();
            assertThat(app.spawnTask("t", new byte[0], o.withLease(Duration.ofDays(365))).created()).isTrue();
            sqlAccepts(app, "spawn_task('t', '\\x', p_lease => '100 milliseconds')");
            sqlAccepts(app, "spawn_task('t', '\\x', p_lease => '365 days')");
            // priorities: -32768 .. 32767
            javaRefuses("priority", () -> o.withPriority(32768));
            sqlRefuses(app, "22023", "priority", "spawn_task('t', '\\x', p_priority => 32768)");
            javaRefuses("priority", () -> o.withPriority(-32769));
            sqlRefuses(app, "22023", "priority", "spawn_task('t', '\\x', p_priority => -32769)");
            assertThat(app.spawnTask("t", new byte[0], o.withPriority(-32768)).created()).isTrue();
            sqlAccepts(app, "spawn_task('t', '\\x', p_priority => 32767)");
            // attempts
            javaRefuses("maxAttempts", () -> o.withMaxAttempts(0));
            sqlRefuses(app, "22023", "max attempts", "spawn_task('t', '\\x', p_max_attempts => 0)");
            // sizes of indexed text, named (it was "index row requires 10032 bytes")
            String key = "k".repeat(10_000);
            javaRefuses("idempotency key is 10000 bytes", () -> o.withIdempotencyKey(key));
            sqlRefuses(app, "54000", "idempotency key", "spawn_task('t', '\\x', p_idempotency_key => $1)", key);
            assertThat(app.spawnTask("t", new byte[0], o.withIdempotencyKey("é".repeat(512))).created()).isTrue();
            sqlAccepts(app, "spawn_task('t', '\\x', p_idempotency_key => $1)", "k".repeat(1024));
            String longName = "n".repeat(256);
            javaRefuses("task name is 256 bytes", () -> app.spawnTask(longName, new byte[0]));
            sqlRefuses(app, "54000", "name", "spawn_task($1, '\\x')", longName);
            javaRefuses("queue is 256 bytes", () -> o.withQueue("q".repeat(256)));
            sqlRefuses(app, "54000", "queue", "spawn_task('t', '\\x', p_queue => $1)", "q".repeat(256));
            sqlAccepts(app, "spawn_task($1, '\\x', p_queue => $1)", "é".repeat(127));
            // backoff and headers
            javaRefuses("backoff jitter", () -> new RetryBackoff(Duration.ZERO, Duration.ZERO, 2));
            sqlRefuses(app, "22023", "backoff jitter", "spawn_task('t', '\\x', p_backoff_jitter => 2)");
            javaRefuses("backoff max", () -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0));
            sqlRefuses(app, "22023", "backoff max",
                    "spawn_task('t', '\\x', p_backoff_base => '2 seconds', p_backoff_max => '1 second')");
            sqlRefuses(app, "22023", "headers", "spawn_task('t', '\\x', p_headers => '[1]')");
            // a bad task fails its whole batch, in SQL as in Java
            assertThatThrownBy(() -> app.pool().query("SELECT * FROM " + SCHEMA + ".spawn_tasks(ARRAY['a', 'b'], "
                    + "ARRAY['\\x', '\\x']::bytea[], p_priorities => ARRAY[0, 99999])"))
                    .hasMessageContaining("priority of task 2 of the batch (\"b\") is 99999");
            assertThat(app.counts().total()).as("the ten accepted at a bound").isEqualTo(10);
        }
    }
}
