package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Workers against the real server: running, failing, retrying, leases, cancellation, stop, results. */
@ExtendWith(PostgresExtension.class)
class WorkerTest {
    private static final String SCHEMA = "tasks_worker_test";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final TestDatabase db;
    private Application app;

    WorkerTest(TestDatabase db) {
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

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    record Greeting(String name, int times) {}

    record Greeted(String text) {}

    @Test
    void runsTasksAndStoresTheirResults() throws Exception {
        Worker w = app.createWorker("w1").register("upper", (ctx, p) -> new String(p, StandardCharsets.UTF_8)
                .toUpperCase().getBytes(StandardCharsets.UTF_8)).start();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(app.spawnTask("upper", utf8("task " + i)).taskId());
        }
        for (int i = 0; i < 20; i++) {
            TaskInfo t = app.awaitResult(ids.get(i), WAIT);
            assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
            assertThat(new String(t.result(), StandardCharsets.UTF_8)).isEqualTo("TASK " + i);
            assertThat(t.finishedAt()).isNotNull();
            assertThat(app.runs(t.taskId())).singleElement().satisfies(r -> {
                assertThat(r.state()).isEqualTo("completed");
                assertThat(r.workerId()).isEqualTo("w1");
            });
        }
        assertThat(app.counts().count("default", TaskState.COMPLETED)).isEqualTo(20);
        w.close();
    }

