package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What version 6 adds: pausing a queue (held in the claim function, so a bare SQL claim obeys it as a Java worker
 * does), deleting a finished task, reading its steps, and the {@link TaskMetrics} a worker reports.
 */
@ExtendWith(PostgresExtension.class)
class QueueControlTest {
    private static final String SCHEMA = "tasks_queue_control";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final TestDatabase db;
    private Application app;

    QueueControlTest(TestDatabase db) {
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

    private String state(long taskId) {
        return app.result(taskId).orElseThrow().state().sql();
    }

    @Test
    void aPausedQueueIsNotClaimedBySqlNorByAWorkerUntilResumed() throws Exception {
        long id = app.spawnTask("echo", new byte[]{1}).taskId();
        assertThat(app.pauseQueue("default", "test")).isTrue();
        assertThat(app.pauseQueue("default", "test")).as("already paused").isFalse();
        assertThat(app.pausedQueues()).containsOnlyKeys("default");
        assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".claim_task('default', 'sql', 10)")
                .row(0).getLong(0)).as("a claim in plain SQL gets nothing from a paused queue").isZero();
        AtomicInteger ran = new AtomicInteger();
        app.createWorker("w").register("echo", (ctx, p) -> {
            ran.incrementAndGet();
            return p;
        }).start();
        Thread.sleep(600);   // three polls at least
        assertThat(ran).hasValue(0);
        assertThat(state(id)).isEqualTo("pending");
        assertThat(app.resumeQueue("default")).isTrue();
        assertThat(app.resumeQueue("default")).isFalse();
        assertThat(app.awaitResult(id, WAIT).state()).isEqualTo(TaskState.COMPLETED);
        assertThat(app.pausedQueues()).isEmpty();
    }

    @Test
    void pausingOneQueueLeavesTheOthersRunning() throws Exception {
        app.pauseQueue("slow", null);
        long other = app.spawnTask("echo", new byte[]{2}).taskId();
        long paused = app.spawnTask("echo", new byte[]{3}, SpawnOptions.defaults().withQueue("slow")).taskId();
        app.createWorker("w", WorkerOptions.defaults().withQueue("default", 2).withQueue("slow", 2))
                .register("echo", (ctx, p) -> p).start();
        assertThat(app.awaitResult(other, WAIT).state()).isEqualTo(TaskState.COMPLETED);
        assertThat(state(paused)).isEqualTo("pending");
        assertThatThrownBy(() -> app.pauseQueue("", null)).isInstanceOf(TaskException.class)
                .hasMessageContaining("needs a queue name");
    }

    @Test
    void deletesOnlyFinishedTasksWithTheirRunsAndSteps() throws Exception {
        app.createWorker("w").register("stepped", (ctx, p) -> {
            ctx.step("first", () -> "one".getBytes(StandardCharsets.UTF_8));
            return p;
        }).start();
        long id = app.spawnTask("stepped", new byte[]{4}).taskId();
        app.awaitResult(id, WAIT);
        List<StepInfo> steps = app.steps(id);
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("first");
            assertThat(new String(s.result(), StandardCharsets.UTF_8)).isEqualTo("one");
            assertThat(s.createdAt()).isNotNull();
        });
        long pending = app.spawnTask("nobody-runs-this", new byte[0]).taskId();
        assertThatThrownBy(() -> app.deleteTask(pending)).isInstanceOf(TaskException.class)
                .hasMessageContaining("only completed, dead or cancelled");
        assertThat(app.deleteTask(id)).isTrue();
        assertThat(app.result(id)).isEmpty();
        assertThat(app.runs(id)).isEmpty();
        assertThat(app.steps(id)).isEmpty();
        assertThatThrownBy(() -> app.deleteTask(id)).isInstanceOf(TaskException.class).hasMessageContaining("no task");
    }

    @Test
    void theWorkerReportsClaimsAndEndsWithPickupAndRunTimes() throws Exception {
        Map<String, AtomicInteger> events = new ConcurrentHashMap<>();
        List<Long> waits = new CopyOnWriteArrayList<>();
        List<Long> runTimes = new CopyOnWriteArrayList<>();
        TaskMetrics metrics = new TaskMetrics() {
            @Override
            public void claimed(String queue, String taskName, long waitedNanos) {
                events.computeIfAbsent("claimed " + queue + " " + taskName, k -> new AtomicInteger()).incrementAndGet();
                waits.add(waitedNanos);
            }

            @Override
            public void ended(String queue, String taskName, RunEnd end, long handlerNanos) {
                events.computeIfAbsent(end + " " + taskName, k -> new AtomicInteger()).incrementAndGet();
                if (end == RunEnd.COMPLETED) {
                    runTimes.add(handlerNanos);
                }
            }
        };
        long slow = app.spawnTask("sleepy", new byte[0]).taskId();
        long failing = app.spawnTask("flaky", new byte[0], SpawnOptions.defaults().withMaxAttempts(2)).taskId();
        Thread.sleep(150);   // both wait at least this long before a worker exists
        app.createWorker("w").metrics(metrics)
                .register("sleepy", (ctx, p) -> {
                    Thread.sleep(100);
                    return p;
                })
                .register("flaky", (ctx, p) -> {
                    throw new IllegalStateException("always");
                }).start();
        app.awaitResult(slow, WAIT);
        app.awaitResult(failing, WAIT);
        Fixtures.eventually(WAIT, "both ends reported", () -> events.containsKey("DEAD flaky"));
        assertThat(events.get("claimed default sleepy")).hasValue(1);
        assertThat(events.get("claimed default flaky")).hasValue(2);
        assertThat(events.get("COMPLETED sleepy")).hasValue(1);
        assertThat(events.get("RETRYING flaky")).hasValue(1);
        assertThat(events.get("DEAD flaky")).hasValue(1);
        assertThat(waits).anyMatch(w -> w >= 150_000_000L);
        assertThat(runTimes).singleElement().satisfies(n -> assertThat(n).isGreaterThanOrEqualTo(100_000_000L));
    }

    @Test
    void aRunCancelledWhileItRunsIsReportedAsCancelled() throws Exception {
        List<String> ends = new CopyOnWriteArrayList<>();
        TaskMetrics metrics = new TaskMetrics() {
            @Override
            public void ended(String queue, String taskName, RunEnd end, long handlerNanos) {
                ends.add(end + " " + taskName);
            }
        };
        CountDownLatch started = new CountDownLatch(1);
        app.createWorker("w").metrics(metrics).register("long", (ctx, p) -> {
            started.countDown();
            while (true) {
                ctx.heartbeat();   // throws LeaseLostException once the task is cancelled
                Thread.sleep(20);
            }
        }).start();
        long id = app.spawnTask("long", new byte[0]).taskId();
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(app.cancel(id)).isTrue();
        Fixtures.eventually(WAIT, "the cancelled run reported", () -> !ends.isEmpty());
        assertThat(ends).containsExactly("CANCELLED long");
    }
}
