package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Python client ({@code spool-tasks/python}) and Java on one queue, through the SQL protocol only: Java
 * spawns and Python runs, Python spawns and Java runs, a Python worker killed with SIGKILL mid-task loses
 * nothing (its durable steps done are not redone), both languages in one fleet, and the asyncio API. Also runs
 * the package's own unit tests ({@code python -m unittest}).
 */
@ExtendWith(PostgresExtension.class)
class PythonClientTest {
    private static final String SCHEMA = "tasks_python";
    private static final Duration WAIT = Duration.ofSeconds(Integer.getInteger("spool.test.pythonWait", 60));
    private final TestDatabase db;

    PythonClientTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void needsPsycopg() throws Exception {
        Python.assumePsycopg();
    }

    private Python worker(String id, String mode, Path markers) throws Exception {
        return Python.start("fixture_worker.py", Map.of("SPOOL_TEST_MARKERS", markers.toString()),
                db.url(), SCHEMA, id, mode).awaitLine("ready");
    }

    /** A Java worker for "java-double": {"n": i} gives {"twice": 2i}. */
    private static void javaDoubler(Application app, String id) {
        app.createWorker(id, WorkerOptions.defaults().withQueue("default", 8))
                .registerJson("java-double", Map.class, (ctx, p) -> Map.of("twice", 2 * (Integer) p.get("n")))
                .start();
    }