    @Test
    void jsonHandlersReadParamsAndWriteResultsAsJson() throws Exception {
        app.createWorker("w1").registerJson("greet", Greeting.class,
                (ctx, g) -> new Greeted(("hello " + g.name() + " ").repeat(g.times()).strip())).start();
        long id = app.spawnTaskJson("greet", new Greeting("ada", 2), SpawnOptions.defaults()).taskId();
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.resultAs(Greeted.class)).isEqualTo(new Greeted("hello ada hello ada"));
        assertThat(t.paramsAs(Greeting.class)).isEqualTo(new Greeting("ada", 2));
    }

    @Test
    void anUnknownTaskNameIsNotClaimedAndShowsAsUnclaimed() throws Exception {
        app.createWorker("w1").register("known", (ctx, p) -> p).start();
        long id = app.spawnTask("nobody-handles-this", utf8("x")).taskId();
        long known = app.spawnTask("known", utf8("k")).taskId();
        assertThat(app.awaitResult(known, WAIT).state()).isEqualTo(TaskState.COMPLETED);  // claimed after it
        Thread.sleep(300);
        TaskInfo t = app.result(id).orElseThrow();
        assertThat(t.state()).isEqualTo(TaskState.PENDING);  // untouched: no attempt used, no error
        assertThat(t.attempt()).isEqualTo(1);
        assertThat(t.error()).isNull();
        assertThat(app.runs(id)).singleElement().satisfies(r -> assertThat(r.state()).isEqualTo("pending"));
        assertThat(app.unclaimed()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("nobody-handles-this");
            assertThat(u.queue()).isEqualTo("default");
            assertThat(u.runs()).isEqualTo(1);
            assertThat(u.oldestWait()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        });
        // a worker that knows the name takes it later
        app.createWorker("w2").register("nobody-handles-this", (ctx, p) -> utf8("late")).start();
        assertThat(app.awaitResult(id, WAIT).result()).isEqualTo(utf8("late"));
        assertThat(app.unclaimed()).isEmpty();
    }

    @Test
    void aThrowingHandlerIsRetriedWithBackoffThenDeadWithTheErrorText() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        app.createWorker("w1").register("flaky", (ctx, p) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("boom on attempt " + ctx.attempt());
        }).start();
        long id = app.spawnTask("flaky", new byte[0], SpawnOptions.defaults().withMaxAttempts(3)
                .withBackoff(RetryBackoff.fixed(Duration.ofMillis(300)))).taskId();
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.DEAD);
        assertThat(t.error()).startsWith("java.lang.IllegalStateException: boom on attempt 3")
                .contains("at io.spool.tasks.WorkerTest");
        assertThat(calls.get()).isEqualTo(3);
        List<RunInfo> runs = app.runs(id);
        assertThat(runs).extracting(RunInfo::state).containsExactly("failed", "failed", "failed");
        assertThat(runs).extracting(RunInfo::attempt).containsExactly(1, 2, 3);
        for (int i = 1; i < runs.size(); i++) {  // each retry waited for the backoff
            assertThat(Duration.between(runs.get(i - 1).finishedAt(), runs.get(i).claimedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
    }

    @Test
    void exponentialBackoffWithJitterGrowsBetweenAttempts() throws Exception {
        app.createWorker("w1").register("fails", (ctx, p) -> {
            throw new RuntimeException("no");
        }).start();
        long id = app.spawnTask("fails", new byte[0], SpawnOptions.defaults().withMaxAttempts(4)
                .withBackoff(new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(10), 0.2))).taskId();
        app.awaitResult(id, WAIT);
        List<RunInfo> runs = app.runs(id);
        List<Duration> delays = new ArrayList<>();
        for (int i = 1; i < runs.size(); i++) {
            delays.add(Duration.between(runs.get(i - 1).finishedAt(), runs.get(i).availableAt()));
        }
        // 100 ms, 200 ms, 400 ms, each minus up to 20 %
        assertThat(delays.get(0)).isBetween(Duration.ofMillis(79), Duration.ofMillis(101));
        assertThat(delays.get(1)).isBetween(Duration.ofMillis(159), Duration.ofMillis(201));
        assertThat(delays.get(2)).isBetween(Duration.ofMillis(319), Duration.ofMillis(401));
    }

    @Test
    void aPermanentFailureKillsTheTaskAtOnce() throws Exception {
        app.createWorker("w1").register("validate", (ctx, p) -> {
            throw new PermanentFailureException("params are not an order");
        }).start();
        long id = app.spawnTask("validate", new byte[0], SpawnOptions.defaults().withMaxAttempts(10)).taskId();
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.DEAD);
        assertThat(t.error()).contains("params are not an order");
        assertThat(app.runs(id)).hasSize(1);
    }

    @Test
    void concurrencyPerQueueIsRespected() throws Exception {
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peakA = new AtomicInteger();
        AtomicInteger nowB = new AtomicInteger();
        AtomicInteger peakB = new AtomicInteger();
        Worker w = app.createWorker("w1", WorkerOptions.defaults().withQueue("a", 3).withQueue("b", 1))
                .register("a", (ctx, p) -> {
                    peakA.accumulateAndGet(now.incrementAndGet(), Math::max);
                    Thread.sleep(50);
                    now.decrementAndGet();
                    return null;
                })
                .register("b", (ctx, p) -> {
                    peakB.accumulateAndGet(nowB.incrementAndGet(), Math::max);
                    Thread.sleep(50);
                    nowB.decrementAndGet();
                    return null;
                }).start();
        List<TaskSpec> specs = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            specs.add(TaskSpec.of("a", null, SpawnOptions.defaults().withQueue("a")));
            specs.add(TaskSpec.of("b", null, SpawnOptions.defaults().withQueue("b")));
        }
        List<SpawnResult> spawned = app.spawnTasks(specs);
        for (SpawnResult r : spawned) {
            assertThat(app.awaitResult(r.taskId(), WAIT).state()).isEqualTo(TaskState.COMPLETED);
        }
        assertThat(peakA.get()).isEqualTo(3);
        assertThat(peakB.get()).isEqualTo(1);
        w.close();
    }

    @Test
    void heartbeatsKeepALongTasksLeaseAlive() throws Exception {
        app.createWorker("w1").register("slow", (ctx, p) -> {
            Thread.sleep(1500);
            return utf8("done");
        }).start();
        long id = app.spawnTask("slow", new byte[0], SpawnOptions.defaults().withLease(Duration.ofMillis(400))).taskId();
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(app.runs(id)).hasSize(1);  // never expired, though it ran almost four leases long
    }

    @Test
    void aRunWhoseLeaseWasLostCannotCompleteAndTheTaskRunsAgain() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> heartbeatError = new AtomicReference<>();
        AtomicInteger runs = new AtomicInteger();
        app.createWorker("w1").register("job", (ctx, p) -> {
            if (runs.incrementAndGet() == 1) {
                firstStarted.countDown();
                release.await();
                try {
                    ctx.heartbeat();
                } catch (LeaseLostException e) {
                    heartbeatError.set(e);
                }
                return utf8("stale");
            }
            return utf8("fresh");
        }).start();
        long id = app.spawnTask("job", new byte[0], SpawnOptions.defaults().withLease(Duration.ofSeconds(30))).taskId();
        assertThat(firstStarted.await(20, TimeUnit.SECONDS)).isTrue();
        long firstRun = app.result(id).orElseThrow().currentRunId();
        // the worker "stalls": its lease runs out and the run is reclaimed, as after a long GC pause
        app.pool().execute("UPDATE " + SCHEMA + ".runs SET lease_expires_at = now() - interval '1 second' "
                + "WHERE run_id = $1", firstRun);
        Fixtures.eventually(WAIT, "the task to run again", () -> runs.get() == 2);
        TaskInfo t = app.awaitResult(id, WAIT);
        release.countDown();
        assertThat(new String(t.result(), StandardCharsets.UTF_8)).isEqualTo("fresh");
        Fixtures.eventually(WAIT, "the stale heartbeat", () -> heartbeatError.get() != null);
        assertThat(heartbeatError.get()).hasMessageContaining("lease lost");
        Thread.sleep(300);
        assertThat(new String(app.result(id).orElseThrow().result(), StandardCharsets.UTF_8)).isEqualTo("fresh");
        assertThat(app.runs(id)).extracting(RunInfo::state).containsExactly("expired", "completed");
        assertThat(app.runs(id).get(0).error()).contains("lease lost");
    }

    @Test
    void aStaleWorkerCompletingThroughSqlGetsLeaseLost() throws Exception {
        long id = app.spawnTask("job", new byte[0], SpawnOptions.defaults().withLease(Duration.ofMillis(200))).taskId();
        String s = SCHEMA;
        long run = app.pool().query("SELECT run_id FROM " + s + ".claim_task('default', 'ghost', 1)").row(0).getLong(0);
        Thread.sleep(300);
        assertThat(app.pool().query("SELECT " + s + ".complete_run($1, 'ghost', '\\x01')", run).row(0).getString(0))
                .isEqualTo("lease_lost");
        assertThat(app.pool().query("SELECT outcome FROM " + s + ".fail_run($1, 'ghost', 'x')", run).row(0).getString(0))
                .isEqualTo("lease_lost");
        // a worker that never held it gets the same answer
        long run2 = app.pool().query("SELECT run_id FROM " + s + ".claim_task('default', 'w2', 1)").row(0).getLong(0);
        assertThat(app.pool().query("SELECT " + s + ".complete_run($1, 'ghost', '\\x01')", run2).row(0).getString(0))
                .isEqualTo("lease_lost");
        assertThat(app.pool().query("SELECT " + s + ".complete_run($1, 'w2', '\\x02')", run2).row(0).getString(0))
                .isEqualTo("completed");
        assertThat(app.result(id).orElseThrow().result()).containsExactly(2);
    }

    @Test
    void cancellingARunningTaskTellsTheHandlerAndDropsItsResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Boolean> sawCancel = new AtomicReference<>(false);
        app.createWorker("w1").register("long", (ctx, p) -> {
            started.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ctx.isCancelled() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            sawCancel.set(ctx.isCancelled());
            return utf8("should not be stored");
        }).start();
        long id = app.spawnTask("long", new byte[0]).taskId();
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(app.cancel(id)).isTrue();
        assertThat(app.cancel(id)).isFalse();  // already cancelled
        Fixtures.eventually(Duration.ofSeconds(5), "the handler to see the cancel", sawCancel::get);
        Thread.sleep(200);
        TaskInfo t = app.result(id).orElseThrow();
        assertThat(t.state()).isEqualTo(TaskState.CANCELLED);
        assertThat(t.result()).isNull();
        assertThat(app.runs(id)).extracting(RunInfo::state).containsExactly("cancelled");
    }

    @Test
    void aCancelledPendingTaskNeverRuns() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        long id = app.spawnTask("job", new byte[0]).taskId();
        assertThat(app.cancel(id)).isTrue();
        app.createWorker("w1").register("job", (ctx, p) -> {
            calls.incrementAndGet();
            return null;
        }).start();
        long other = app.spawnTask("job", new byte[0]).taskId();
        app.awaitResult(other, WAIT);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(app.awaitResult(id, WAIT).state()).isEqualTo(TaskState.CANCELLED);
    }

    @Test
    void retryRunsADeadTaskAgainAndRefusesAPendingOne() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        app.createWorker("w1").register("once-bad", (ctx, p) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("first time fails");
            }
            return utf8("ok");
        }).start();
        long id = app.spawnTask("once-bad", new byte[0], SpawnOptions.defaults().withMaxAttempts(1)).taskId();
        assertThat(app.awaitResult(id, WAIT).state()).isEqualTo(TaskState.DEAD);
        SpawnResult again = app.retry(id);
        assertThat(again.attempt()).isEqualTo(2);
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(t.maxAttempts()).isEqualTo(2);
        assertThat(new String(t.result(), StandardCharsets.UTF_8)).isEqualTo("ok");

        long pending = app.spawnTask("nobody", new byte[0], SpawnOptions.defaults().withDelay(Duration.ofHours(1))).taskId();
        assertThatThrownBy(() -> app.retry(pending)).isInstanceOf(TaskException.class)
                .hasMessageContaining("is pending; only completed, dead or cancelled tasks can be retried");
        assertThatThrownBy(() -> app.retry(987654321L)).isInstanceOf(TaskException.class)
                .hasMessageContaining("no task 987654321");
    }

    @Test
    void durableStepsAreNotRunAgainWhenTheTaskIsRetried() throws Exception {
        ConcurrentHashMap<String, AtomicInteger> executed = new ConcurrentHashMap<>();
        app.createWorker("w1").register("pipeline", (ctx, p) -> {
            String fetched = ctx.step("fetch", String.class, () -> {
                executed.computeIfAbsent("fetch", k -> new AtomicInteger()).incrementAndGet();
                return "data@" + ctx.attempt();
            });
            byte[] charged = ctx.step("charge", () -> {
                executed.computeIfAbsent("charge", k -> new AtomicInteger()).incrementAndGet();
                return utf8("charged " + fetched);
            });
            if (ctx.attempt() < 3) {
                throw new IllegalStateException("crash after the steps, attempt " + ctx.attempt());
            }
            String last = ctx.step("notify", String.class, () -> {
                executed.computeIfAbsent("notify", k -> new AtomicInteger()).incrementAndGet();
                return "sent";
            });
            return utf8(new String(charged, StandardCharsets.UTF_8) + " / " + last + " / attempt " + ctx.attempt());
        }).start();
        long id = app.spawnTask("pipeline", new byte[0]).taskId();
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(new String(t.result(), StandardCharsets.UTF_8)).isEqualTo("charged data@1 / sent / attempt 3");
        assertThat(executed.get("fetch").get()).isEqualTo(1);
        assertThat(executed.get("charge").get()).isEqualTo(1);
        assertThat(executed.get("notify").get()).isEqualTo(1);
        assertThat(app.runs(id)).hasSize(3);
    }

    @Test
    void aStepOfARunThatLostItsLeaseIsNotStored() throws Exception {
        long id = app.spawnTask("job", new byte[0], SpawnOptions.defaults().withLease(Duration.ofMillis(200))).taskId();
        long run = app.pool().query("SELECT run_id FROM " + SCHEMA + ".claim_task('default', 'ghost', 1)").row(0).getLong(0);
        Thread.sleep(300);
        assertThat(app.pool().query("SELECT " + SCHEMA + ".save_step($1, 'ghost', 'fetch', '\\x01')", run).row(0)
                .getString(0)).isEqualTo("lease_lost");
        assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".steps WHERE task_id = $1", id).row(0)
                .getLong(0)).isZero();
    }

    @Test
    void gracefulStopFinishesShortTasksAndReleasesLongOnesToAnotherWorker() throws Exception {
        CountDownLatch longStarted = new CountDownLatch(1);
        Worker first = app.createWorker("first", WorkerOptions.defaults().withQueue("default", 4))
                .register("short", (ctx, p) -> {
                    Thread.sleep(300);
                    return utf8("short by " + ctx.workerId());
                })
                .register("long", (ctx, p) -> {
                    longStarted.countDown();
                    Thread.sleep(60_000);
                    return utf8("long by " + ctx.workerId());
                }).start();
        long shortId = app.spawnTask("short", new byte[0]).taskId();
        long longId = app.spawnTask("long", new byte[0]).taskId();
        assertThat(longStarted.await(20, TimeUnit.SECONDS)).isTrue();
        Fixtures.eventually(WAIT, "both running", () -> first.inFlight() == 2);
        long t0 = System.nanoTime();
        int released = first.stop(Duration.ofSeconds(1));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        assertThat(released).isEqualTo(1);
        assertThat(app.result(shortId).orElseThrow().state()).isEqualTo(TaskState.COMPLETED);
        TaskInfo longTask = app.result(longId).orElseThrow();
        assertThat(longTask.state()).isEqualTo(TaskState.PENDING);
        assertThat(longTask.attempt()).isEqualTo(1);  // released runs do not use up an attempt
        assertThat(app.runs(longId)).extracting(RunInfo::state).containsExactly("released", "pending");

        app.createWorker("second").register("long", (ctx, p) -> utf8("long by " + ctx.workerId())).start();
        TaskInfo done = app.awaitResult(longId, WAIT);
        assertThat(new String(done.result(), StandardCharsets.UTF_8)).isEqualTo("long by second");
    }

    @Test
    void awaitResultTimesOutAndRejectsUnknownTasks() {
        long id = app.spawnTask("nobody-runs-this", new byte[0]).taskId();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> app.awaitResult(id, Duration.ofMillis(300))).isInstanceOf(TimeoutException.class)
                .hasMessageContaining("still pending");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(290), Duration.ofSeconds(3));
        assertThatThrownBy(() -> app.awaitResult(424242L, Duration.ofSeconds(1))).isInstanceOf(TaskException.class)
                .hasMessageContaining("no task 424242");
    }

    @Test
    void notificationsWakeWorkersAndWaitersLongBeforeThePollInterval() throws Exception {
        try (Application slow = Application.create(app.config().withPollInterval(Duration.ofSeconds(30)))) {
            slow.createWorker("w1").register("echo", (ctx, p) -> p).start();
            Thread.sleep(500);  // the worker's first poll is done; from now on only a notification wakes it
            long t0 = System.nanoTime();
            long id = slow.spawnTask("echo", utf8("ping")).taskId();
            TaskInfo t = slow.awaitResult(id, Duration.ofSeconds(10));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void listingAndCountsShowTasksByStateAndQueue() throws Exception {
        app.createWorker("w1", WorkerOptions.defaults().withQueue("fast", 2)).register("ok", (ctx, p) -> p)
                .register("bad", (ctx, p) -> {
                    throw new PermanentFailureException("bad");
                }).start();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(app.spawnTask("ok", new byte[0], SpawnOptions.defaults().withQueue("fast")).taskId());
        }
        ids.add(app.spawnTask("bad", new byte[0], SpawnOptions.defaults().withQueue("fast")).taskId());
        long waiting = app.spawnTask("later", new byte[0], SpawnOptions.defaults().withQueue("slow")).taskId();
        for (long id : ids) {
            app.awaitResult(id, WAIT);
        }
        TaskCounts counts = app.counts();
        assertThat(counts.count("fast", TaskState.COMPLETED)).isEqualTo(3);
        assertThat(counts.count("fast", TaskState.DEAD)).isEqualTo(1);
        assertThat(counts.count("slow", TaskState.PENDING)).isEqualTo(1);
        assertThat(counts.total()).isEqualTo(5);
        assertThat(app.listTasks(TaskFilter.all())).extracting(TaskInfo::taskId)
                .containsExactly(waiting, ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(app.listTasks(TaskFilter.all().withState(TaskState.DEAD))).singleElement()
                .satisfies(t -> assertThat(t.error()).contains("bad"));
        List<TaskInfo> page1 = app.listTasks(TaskFilter.all().withQueue("fast").withLimit(2));
        List<TaskInfo> page2 = app.listTasks(TaskFilter.all().withQueue("fast").withLimit(2)
                .before(page1.get(1).taskId()));
        assertThat(page1).extracting(TaskInfo::taskId).containsExactly(ids.get(3), ids.get(2));
        assertThat(page2).extracting(TaskInfo::taskId).containsExactly(ids.get(1), ids.get(0));
        assertThat(page1.get(0).params()).isNull();
    }

    @Test
    void awaitResultFallsBackToPollingWhenNoNotificationComes() throws Exception {
        long id = app.spawnTask("manual", new byte[0]).taskId();
        AtomicReference<TaskInfo> got = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                got.set(app.awaitResult(id, Duration.ofSeconds(20)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Fixtures.eventually(WAIT, "the waiter to ask for a notification", () -> app.pool()
                .query("SELECT watched FROM " + SCHEMA + ".tasks WHERE task_id = $1", id).row(0).getBoolean(0));
        // no notification will come: only polling (every 200 ms here) can see the task finish
        app.pool().execute("UPDATE " + SCHEMA + ".tasks SET watched = false WHERE task_id = $1", id);
        long run = app.pool().query("SELECT run_id FROM " + SCHEMA + ".claim_task('default', 'sql', 1)").row(0).getLong(0);
        assertThat(app.pool().query("SELECT " + SCHEMA + ".complete_run($1, 'sql', '\\x2a')", run).row(0).getString(0))
                .isEqualTo("completed");
        waiter.join(5000);
        assertThat(got.get()).isNotNull();
        assertThat(got.get().result()).containsExactly(42);
    }

    @Test
    void workersPollForTasksThatBecomeDueWithoutANotification() throws Exception {
        app.createWorker("w1").register("later", (ctx, p) -> utf8("ran")).start();
        long id = app.spawnTask("later", new byte[0], SpawnOptions.defaults().withDelay(Duration.ofMillis(500))).taskId();
        Thread.sleep(300);
        assertThat(app.result(id).orElseThrow().state()).isEqualTo(TaskState.PENDING);
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(Duration.between(t.createdAt(), app.runs(id).get(0).claimedAt()))
                .isBetween(Duration.ofMillis(500), Duration.ofSeconds(3));
    }

    @Test
    void paramsThatAreNotTheExpectedJsonKillTheTaskAtOnce() throws Exception {
        app.createWorker("w1").registerJson("greet", Greeting.class, (ctx, g) -> new Greeted(g.name())).start();
        long id = app.spawnTask("greet", utf8("{not json"), SpawnOptions.defaults().withMaxAttempts(5)).taskId();
        TaskInfo t = app.awaitResult(id, WAIT);
        assertThat(t.state()).isEqualTo(TaskState.DEAD);
        assertThat(t.error()).contains("params of task 'greet' are not JSON of io.spool.tasks.WorkerTest$Greeting");
        assertThat(app.runs(id)).hasSize(1);
    }

    @Test
    void theHandlerSeesItsRunInTheContext() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        app.createWorker("ctx-worker").register("look", (ctx, p) -> {
            seen.set(ctx.taskId() + "/" + ctx.runId() + "/" + ctx.attempt() + "/" + ctx.taskName() + "/" + ctx.queue()
                    + "/" + ctx.workerId() + "/" + ctx.headers() + "/" + ctx.isCancelled());
            ctx.heartbeat(Duration.ofMinutes(5));
            return null;
        }).start();
        SpawnResult r = app.spawnTask("look", new byte[0], SpawnOptions.defaults().withHeader("tenant", "acme"));
        TaskInfo t = app.awaitResult(r.taskId(), WAIT);
        assertThat(t.state()).isEqualTo(TaskState.COMPLETED);
        assertThat(t.result()).isNull();
        assertThat(seen.get()).isEqualTo(r.taskId() + "/" + r.runId() + "/1/look/default/ctx-worker/{tenant=acme}/false");
        RunInfo run = app.runs(r.taskId()).get(0);
        assertThat(Duration.between(run.claimedAt(), run.leaseExpiresAt())).isGreaterThan(Duration.ofMinutes(4));
    }

    // ---------------------------------------------------------------- claim-ahead

    /** A worker running one task at a time that claims {@code ahead} more; handlers block until {@code go}. */
    private Worker blockingWorker(String id, int ahead, List<Long> started, CountDownLatch go) {
        return app.createWorker(id, WorkerOptions.defaults().withQueue("default", 1).withClaimAhead(ahead))
                .register("block", (ctx, p) -> {
                    started.add(ctx.taskId());
                    go.await();
                    return utf8("done");
                }).start();
    }

    @Test
    void runsClaimedAheadWaitLeasedAndStopReleasesThem() throws Exception {
        List<Long> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        Worker w = blockingWorker("ahead", 3, started, go);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(app.spawnTask("block", new byte[0]).taskId());
        }
        Fixtures.eventually(WAIT, "all four claimed", () -> ids.stream()
                .allMatch(id -> app.result(id).orElseThrow().state() == TaskState.RUNNING));
        assertThat(started).hasSize(1);
        assertThat(w.inFlight()).isEqualTo(1);
        for (long id : ids) {  // the waiting ones are leased to this worker like the running one
            RunInfo run = app.runs(id).getLast();
            assertThat(run.state()).isEqualTo("running");
            assertThat(run.workerId()).isEqualTo("ahead");
        }

        assertThat(w.stop(Duration.ofMillis(300))).isEqualTo(4);  // 3 waiting + the one still running
        go.countDown();
        assertThat(started).hasSize(1);
        for (long id : ids) {
            TaskInfo t = app.result(id).orElseThrow();
            assertThat(t.state()).isEqualTo(TaskState.PENDING);
            assertThat(t.attempt()).isEqualTo(1);
            assertThat(app.runs(id)).extracting(RunInfo::state).containsExactly("released", "pending");
        }
    }

    @Test
    void stopHandsBackWaitingRunsBeforeWaitingForRunningOnes() throws Exception {
        List<Long> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        Worker w = blockingWorker("ahead-stop", 1, started, go);
        long running = app.spawnTask("block", new byte[0]).taskId();
        Fixtures.eventually(WAIT, "first started", () -> started.size() == 1);
        long waiting = app.spawnTask("block", new byte[0]).taskId();
        Fixtures.eventually(WAIT, "second claimed ahead",
                () -> app.result(waiting).orElseThrow().state() == TaskState.RUNNING);

        Thread stopper = Thread.ofVirtual().start(() -> w.stop(Duration.ofSeconds(20)));
        // while the stop waits for the running handler, the waiting run is already back in the queue
        Fixtures.eventually(WAIT, "waiting run released",
                () -> app.result(waiting).orElseThrow().state() == TaskState.PENDING);
        assertThat(app.result(running).orElseThrow().state()).isEqualTo(TaskState.RUNNING);
        go.countDown();
        stopper.join(WAIT);
        assertThat(app.result(running).orElseThrow().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(started).containsExactly(running);
    }

    @Test
    void aWaitingRunThatWasCancelledIsNotStarted() throws Exception {
        List<Long> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        Worker w = blockingWorker("ahead-cancel", 1, started, go);
        long first = app.spawnTask("block", new byte[0]).taskId();
        Fixtures.eventually(WAIT, "first started", () -> started.size() == 1);
        long second = app.spawnTask("block", new byte[0]).taskId();
        Fixtures.eventually(WAIT, "second claimed ahead",
                () -> app.result(second).orElseThrow().state() == TaskState.RUNNING);
        assertThat(app.cancel(second)).isTrue();
        Thread.sleep(500);  // the cancel notification reaches the worker (nothing there to observe it by)
        go.countDown();
        assertThat(app.awaitResult(first, WAIT).state()).isEqualTo(TaskState.COMPLETED);
        Thread.sleep(300);
        assertThat(started).containsExactly(first);
        assertThat(app.result(second).orElseThrow().state()).isEqualTo(TaskState.CANCELLED);
        assertThat(w.inFlight()).isZero();
    }

    @Test
    void aWaitingRunWhoseLeaseWasLostIsNotStarted() throws Exception {
        List<Long> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        blockingWorker("ahead-lease", 1, started, go);
        SpawnOptions shortLease = SpawnOptions.defaults().withLease(Duration.ofSeconds(3));
        long first = app.spawnTask("block", new byte[0], shortLease).taskId();
        Fixtures.eventually(WAIT, "first started", () -> started.size() == 1);
        long second = app.spawnTask("block", new byte[0], shortLease).taskId();
        Fixtures.eventually(WAIT, "second claimed ahead",
                () -> app.result(second).orElseThrow().state() == TaskState.RUNNING);
        // its lease runs out in the database (as if the worker had stalled); another worker takes the task
        app.pool().execute("UPDATE " + SCHEMA + ".runs SET lease_expires_at = now() - interval '1 second' "
                + "WHERE task_id = $1 AND state = 'running'", second);
        long ghostRun = app.pool().query("SELECT run_id FROM " + SCHEMA + ".claim_task('default', 'ghost', 1)")
                .row(0).getLong(0);
        Thread.sleep(2500);  // the worker's heartbeat (every 0.5 s, from 1 s into the lease) learns it was lost
        go.countDown();
        assertThat(app.awaitResult(first, WAIT).state()).isEqualTo(TaskState.COMPLETED);
        Thread.sleep(300);
        assertThat(started).containsExactly(first);
        assertThat(app.runs(second)).extracting(RunInfo::state).containsExactly("expired", "running");
        assertThat(app.runs(second).getLast().runId()).isEqualTo(ghostRun);
    }
}
