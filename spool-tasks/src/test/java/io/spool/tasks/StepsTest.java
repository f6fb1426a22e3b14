package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Durable steps fail safely: a value that cannot be written, or written but not read back, fails the run once
 * and stores nothing; a stored value that cannot be read fails with a clear error, and dropping the steps lets a
 * retry run the body again.
 */
@ExtendWith(PostgresExtension.class)
class StepsTest {
    private static final String SCHEMA = "tasks_steps_test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SpawnOptions FIVE_ATTEMPTS = SpawnOptions.defaults().withMaxAttempts(5);
    private final TestDatabase db;
    private Application app;

    StepsTest(TestDatabase db) {
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

    /** Jackson writes it (a getter) but cannot read it back: no creator it can use. */
    static final class NoCreator {
        private final int amount;

        NoCreator(int amount) {
            this.amount = amount;
        }

        public int getAmount() {
            return amount;
        }
    }

    /** Jackson cannot write it: its getter throws. */
    static final class Unwritable {
        public int getAmount() {
            throw new IllegalStateException("no amount today");
        }
    }

    private long storedSteps(long taskId) {
        return app.pool().query("SELECT count(*) FROM " + SCHEMA + ".steps WHERE task_id = $1", taskId).row(0).getLong(0);
    }

    @Test
    void aValueThatCannotBeReadBackFailsTheRunOnceAndIsNotStored() throws Exception {
        AtomicInteger bodies = new AtomicInteger();
        app.createWorker("w").register("charge", (ctx, p) -> {
            ctx.step("charge", NoCreator.class, () -> {
                bodies.incrementAndGet();
                return new NoCreator(42);
            });
            return p;
        }).start();
        long id = app.spawnTask("charge", new byte[0], FIVE_ATTEMPTS).taskId();
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.DEAD);
        assertThat(t.attempt()).as("no retry loop").isEqualTo(1);
        assertThat(t.error()).contains("the value of step 'charge' of task " + id + " cannot be stored")
                .contains("round trip through JSON as " + NoCreator.class.getName()).contains("nothing was stored");
        assertThat(bodies.get()).isEqualTo(1);
        assertThat(storedSteps(id)).isZero();
    }

    @Test
    void aValueThatCannotBeWrittenFailsTheRunOnce() throws Exception {
        AtomicInteger bodies = new AtomicInteger();
        app.createWorker("w").register("charge", (ctx, p) -> {
            ctx.step("charge", Unwritable.class, () -> {
                bodies.incrementAndGet();
                return new Unwritable();
            });
            return p;
        }).start();
        long id = app.spawnTask("charge", new byte[0], FIVE_ATTEMPTS).taskId();
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.DEAD);
        assertThat(t.attempt()).isEqualTo(1);
        assertThat(t.error()).contains("step 'charge'").contains("cannot write a").contains("no amount today");
        assertThat(bodies.get()).isEqualTo(1);
        assertThat(storedSteps(id)).isZero();
    }

    @Test
    void anUnreadableStoredStepFailsClearlyAndResetStepsLetsARetryRunTheBodyAgain() throws Exception {
        long id = app.spawnTask("charge", new byte[0], FIVE_ATTEMPTS).taskId();
        // what an earlier version of the handler stored, which this one cannot read
        app.pool().execute("INSERT INTO " + SCHEMA + ".steps (task_id, name, result, run_id) VALUES ($1, 'charge', "
                + "convert_to('\"forty-two\"', 'UTF8'), 0)", id);
        AtomicInteger bodies = new AtomicInteger();
        app.createWorker("w").register("charge", (ctx, p) -> {
            int charged = ctx.step("charge", Integer.class, () -> {
                bodies.incrementAndGet();
                return 42;
            });
            return Json.encode(charged);
        }).start();
        TaskInfo dead = app.awaitResult(id, WAIT);
        assertThat(dead.state()).isEqualTo(TaskState.DEAD);
        assertThat(dead.attempt()).isEqualTo(1);
        assertThat(dead.error()).contains("the stored value of step 'charge' of task " + id + " cannot be read as "
                + "java.lang.Integer").contains("app.resetSteps(" + id + ")")
                .contains("SELECT " + SCHEMA + ".reset_steps(" + id + ")");
        assertThat(bodies.get()).isZero();

        assertThat(app.resetSteps(id)).isEqualTo(1);
        assertThat(app.resetSteps(id)).isZero();
        app.retry(id);
        TaskInfo done = app.awaitResult(id, WAIT);
        assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(done.resultAs(Integer.class)).isEqualTo(42);
        assertThat(bodies.get()).isEqualTo(1);
        assertThat(app.pool().query("SELECT convert_from(result, 'UTF8') FROM " + SCHEMA + ".steps WHERE task_id = $1",
                id).row(0).getString(0)).isEqualTo("42");
    }

    @Test
    void resetStepsInSqlDropsNamedStepsAndRefusesRunningOrMissingTasks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        app.createWorker("w").register("hold", (ctx, p) -> {
            ctx.step("a", () -> new byte[]{1});
            ctx.step("b", () -> new byte[]{2});
            inside.countDown();
            release.await();
            return p;
        }).start();
        long id = app.spawnTask("hold", new byte[0]).taskId();
        assertThat(inside.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> app.resetSteps(id)).isInstanceOf(TaskException.class)
                .hasMessageContaining("task " + id + " is running");
        release.countDown();
        app.awaitResult(id, WAIT);
        assertThat(app.pool().query("SELECT " + SCHEMA + ".reset_steps($1, ARRAY['b'])", id).row(0).getInteger(0))
                .isEqualTo(1);
        assertThat(app.pool().query("SELECT string_agg(name, ',') FROM " + SCHEMA + ".steps WHERE task_id = $1", id)
                .row(0).getString(0)).isEqualTo("a");
        assertThatThrownBy(() -> app.resetSteps(987654L)).isInstanceOf(TaskException.class)
                .hasMessageContaining("no task 987654");
    }
}
