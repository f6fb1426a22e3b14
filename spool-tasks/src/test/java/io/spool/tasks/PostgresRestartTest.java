package io.spool.tasks;

import io.spool.embedded.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stops while workers run (every connection drops, new ones are refused) and starts again from the
 * same data directory: the workers reconnect by themselves and finish everything, each task completed once.
 * LocalPostgres picks a new port on every start, so the workers reach it through a proxy with a fixed port.
 */
class PostgresRestartTest {
    private static final String SCHEMA = "tasks_restart_test";
    private static final int TASKS = 3000;

    @TempDir
    Path dataDir;

    @Test
    void workersReconnectAndFinishEverythingAfterAServerRestart() throws Exception {
        LocalPostgres pg = LocalPostgres.start(dataDir);
        try (PortProxy proxy = new PortProxy(pg.port())) {
            String url = "postgresql://" + pg.user() + "@127.0.0.1:" + proxy.port() + "/" + pg.database()
                    + "?connect_timeout=2";
            TaskConfig config = TaskConfig.of(url).withSchema(SCHEMA).withPollInterval(Duration.ofMillis(200))
                    .withRetention(Retention.keepAll()).withDefaultBackoff(RetryBackoff.fixed(Duration.ofMillis(50)));
            AtomicInteger handlerErrors = new AtomicInteger();
            try (Application app = Application.create(config)) {
                app.pool().execute("CREATE TABLE " + SCHEMA + ".effects (task_id bigint PRIMARY KEY, executions int NOT NULL)");
                String effect = "INSERT INTO " + SCHEMA + ".effects VALUES ($1, 1) "
                        + "ON CONFLICT (task_id) DO UPDATE SET executions = effects.executions + 1";
                List<Worker> workers = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    workers.add(app.createWorker("w" + i, WorkerOptions.defaults().withQueue("default", 16))
                            .register("work", (ctx, p) -> {
                                Thread.sleep(10);
                                try {
                                    app.pool().execute(effect, ctx.taskId());
                                } catch (RuntimeException e) {
                                    handlerErrors.incrementAndGet();  // the database is down: fail, be retried
                                    throw e;
                                }
                                return ("ok " + ctx.taskId()).getBytes(StandardCharsets.UTF_8);
                            }).start());
                }
                List<TaskSpec> specs = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    specs.add(TaskSpec.of("work", new byte[0], SpawnOptions.defaults().withLease(Duration.ofSeconds(2))
                            .withMaxAttempts(100)));
                }
                app.spawnTasks(specs);
                Fixtures.eventually(Duration.ofSeconds(30), "some progress",
                        () -> app.counts().count(TaskState.COMPLETED) >= 300);

                pg.close();  // every connection drops; connecting is refused until it is back
                long doneBefore = workers.stream().mapToInt(Worker::finishedRuns).sum();
                Thread.sleep(2000);
                pg = LocalPostgres.start(dataDir);
                proxy.target(pg.port());

                Fixtures.eventually(Duration.ofSeconds(90), "all tasks to complete after the restart", () -> {
                    try {
                        return app.counts().count(TaskState.COMPLETED) == TASKS;
                    } catch (RuntimeException e) {
                        return false;  // a pooled connection from before the restart
                    }
                });
                workers.forEach(Worker::close);
                String s = SCHEMA;
                assertThat(one(app, "SELECT count(*) FROM " + s + ".tasks WHERE state <> 'completed'")).isZero();
                assertThat(one(app, "SELECT count(*) FROM " + s + ".runs WHERE state = 'completed'")).isEqualTo(TASKS);
                assertThat(one(app, "SELECT count(*) FROM " + s + ".tasks t LEFT JOIN " + s + ".effects e USING (task_id) "
                        + "WHERE e.task_id IS NULL")).isZero();
                assertThat(one(app, "SELECT count(*) FROM " + s + ".tasks WHERE result IS DISTINCT FROM "
                        + "convert_to('ok ' || task_id, 'UTF8')")).isZero();
                long runs = one(app, "SELECT count(*) FROM " + s + ".runs");
                System.out.printf("spool-tasks restart test: %d tasks, %d finished before the stop, server down 2 s; "
                                + "%d runs (%d repeated), %d handler calls failed while the server was away%n",
                        TASKS, doneBefore, runs, runs - TASKS, handlerErrors.get());
                assertThat(doneBefore).isLessThan(TASKS);  // the restart really happened mid-way
            }
        } finally {
            pg.close();
        }
    }

    private static long one(Application app, String sql) {
        return app.pool().query(sql).row(0).getLong(0);
    }
}