    /** Spawns {@code count} tasks of {@code name} from Java, the params of task i the JSON {key: i}. */
    private static List<SpawnResult> spawnJson(Application app, String name, String key, int count) {
        List<SpawnResult> spawned = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            spawned.add(app.spawnTaskJson(name, Map.of(key, i), SpawnOptions.defaults()));
        }
        return spawned;
    }

    @Test
    void javaSpawnsAndPythonRuns(@TempDir Path markers) throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA); Python py = worker("py-1", "sync", markers)) {
            List<SpawnResult> echoes = spawnJson(app, "py-echo", "i", 50);
            SpawnResult failing = app.spawnTaskJson("py-fail", "x", SpawnOptions.defaults().withMaxAttempts(2));
            SpawnResult permanent = app.spawnTaskJson("py-permanent", 1, SpawnOptions.defaults().withMaxAttempts(5));
            for (int i = 0; i < echoes.size(); i++) {
                TaskInfo done = app.awaitResult(echoes.get(i).taskId(), WAIT);
                assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
                assertThat(done.resultAs(Map.class)).containsEntry("by", "python").containsEntry("worker", "py-1")
                        .containsEntry("echo", Map.of("i", i));
            }
            TaskInfo dead = app.awaitResult(failing.taskId(), WAIT);
            assertThat(dead.state()).isEqualTo(TaskState.DEAD);
            assertThat(dead.attempt()).isEqualTo(2);
            assertThat(dead.error()).contains("RuntimeError: python says no to 'x'").contains("Traceback");
            TaskInfo never = app.awaitResult(permanent.taskId(), WAIT);
            assertThat(never.state()).isEqualTo(TaskState.DEAD);
            assertThat(never.attempt()).as("PermanentFailure: no retry").isEqualTo(1);
            assertThat(py.finish(WAIT)).containsExactly("ready");
        }
    }

    @Test
    void pythonSpawnsAndJavaRuns() throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            javaDoubler(app, "java-1");
            List<String> lines = Python.start("spawn_and_await.py", Map.of(), db.url(), SCHEMA, "java-double", "20")
                    .finish(WAIT);
            assertThat(lines).hasSize(20);
            for (int i = 0; i < 20; i++) {
                String[] parts = lines.get(i).split(" ", 3);
                assertThat(parts[1]).isEqualTo("completed");
                assertThat(parts[2]).isEqualTo("{\"twice\":" + (2 * i) + "}");
                TaskInfo info = app.result(Long.parseLong(parts[0])).orElseThrow();
                assertThat(info.paramsAs(Map.class)).isEqualTo(Map.of("n", i));
                assertThat(app.runs(info.taskId())).singleElement()
                        .satisfies(r -> assertThat(r.workerId()).isEqualTo("java-1"));
            }
        }
    }

    @Test
    void aPythonWorkerKilledMidTaskLosesNothingAndDoesNoStepTwice(@TempDir Path markers) throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA)) {
            // a 1 s lease: the killed worker's run is claimable again a second after its last heartbeat
            SpawnResult task = app.spawnTaskJson("py-durable", Map.of(), SpawnOptions.defaults()
                    .withLease(Duration.ofSeconds(1)).withMaxAttempts(3));
            try (Python first = worker("py-doomed", "sync", markers)) {
                Path two = markers.resolve("two-" + task.taskId());
                Fixtures.eventually(WAIT, "the first worker inside step two", () -> Files.exists(two));
                Thread.sleep(1500);  // well past the lease: only the heartbeats keep the run
                assertThat(app.result(task.taskId()).orElseThrow().state()).isEqualTo(TaskState.RUNNING);
                first.kill();   // SIGKILL, mid-step
            }
            try (Python second = worker("py-heir", "sync", markers)) {
                TaskInfo done = app.awaitResult(task.taskId(), WAIT);
                assertThat(done.state()).isEqualTo(TaskState.COMPLETED);
                assertThat(done.resultAs(Map.class)).isEqualTo(Map.of("sum", 42, "attempt", 2));
                assertThat(Files.readAllLines(markers.resolve("one-" + task.taskId())))
                        .as("step one was stored before the kill: not run again").hasSize(1);
                assertThat(Files.readAllLines(markers.resolve("two-" + task.taskId())))
                        .as("step two was cut short: run again").hasSize(2);
                List<RunInfo> runs = app.runs(task.taskId());
                assertThat(runs).extracting(RunInfo::state).containsExactly("expired", "completed");
                assertThat(runs).extracting(RunInfo::workerId).containsExactly("py-doomed", "py-heir");
                second.finish(WAIT);
            }
        }
    }

    @Test
    void javaAndPythonWorkersShareOneQueue(@TempDir Path markers) throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA);
             Python py = Python.start("fixture_worker.py", Map.of("SPOOL_TEST_MARKERS", markers.toString()),
                     db.url(), SCHEMA, "py-fleet", "sync", "mixed").awaitLine("ready")) {
            Map<Long, AtomicInteger> ranInJava = new ConcurrentHashMap<>();
            app.createWorker("java-fleet", WorkerOptions.defaults().withQueue("mixed", 8))
                    .register("java-work", (ctx, p) -> {
                        ranInJava.computeIfAbsent(ctx.taskId(), k -> new AtomicInteger()).incrementAndGet();
                        return p;
                    }).start();
            List<TaskSpec> specs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {   // one attempt each: a claim by the wrong language would kill it
                specs.add(TaskSpec.of(i % 2 == 0 ? "java-work" : "py-work", Json.encode(Map.of("i", i)),
                        SpawnOptions.defaults().withQueue("mixed").withMaxAttempts(1)));
            }
            List<SpawnResult> spawned = app.spawnTasks(specs);
            Fixtures.eventually(WAIT, "all 400 tasks to complete",
                    () -> app.counts().count("mixed", TaskState.COMPLETED) == 400);
            assertThat(app.counts().count("mixed", TaskState.DEAD)).isZero();
            assertThat(ranInJava).hasSize(200).allSatisfy((id, n) -> assertThat(n.get()).isEqualTo(1));
            for (int i = 1; i < 400; i += 2) {
                assertThat(app.result(spawned.get(i).taskId()).orElseThrow().resultAs(Map.class))
                        .containsEntry("worker", "py-fleet").containsEntry("echo", Map.of("i", i));
            }
            assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".runs").row(0).getLong(0))
                    .as("one run per task").isEqualTo(400);
            py.finish(WAIT);
        }
    }

    @Test
    void asyncioWorkerRunsWhatJavaSpawnsAndAsyncioSpawnsForJava(@TempDir Path markers) throws Exception {
        try (Application app = Fixtures.app(db, SCHEMA); Python py = worker("py-async", "async", markers)) {
            List<SpawnResult> spawned = spawnJson(app, "py-async", "n", 30);
            for (int i = 0; i < 30; i++) {
                TaskInfo done = app.awaitResult(spawned.get(i).taskId(), WAIT);
                assertThat(done.resultAs(Map.class)).isEqualTo(Map.of("n", 2 * i + 1, "by", "asyncio",
                        "worker", "py-async"));
            }
            assertThat(app.pool().query("SELECT count(*) FROM " + SCHEMA + ".steps").row(0).getLong(0))
                    .as("two durable steps per task").isEqualTo(60);
            javaDoubler(app, "java-async");
            List<String> lines = Python.start("spawn_and_await.py", Map.of(), db.url(), SCHEMA, "java-double", "5",
                    "async").finish(WAIT);
            assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).contains(" completed {\"twice\":"));
            py.finish(WAIT);
        }
    }

    @Test
    void pythonUnitTestsPass() throws Exception {
        Fixtures.app(db, SCHEMA).close();   // the schema the DB-backed unit tests use
        List<String> out = Python.start("../tests/run_unit.py", Map.of("SPOOL_TEST_DATABASE_URL", db.url(),
                "SPOOL_TEST_SCHEMA", SCHEMA)).finish(WAIT);
        assertThat(String.join("\n", out)).contains("OK").doesNotContain("FAILED");
    }
}
