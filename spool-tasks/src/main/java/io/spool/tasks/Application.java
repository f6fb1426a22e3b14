package io.spool.tasks;

import io.spool.pg.PgConfig;
import io.spool.pg.PgException;
import io.spool.pg.PgPool;
import io.spool.pg.PoolOptions;
import io.spool.pg.Row;
import io.spool.pg.RowSet;
import io.spool.pg.SqlClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The entry point of spool-tasks, built from a {@link TaskConfig}: it applies the schema's migrations on start,
 * owns the connection pool when it opened it, and creates the rest. Producers call {@link #spawnTask} (or
 * {@link #spawnTasks} for a batch in one round trip, optionally inside their own transaction); workers come from
 * {@link #createWorker}; results, cancellation, retries, listings and counts, schedules and retention are here
 * too. Thread-safe; one per process and schema is the intended use. {@link #close()} stops the workers it
 * created and closes the pool if it owns it.
 */
public final class Application implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Application.class.getName());

    private final TaskConfig config;
    private final PgPool pool;
    private final boolean ownsPool;
    final Sql sql;
    private final Notifier notifier;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();
    private final int maxParamsBytes;
    private volatile boolean closed;

    private Application(TaskConfig config, PgPool pool, boolean ownsPool, int maxParamsBytes) {
        this.config = config;
        this.pool = pool;
        this.ownsPool = ownsPool;
        this.sql = new Sql(config.schema());
        this.notifier = new Notifier(pool, sql);
        this.maxParamsBytes = maxParamsBytes;
    }

    /**
     * Connects (or takes the given pool), brings the schema up to date and returns the application. Several
     * processes may start at once: migrations are applied once, under an advisory lock.
     */
    public static Application create(TaskConfig config) {
        boolean owns = config.pool() == null;
        if (!owns && config.pool().options().maxSize() < 3) {
            throw new IllegalArgumentException("the pool has " + config.pool().options().maxSize() + " connection(s); "
                    + "spool-tasks needs at least 3 (one of them is held for LISTEN while workers or waiters run)");
        }
        // one extra connection: the LISTEN connection is held for the application's lifetime
        PgPool pool = owns
                ? PgPool.create(PgConfig.parse(config.databaseUrl()),
                PoolOptions.defaults().withMaxSize(config.poolSize() + 1).withAcquireTimeout(Duration.ofSeconds(10)))
                : config.pool();
        try {
            Sql sql = new Sql(config.schema());
            List<Integer> applied = Migrations.apply(pool, config.schema());
            if (!applied.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "schema " + config.schema() + ": applied migrations " + applied);
            }
            if (config.maxParamsBytes() > 0) {
                pool.execute(sql.setMaxParams, Integer.toString(config.maxParamsBytes()));
            }
            int limit = pool.query(sql.maxParams).row(0).getInteger(0);
            return new Application(config, pool, owns, limit);
        } catch (RuntimeException e) {
            if (owns) {
                pool.close();
            }
            throw e;
        }
    }

    public TaskConfig config() {
        return config;
    }

    public String schema() {
        return config.schema();
    }

    /** The pool the application runs on (for running a spawn inside your own transaction, say). */
    public PgPool pool() {
        return pool;
    }

    /** The params size limit of the schema. */
    public int maxParamsBytes() {
        return maxParamsBytes;
    }

    Notifier notifier() {
        return notifier;
    }

    // ---------------------------------------------------------------- spawning

    /** Spawns a task with the default options. */
    public SpawnResult spawnTask(String name, byte[] params) {
        return spawnTask(name, params, SpawnOptions.defaults());
    }

    /**
     * Spawns a task.
     *
     * @throws TaskException with SQLSTATE {@code 54000} when the params exceed {@link #maxParamsBytes()}
     */
    public SpawnResult spawnTask(String name, byte[] params, SpawnOptions options) {
        return spawnTasks(pool, List.of(new TaskSpec(name, params, options))).get(0);
    }

    /** Spawns a task whose params are {@code params} written as JSON. */
    public SpawnResult spawnTaskJson(String name, Object params, SpawnOptions options) {
        return spawnTask(name, Json.encode(params), options);
    }

    /** Spawns a task on {@code client}: pass a transaction's connection and the task exists only if it commits. */
    public SpawnResult spawnTask(SqlClient client, String name, byte[] params, SpawnOptions options) {
        return spawnTasks(client, List.of(new TaskSpec(name, params, options))).get(0);
    }

    /** Spawns many tasks in one round trip; the results are in the order of {@code tasks}. All or none. */
    public List<SpawnResult> spawnTasks(List<TaskSpec> tasks) {
        return spawnTasks(pool, tasks);
    }

    /** Spawns many tasks in one round trip on {@code client} (a connection in a transaction, or a pool). */
    public List<SpawnResult> spawnTasks(SqlClient client, List<TaskSpec> tasks) {
        int n = tasks.size();
        if (n == 0) {
            return List.of();
        }
        String[] names = new String[n];
        byte[][] params = new byte[n][];
        String[] queues = new String[n];
        Integer[] priorities = new Integer[n];
        Instant[] runAt = new Instant[n];
        Duration[] delays = new Duration[n];
        Integer[] maxAttempts = new Integer[n];
        String[] keys = new String[n];
        String[] headers = new String[n];
        Duration[] leases = new Duration[n];
        Duration[] base = new Duration[n];
        Duration[] max = new Duration[n];
        Double[] jitter = new Double[n];
        boolean anyRunAt = false;
        boolean anyDelay = false;
        boolean anyKey = false;
        boolean anyHeaders = false;
        for (int i = 0; i < n; i++) {
            TaskSpec t = tasks.get(i);
            SpawnOptions o = t.options();
            if (t.name().isBlank()) {
                throw new IllegalArgumentException("task " + i + " of the batch has a blank name");
            }
            if (t.params().length > maxParamsBytes) {
                throw new TaskException("params of task \"" + t.name() + "\" are " + t.params().length
                        + " bytes, more than the limit of " + maxParamsBytes + " bytes (max_params_bytes of schema "
                        + config.schema() + ")", "54000", null);
            }
            RetryBackoff b = o.backoff() != null ? o.backoff() : config.defaultBackoff();
            names[i] = t.name();
            params[i] = t.params();
            queues[i] = o.queue() != null ? o.queue() : "default";
            priorities[i] = o.priority() != null ? o.priority() : 0;
            runAt[i] = o.runAt();
            delays[i] = o.delay();
            maxAttempts[i] = o.maxAttempts() != null ? o.maxAttempts() : config.defaultMaxAttempts();
            keys[i] = o.idempotencyKey();
            headers[i] = o.headers().isEmpty() ? null : Json.headersJson(o.headers());
            leases[i] = o.lease() != null ? o.lease() : config.defaultLease();
            base[i] = b.base();
            max[i] = b.max();
            jitter[i] = b.jitter();
            anyRunAt |= runAt[i] != null;
            anyDelay |= delays[i] != null;
            anyKey |= keys[i] != null;
            anyHeaders |= headers[i] != null;
        }
        RowSet rows;
        try {
            // all-NULL columns go as one NULL: fewer bytes, and the function takes its defaults
            rows = client.query(sql.spawnTasks, names, params, queues, priorities, anyRunAt ? runAt : null,
                    anyDelay ? delays : null, maxAttempts, anyKey ? keys : null, anyHeaders ? headers : null, leases,
                    base, max, jitter);
        } catch (PgException e) {
            throw translate(e);
        }
        SpawnResult[] out = new SpawnResult[n];
        for (Row r : rows) {
            out[r.getInteger("ord") - 1] = Rows.spawned(r);
        }
        for (int i = 0; i < n; i++) {
            if (out[i] == null) {
                throw new TaskException("spawn_tasks returned no row for task " + (i + 1) + " of the batch");
            }
        }
        return List.of(out);
    }

    static RuntimeException translate(PgException e) {
        String state = e.sqlState();
        if ("54000".equals(state) || "22023".equals(state) || "P0002".equals(state) || "55000".equals(state)
                || "23514".equals(state)) {
            return new TaskException(e.serverMessage(), state, e);
        }
        return e;
    }

    // ---------------------------------------------------------------- results

    /** The task as stored now (also when retention archived it), or empty when there is no such task. */
    public Optional<TaskInfo> result(long taskId) {
        RowSet rows = pool.query(sql.task, taskId);
        return rows.isEmpty() ? Optional.empty() : Optional.of(Rows.task(rows.row(0)));
    }

    /**
     * Waits until the task is finished (completed, dead or cancelled) and returns it. Woken by a notification
     * when the task finishes, and polling at the configured interval in case notifications are unavailable.
     *
     * @throws TaskException     when there is no such task
     * @throws TimeoutException  when it has not finished within {@code timeout}
     */
    public TaskInfo awaitResult(long taskId, Duration timeout) throws TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        notifier.start();
        // listen first, then ask to be notified: a finish after the request cannot be missed
        notifier.awaitListening(Duration.ofMillis(Math.min(1000, Math.max(0, timeout.toMillis()))));
        ReentrantLock lock = new ReentrantLock();
        Condition woken = lock.newCondition();
        boolean[] flag = {false};
        Runnable wake = () -> {
            lock.lock();
            try {
                flag[0] = true;
                woken.signalAll();
            } finally {
                lock.unlock();
            }
        };
        notifier.onDone(taskId, wake);
        try {
            String state = pool.query(sql.watchTask, taskId).row(0).getString(0);
            while (true) {
                // not among live tasks (null): retention may have archived it, finished
                if (state == null || TaskState.of(state).isFinal()) {
                    return result(taskId).orElseThrow(() -> new TaskException("no task " + taskId, "P0002", null));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("task " + taskId + " is still " + state + " after " + timeout.toMillis()
                            + " ms");
                }
                lock.lock();
                try {
                    long wait = Math.min(left, config.pollInterval().toNanos());
                    while (!flag[0] && wait > 0) {
                        wait = woken.awaitNanos(wait);
                    }
                    flag[0] = false;
                } finally {
                    lock.unlock();
                }
                RowSet rows = pool.query(sql.taskState, taskId);
                state = rows.isEmpty() ? null : rows.row(0).getString(0);
            }
        } finally {
            notifier.offDone(taskId, wake);
        }
    }

    /** Cancels a pending or running task; true if this call cancelled it. A running handler's result is dropped. */
    public boolean cancel(long taskId) {
        return pool.query(sql.cancelTask, taskId, "cancelled").row(0).getBoolean(0);
    }

    /**
     * Runs a completed, dead or cancelled task again (steps it already finished are not re-run).
     *
     * @throws TaskException when the task does not exist or is still pending or running
     */
    public SpawnResult retry(long taskId) {
        try {
            Row r = pool.query(sql.retryTask, taskId).row(0);
            return new SpawnResult(r.getLong("task_id"), r.getLong("run_id"), r.getInteger("attempt"), false);
        } catch (PgException e) {
            throw translate(e);
        }
    }

    /**
     * Drops the stored durable steps of a task that is not running (a stored value that can no longer be read,
     * say), so its next run runs their bodies again; returns how many were dropped. Retry the task afterwards.
     *
     * @throws TaskException when the task does not exist (P0002) or is running now (55000)
     */
    public int resetSteps(long taskId) {
        try {
            return pool.query(sql.resetSteps, taskId).row(0).getInteger(0);
        } catch (PgException e) {
            throw translate(e);
        }
    }

    /**
     * Deletes a completed, dead or cancelled task with its runs and steps; true when deleted.
     *
     * @throws TaskException when the task does not exist (P0002) or is pending or running (55000: cancel it first)
     */
    public boolean deleteTask(long taskId) {
        try {
            return pool.query(sql.deleteTask, taskId).row(0).getBoolean(0);
        } catch (PgException e) {
            throw translate(e);
        }
    }

    /** The durable steps a task stored, oldest first. */
    public List<StepInfo> steps(long taskId) {
        List<StepInfo> out = new ArrayList<>();
        for (Row r : pool.query(sql.steps, taskId)) {
            out.add(Rows.step(r));
        }
        return out;
    }

    // ---------------------------------------------------------------- queues

    /**
     * Pauses {@code queue}: no worker (in any language: the claim function checks) claims from it until
     * {@link #resumeQueue}; runs already claimed finish, and spawning goes on. True if this call paused it.
     * {@code by} (may be null) is stored as who paused it.
     */
    public boolean pauseQueue(String queue, String by) {
        try {
            return pool.query(sql.pauseQueue, queue, by).row(0).getBoolean(0);
        } catch (PgException e) {
            throw translate(e);
        }
    }

    /** Resumes a paused queue and wakes its workers; true if it was paused. */
    public boolean resumeQueue(String queue) {
        return pool.query(sql.resumeQueue, queue).row(0).getBoolean(0);
    }

    /** The paused queues, by name, with the time each was paused. */
    public Map<String, Instant> pausedQueues() {
        Map<String, Instant> out = new TreeMap<>();
        for (Row r : pool.query(sql.pausedQueues)) {
            out.put(r.getString("queue"), Rows.instant(r, "paused_at"));
        }
        return out;
    }

    /** Tasks, newest first, as the filter says; params and results are left out ({@code null}). */
    public List<TaskInfo> listTasks(TaskFilter filter) {
        RowSet rows = pool.query(sql.list(), filter.state() == null ? null : filter.state().sql(), filter.queue(),
                filter.name(), filter.beforeTaskId(), filter.limit());
        List<TaskInfo> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            out.add(Rows.task(r));
        }
        return out;
    }

    /** Tasks per queue and state. */
    public TaskCounts counts() {
        Map<String, Map<TaskState, Long>> byQueue = new HashMap<>();
        for (Row r : pool.query(sql.counts)) {
            byQueue.computeIfAbsent(r.getString("queue"), q -> new EnumMap<>(TaskState.class))
                    .put(TaskState.of(r.getString("state")), r.getLong("count"));
        }
        return new TaskCounts(byQueue);
    }

    /** Due runs nobody claimed yet, per queue and task name, longest waiting first ({@code <schema>.unclaimed}). */
    public List<Unclaimed> unclaimed() {
        List<Unclaimed> out = new ArrayList<>();
        for (Row r : pool.query(sql.unclaimed)) {
            out.add(Rows.unclaimed(r));
        }
        return out;
    }

    /** The runs (attempts) of a task, oldest first. */
    public List<RunInfo> runs(long taskId) {
        List<RunInfo> out = new ArrayList<>();
        for (Row r : pool.query(sql.runs, taskId)) {
            out.add(Rows.run(r));
        }
        return out;
    }

    // ---------------------------------------------------------------- schedules

    /**
     * Creates or replaces a periodic task. Its first tick is the first one after this call; replacing keeps the
     * record of ticks already spawned. Workers with schedules enabled fire it.
     */
    public void schedule(Schedule s) {
        SpawnOptions o = s.options();
        RetryBackoff b = o.backoff() != null ? o.backoff() : config.defaultBackoff();
        pool.execute(sql.upsertSchedule, s.name(), s.cron(), s.zone().getId(), s.taskName(), s.params(),
                o.queue() != null ? o.queue() : "default", o.priority() != null ? o.priority() : 0,
                o.maxAttempts() != null ? o.maxAttempts() : config.defaultMaxAttempts(),
                o.headers().isEmpty() ? null : Json.headersJson(o.headers()),
                o.lease() != null ? o.lease() : config.defaultLease(), b.base(), b.max(), b.jitter(), s.enabled());
    }

    /** Removes a schedule; true if it existed. */
    public boolean unschedule(String name) {
        return pool.execute(sql.deleteSchedule, name) > 0;
    }

    /** The schedules stored in the schema. */
    public List<Schedule> schedules() {
        List<Schedule> out = new ArrayList<>();
        for (Row r : pool.query(sql.schedules)) {
            out.add(Rows.schedule(r));
        }
        return out;
    }

    // ---------------------------------------------------------------- retention

    /**
     * Applies the configured retention now: removes (or archives) finished tasks past their time, in chunks.
     * Returns how many tasks were removed; 0 when another process is cleaning up at this moment.
     */
    public int cleanup() {
        Retention r = config.retention();
        if (!r.enabled()) {
            return 0;
        }
        int total = 0;
        int chunk = 10_000;
        while (true) {
            int n = pool.query(sql.cleanup, r.completedAfter(), r.failedAfter(), r.archive(), chunk).row(0).getInteger(0);
            if (n <= 0) {
                return total;
            }
            total += n;
            if (n < chunk) {
                return total;
            }
        }
    }

    // ---------------------------------------------------------------- workers

    /** A worker with the default options (the application's queues); register handlers, then {@link Worker#start()}. */
    public Worker createWorker(String workerId) {
        return createWorker(workerId, WorkerOptions.defaults());
    }

    public Worker createWorker(String workerId, WorkerOptions options) {
        if (closed) {
            throw new IllegalStateException("the application is closed");
        }
        Worker w = new Worker(this, workerId, options);
        workers.add(w);
        return w;
    }

    void forget(Worker w) {
        workers.remove(w);
    }

    /** Stops the workers it created (each with its shutdown timeout), stops listening, closes an owned pool. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Worker w : workers) {
            w.close();
        }
        notifier.close();
        if (ownsPool) {
            pool.close();
        }
    }
}
