package io.spool.bench.tasks;

import io.spool.tasks.Application;
import io.spool.tasks.TaskConfig;
import io.spool.tasks.TaskSpec;
import io.spool.tasks.Worker;
import io.spool.tasks.WorkerOptions;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * spool-tasks: one {@link Application} with a pool of {@code connections} (plus its one LISTEN connection), one
 * {@link Worker} running {@code concurrency} tasks at once on virtual threads, claims and completions batched;
 * spawns through {@link Application#spawnTasks}. A task's params are its index, 4 bytes.
 */
final class SpoolTasksContender implements TaskContender {
    static final String NAME = "spool-tasks";
    private static final byte[] EMPTY = new byte[0];

    private final Options options;
    private Application app;
    private Worker worker;

    SpoolTasksContender(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String settings() {
        return "Worker concurrency " + options.concurrency() + " (virtual threads), claim batch up to 500, pool "
                + options.connections() + " + 1 LISTEN connection, wake-up by LISTEN/NOTIFY, poll "
                + options.pollInterval().toMillis() + " ms, spawnTasks batches";
    }

    @Override
    public void start(Database db, Probe probe) {
        app = Application.create(TaskConfig.of(db.url()).withSchema("spool_tasks")
                .withPoolSize(options.connections()).withPollInterval(options.pollInterval())
                .withQueue("default", options.concurrency()));
        worker = app.createWorker("bench", WorkerOptions.defaults().withQueue("default", options.concurrency())
                        .withSchedules(false).withCleanup(false).withShutdownTimeout(Duration.ofSeconds(10)))
                .register("noop", (ctx, params) -> {
                    probe.started(ByteBuffer.wrap(params).getInt());
                    return EMPTY;
                })
                .start();
    }

    @Override
    public void spawn(int from, int count) {
        List<TaskSpec> batch = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            batch.add(TaskSpec.of("noop", ByteBuffer.allocate(4).putInt(i).array()));
        }
        app.spawnTasks(batch);
    }

    @Override
    public long completed(Connection monitor, int spawned) throws SQLException {
        return TaskContender.count(monitor, "SELECT count(*) FROM spool_tasks.tasks WHERE state = 'completed'");
    }

    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
        if (app != null) {
            app.close();
        }
    }
}
