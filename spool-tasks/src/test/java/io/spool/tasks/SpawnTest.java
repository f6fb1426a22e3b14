package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgException;
import io.spool.pg.RowSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Spawning: what is stored, idempotency keys, batches, transactions, timing, priorities, and bad input. */
@ExtendWith(PostgresExtension.class)
class SpawnTest {
    private static final String SCHEMA = "tasks_spawn_test";
    private final TestDatabase db;
    private Application app;

    SpawnTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        app = Fixtures.app(db, SCHEMA);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    /** Claims up to {@code n} runs of {@code queue} through SQL, as a worker in another language would. */
    private RowSet claim(String queue, int n) {
        return app.pool().query("SELECT * FROM " + SCHEMA + ".claim_task($1, 'sql-worker', $2)", queue, n);
    }

    @Test
    void spawnStoresTheTaskWithItsOptionsAndAPendingFirstRun() {
        SpawnResult r = app.spawnTask("send-email", "hi".getBytes(StandardCharsets.UTF_8), SpawnOptions.defaults()
                .withQueue("emails").withPriority(3).withMaxAttempts(7).withLease(Duration.ofSeconds(9))
                .withHeader("trace", "abc"));
        assertThat(r.created()).isTrue();
        assertThat(r.attempt()).isEqualTo(1);
        TaskInfo t = app.result(r.taskId()).orElseThrow();
        assertThat(t.name()).isEqualTo("send-email");
        assertThat(t.queue()).isEqualTo("emails");
        assertThat(t.priority()).isEqualTo(3);
        assertThat(t.maxAttempts()).isEqualTo(7);
        assertThat(t.state()).isEqualTo(TaskState.PENDING);
        assertThat(t.currentRunId()).isEqualTo(r.runId());
        assertThat(new String(t.params(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(t.headers()).isEqualTo(Map.of("trace", "abc"));
        assertThat(app.runs(r.taskId())).singleElement().satisfies(run -> {
            assertThat(run.runId()).isEqualTo(r.runId());
            assertThat(run.state()).isEqualTo("pending");
        });
        RowSet claimed = claim("emails", 1);
        assertThat(claimed).hasSize(1);
        assertThat(claimed.row(0).getLong("task_id")).isEqualTo(r.taskId());
        assertThat(claimed.row(0).get("lease", Duration.class)).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void aSecondSpawnWithTheSameIdempotencyKeyReturnsTheFirstTask() {
        SpawnOptions keyed = SpawnOptions.defaults().withIdempotencyKey("order-42");
        SpawnResult first = app.spawnTask("charge", new byte[]{1}, keyed);
        SpawnResult second = app.spawnTask("charge", new byte[]{2}, keyed);
        assertThat(second.created()).isFalse();
        assertThat(second.taskId()).isEqualTo(first.taskId());
        assertThat(second.runId()).isEqualTo(first.runId());
        assertThat(app.counts().count(TaskState.PENDING)).isEqualTo(1);
        assertThat(app.result(first.taskId()).orElseThrow().params()).containsExactly(1);  // the first one's params
    }

    @Test
    void batchSpawnKeepsInputOrderAndResolvesDuplicateKeysWithinTheBatch() {
        List<TaskSpec> specs = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            specs.add(TaskSpec.of("t" + i, new byte[]{(byte) i}));
        }
        specs.add(TaskSpec.of("dup", new byte[0], SpawnOptions.defaults().withIdempotencyKey("k")));
        specs.add(TaskSpec.of("dup", new byte[0], SpawnOptions.defaults().withIdempotencyKey("k")));
        List<SpawnResult> results = app.spawnTasks(specs);
        assertThat(results).hasSize(52);
        for (int i = 0; i < 50; i++) {
            assertThat(app.result(results.get(i).taskId()).orElseThrow().name()).isEqualTo("t" + i);
        }
        assertThat(results.get(50).created()).isTrue();
        assertThat(results.get(51).created()).isFalse();
        assertThat(results.get(51).taskId()).isEqualTo(results.get(50).taskId());
        assertThat(app.counts().total()).isEqualTo(51);
    }

    @Test
    void oversizedParamsAreRejectedWithAClearErrorAndNothingIsStored() {
        byte[] big = new byte[app.maxParamsBytes() + 1];
        TaskException e = catchThrowableOfType(TaskException.class, () -> app.spawnTask("big", big));
        assertThat(e.sqlState()).isEqualTo("54000");
        assertThat(e.getMessage()).contains("params of task \"big\"").contains((big.length) + " bytes")
                .contains("limit of " + app.maxParamsBytes());
        assertThat(app.counts().total()).isZero();
        // the schema enforces the same limit for producers that use SQL directly
        PgException sqlError = catchThrowableOfType(PgException.class, () -> app.pool().query(
                "SELECT * FROM " + SCHEMA + ".spawn_task('big', $1)", (Object) big));
        assertThat(sqlError.sqlState()).isEqualTo("54000");
        assertThat(sqlError.serverMessage()).contains("more than the limit");
        assertThat(app.counts().total()).isZero();
        // one bad task fails the whole batch
        assertThatThrownBy(() -> app.spawnTasks(List.of(TaskSpec.of("ok", new byte[1]), TaskSpec.of("big", big))))
                .isInstanceOf(TaskException.class);
        assertThat(app.counts().total()).isZero();
    }

    @Test
    void theParamsLimitIsASettingOfTheSchema() {
        try (Application small = Application.create(app.config().withMaxParamsBytes(10))) {
            assertThat(small.maxParamsBytes()).isEqualTo(10);
            assertThatThrownBy(() -> small.spawnTask("x", new byte[11])).isInstanceOf(TaskException.class)
                    .hasMessageContaining("limit of 10 bytes");
            assertThat(small.spawnTask("x", new byte[10]).created()).isTrue();
        }
    }

    @Test
    void blankNamesAndContradictoryOptionsAreRejected() {
        assertThatThrownBy(() -> app.spawnTask(" ", new byte[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blank name");
        assertThatThrownBy(() -> SpawnOptions.defaults().withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpawnOptions(null, null, Instant.now(), Duration.ofSeconds(1), null, null, null,
                null, null)).hasMessageContaining("not both");
        assertThatThrownBy(() -> SpawnOptions.defaults().withLease(Duration.ofMillis(1)))
                .hasMessageContaining("lease");
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0))
                .hasMessageContaining("max");
        assertThat(app.counts().total()).isZero();
    }

    @Test
    void aSpawnInsideARolledBackTransactionLeavesNoTask() {
        assertThatThrownBy(() -> app.pool().inTransaction(tx -> {
            app.spawnTask(tx, "inside", new byte[0], SpawnOptions.defaults());
            throw new IllegalStateException("business failure");
        })).hasMessage("business failure");
        assertThat(app.counts().total()).isZero();
        long id = app.pool().inTransaction(tx -> app.spawnTask(tx, "inside", new byte[0], SpawnOptions.defaults()).taskId());
        assertThat(app.result(id)).isPresent();
    }

    @Test
    void delayedAndRunAtTasksAreNotClaimableBeforeTheirTime() throws Exception {
        SpawnResult later = app.spawnTask("later", new byte[0], SpawnOptions.defaults().withDelay(Duration.ofMillis(700)));
        SpawnResult future = app.spawnTask("future", new byte[0],
                SpawnOptions.defaults().withRunAt(Instant.now().plusSeconds(3600)));
        assertThat(claim("default", 10)).isEmpty();
        Thread.sleep(800);
        RowSet rows = claim("default", 10);
        assertThat(rows).extracting(r -> r.getLong("task_id")).containsExactly(later.taskId());
        assertThat(app.result(future.taskId()).orElseThrow().state()).isEqualTo(TaskState.PENDING);
    }

    @Test
    void lowerPriorityNumbersAreClaimedFirstThenOldestFirst() {
        long low = app.spawnTask("low", new byte[0], SpawnOptions.defaults().withPriority(5)).taskId();
        long a = app.spawnTask("a", new byte[0], SpawnOptions.defaults().withPriority(0)).taskId();
        long urgent = app.spawnTask("urgent", new byte[0], SpawnOptions.defaults().withPriority(-1)).taskId();
        long b = app.spawnTask("b", new byte[0], SpawnOptions.defaults().withPriority(0)).taskId();
        List<Long> order = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            order.add(claim("default", 1).row(0).getLong("task_id"));
        }
        assertThat(order).containsExactly(urgent, a, b, low);
        // a batch takes the most urgent ones too
        long c = app.spawnTask("c", new byte[0], SpawnOptions.defaults().withPriority(9)).taskId();
        long d = app.spawnTask("d", new byte[0], SpawnOptions.defaults().withPriority(-9)).taskId();
        assertThat(claim("default", 1)).extracting(r -> r.getLong("task_id")).containsExactly(d);
        assertThat(claim("default", 5)).extracting(r -> r.getLong("task_id")).containsExactly(c);
    }
}
