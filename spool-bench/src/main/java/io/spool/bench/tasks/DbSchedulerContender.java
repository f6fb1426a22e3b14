package io.spool.bench.tasks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * db-scheduler: a {@link Scheduler} on a HikariCP pool of {@code connections}, with the PostgreSQL settings its
 * README recommends for throughput (polling strategy lock-and-fetch, i.e. {@code SELECT ... FOR UPDATE SKIP
 * LOCKED}; immediate execution on schedule), {@code concurrency} executor threads and a short polling interval.
 * A one-time task whose instance id is the task's index; instances are inserted with
 * {@link Scheduler#scheduleBatch(List, Instant)}. A completed one-time task's row is deleted, so the completed
 * count is spawned minus rows left.
 */
final class DbSchedulerContender implements TaskContender {
    static final String NAME = "db-scheduler";

    /** The table of db-scheduler's PostgreSQL schema (its documented {@code postgresql_tables.sql}). */
    private static final String DDL = """
            CREATE TABLE scheduled_tasks (
              task_name text NOT NULL,
              task_instance text NOT NULL,
              task_data bytea,
              execution_time timestamptz NOT NULL,
              picked boolean NOT NULL,
              picked_by text,
              last_success timestamptz,
              last_failure timestamptz,
              consecutive_failures int,
              last_heartbeat timestamptz,
              version bigint NOT NULL,
              priority smallint,
              PRIMARY KEY (task_name, task_instance));
            CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
            CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
            CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
            """;

    private final Options options;
    private HikariDataSource pool;
    private Scheduler scheduler;
    private OneTimeTask<Void> task;

    DbSchedulerContender(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String settings() {
        return "threads " + options.concurrency() + ", HikariCP " + options.connections()
                + " connections, pollUsingLockAndFetch(0.5, 1.0), enableImmediateExecution, pollingInterval "
                + options.pollInterval().toMillis() + " ms, scheduleBatch";
    }

    @Override
    public void start(Database db, Probe probe) throws SQLException {
        pool = Hikari.pool(db, options.connections(), "db-scheduler");
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            s.execute(DDL);
        }
        task = Tasks.oneTime("noop").execute((instance, ctx) -> probe.started(Integer.parseInt(instance.getId())));
        scheduler = Scheduler.create(pool, task)
                .threads(options.concurrency())
                .pollingInterval(options.pollInterval())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
        scheduler.start();
    }

    @Override
    public void spawn(int from, int count) {
        List<TaskInstance<?>> batch = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            batch.add(task.instance(Integer.toString(i)));
        }
        scheduler.scheduleBatch(batch, Instant.now());
    }

    @Override
    public long completed(Connection monitor, int spawned) throws SQLException {
        return spawned - TaskContender.count(monitor, "SELECT count(*) FROM scheduled_tasks WHERE task_name = 'noop'");
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.stop();
        }
        if (pool != null) {
            pool.close();
        }
    }
}
