package io.spool.tasks;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test: 10,000 tasks, 4 worker JVMs, SIGKILL to random workers over and over for ~25 s with restarts.
 * At the end every task is completed, none lost, each side effect happened, and exactly one completion was
 * recorded per task; it prints how many runs were repeated because their worker died under them.
 */
@ExtendWith(PostgresExtension.class)
class KillTest {
    private static final String SCHEMA = "tasks_kill_test";
    private static final int TASKS = 10_000;
    private static final int WORKERS = 4;
    private static final int CONCURRENCY = 10;
    private static final Duration KILL_WINDOW = Duration.ofSeconds(25);

    private final TestDatabase db;
    private final Random random = new Random(42);
    private Path logs;

    KillTest(TestDatabase db) {
        this.db = db;
    }

    /** One worker slot: its current process, and how many times it was started. */
    private final class Slot {
        final int index;
        Process process;
        int incarnation;
        long restartAt;

        Slot(int index) {
            this.index = index;
        }

        void start() throws IOException {
            incarnation++;
            String id = "kill-w" + index + "." + incarnation;
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                    "-cp", classpath, KillTestWorker.class.getName(), db.url(), SCHEMA, id, Integer.toString(CONCURRENCY));
            pb.redirectErrorStream(true).redirectOutput(logs.resolve(id + ".log").toFile());
            process = pb.start();
        }

        boolean alive() {
            return process != null && process.isAlive();
        }
    }

    @Test
    void killNineRandomWorkersRepeatedlyAndLoseNothing() throws Exception {
        logs = Files.createTempDirectory("spool-kill-test");
        TaskConfig config = Fixtures.config(db, SCHEMA);
        try (Application app = Application.create(config)) {
            app.pool().execute("CREATE TABLE " + SCHEMA + ".kill_effects (task_id bigint PRIMARY KEY, executions int NOT NULL)");
            SpawnOptions options = SpawnOptions.defaults().withQueue("kill").withLease(Duration.ofSeconds(2))
                    .withMaxAttempts(1000);
            for (int sent = 0; sent < TASKS; sent += 1000) {
                List<TaskSpec> batch = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    batch.add(TaskSpec.of("kill-task", new byte[0], options));
                }
                app.spawnTasks(batch);
            }
            List<Slot> slots = new ArrayList<>();
            for (int i = 0; i < WORKERS; i++) {
                Slot s = new Slot(i);
                s.start();
                slots.add(s);
            }
            int kills = 0;
            long start = System.nanoTime();
            long end = start + KILL_WINDOW.toNanos();
            long nextKill = start + millis(1500, 3000);
            while (System.nanoTime() < end && completed(app) < TASKS * 0.97) {
                long now = System.nanoTime();
                for (Slot s : slots) {
                    if (!s.alive() && s.restartAt != 0 && now >= s.restartAt) {
                        s.restartAt = 0;
                        s.start();
                    }
                }
                if (now >= nextKill) {
                    List<Slot> alive = slots.stream().filter(Slot::alive).toList();
                    if (alive.size() > 1) {
                        Slot victim = alive.get(random.nextInt(alive.size()));
                        victim.process.destroyForcibly();  // SIGKILL: no shutdown hook, no release, leases just expire
                        victim.process.waitFor();
                        victim.restartAt = System.nanoTime() + millis(300, 2000);
                        kills++;
                    }
                    nextKill = System.nanoTime() + millis(700, 2500);
                }
                Thread.sleep(50);
            }
            long killPhase = System.nanoTime() - start;
            for (Slot s : slots) {
                if (!s.alive()) {
                    s.start();
                }
            }
            Fixtures.eventually(Duration.ofSeconds(120), "all tasks to complete (" + logs + ")",
                    () -> completed(app) == TASKS);
            long total = System.nanoTime() - start;
            for (Slot s : slots) {
                s.process.getOutputStream().close();  // graceful stop
            }
            for (Slot s : slots) {
                if (!s.process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    s.process.destroyForcibly();
                }
            }

            String s = SCHEMA;
            long completedTasks = one(app, "SELECT count(*) FROM " + s + ".tasks WHERE state = 'completed'");
            long otherTasks = one(app, "SELECT count(*) FROM " + s + ".tasks WHERE state <> 'completed'");
            long withoutEffect = one(app, "SELECT count(*) FROM " + s + ".tasks t LEFT JOIN " + s
                    + ".kill_effects e USING (task_id) WHERE e.task_id IS NULL");
            long completedRuns = one(app, "SELECT count(*) FROM " + s + ".runs WHERE state = 'completed'");
            long tasksNotCompletedOnce = one(app, "SELECT count(*) FROM (SELECT t.task_id FROM " + s + ".tasks t LEFT JOIN "
                    + s + ".runs r ON r.task_id = t.task_id AND r.state = 'completed' GROUP BY t.task_id "
                    + "HAVING count(r.run_id) <> 1) x");
            long wrongResults = one(app, "SELECT count(*) FROM " + s + ".tasks WHERE result IS DISTINCT FROM "
                    + "convert_to('done ' || task_id, 'UTF8')");
            long runs = one(app, "SELECT count(*) FROM " + s + ".runs");
            long expiredRuns = one(app, "SELECT count(*) FROM " + s + ".runs WHERE state = 'expired'");
            long releasedRuns = one(app, "SELECT count(*) FROM " + s + ".runs WHERE state = 'released'");
            long failedRuns = one(app, "SELECT count(*) FROM " + s + ".runs WHERE state = 'failed'");
            long executions = one(app, "SELECT coalesce(sum(executions), 0) FROM " + s + ".kill_effects");
            long tasksRunTwice = one(app, "SELECT count(*) FROM " + s + ".kill_effects WHERE executions > 1");
            System.out.printf("spool-tasks kill test: %d tasks, %d workers x %d, %d kill -9 in %.1f s, all done after "
                            + "%.1f s; %d runs for %d tasks: %d repeated (%d expired with their killed worker, %d "
                            + "released, %d failed); side effects executed %d times (%d repeated, on %d tasks); "
                            + "completions recorded %d (one per task)%n",
                    TASKS, WORKERS, CONCURRENCY, kills, killPhase / 1e9, total / 1e9, runs, TASKS, runs - TASKS,
                    expiredRuns, releasedRuns, failedRuns, executions, executions - TASKS, tasksRunTwice, completedRuns);

            assertThat(kills).as("kills").isGreaterThanOrEqualTo(5);
            assertThat(completedTasks).isEqualTo(TASKS);
            assertThat(otherTasks).isZero();
            assertThat(withoutEffect).as("tasks whose side effect never happened").isZero();
            assertThat(completedRuns).as("completions recorded").isEqualTo(TASKS);
            assertThat(tasksNotCompletedOnce).as("tasks without exactly one completed run").isZero();
            assertThat(wrongResults).as("tasks with a wrong result").isZero();
            assertThat(expiredRuns).as("runs lost with a killed worker and run again").isPositive();
            assertThat(runs).isEqualTo(TASKS + expiredRuns + releasedRuns + failedRuns);
        } finally {
            deleteLogs();
        }
    }

    private long millis(int min, int max) {
        return Duration.ofMillis(min + random.nextInt(max - min)).toNanos();
    }

    private static long completed(Application app) {
        return app.counts().count("kill", TaskState.COMPLETED);
    }

    private static long one(Application app, String sql) {
        return app.pool().query(sql).row(0).getLong(0);
    }

    private void deleteLogs() {
        File[] files = logs.toFile().listFiles();
        if (files != null) {
            for (File f : files) {
                f.delete();
            }
        }
        logs.toFile().delete();
    }
}
