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
    /** The worker holding as many claimed runs ahead as graphile-worker's batched mode holds in its local queue. */
    static final String BATCHED_NAME = "spool-tasks-batched";
    static final int BATCHED_CLAIM_AHEAD = 500;
    private static final byte[] EMPTY = new byte[0];

    private final Options options;
    private final String name;
    private final int claimAhead;
    private Application app;
    private Worker worker;

    /** The worker's default claim-ahead (as many runs as its concurrency). */
    SpoolTasksContender(Options options) {
        this(options, NAME, WorkerOptions.CLAIM_AHEAD_CONCURRENCY);
    }

    private SpoolTasksContender(Options options, String name, int claimAhead) {
        this.options = options;
        this.name = name;
        this.claimAhead = claimAhead;
    }

    /** Claim-ahead {@value #BATCHED_CLAIM_AHEAD}, the size of graphile-worker's local queue in its batched mode. */
    static SpoolTasksContender batched(Options options) {
        return new SpoolTasksContender(options, BATCHED_NAME, BATCHED_CLAIM_AHEAD);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String settings() {
        return "Worker concurrency " + options.concurrency() + " (virtual threads), claim-ahead "
                + (claimAhead == WorkerOptions.CLAIM_AHEAD_CONCURRENCY ? "= concurrency (default)" : claimAhead)
                + ", claim batch up to 500, pool " + options.connections() + " + 1 LISTEN connection, wake-up by "
                + "LISTEN/NOTIFY, poll " + options.pollInterval().toMillis() + " ms, spawnTasks batches";
    }

    @Override
    public void start(Database db, Probe probe) {
        app = Application.create(TaskConfig.of(db.url()).withSchema("spool_tasks")
                .withPoolSize(options.connections()).withPollInterval(options.pollInterval())
                .withQueue("default", options.concurrency()));
        worker = app.createWorker("bench", WorkerOptions.defaults().withQueue("default", options.concurrency())
                        .withSchedules(false).withCleanup(false).withShutdownTimeout(Duration.ofSeconds(10))
                        .withClaimAhead(claimAhead))
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
