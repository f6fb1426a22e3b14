package io.spool.tasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks: register a handler per task name, {@link #start()}, and the worker claims runs of those names from
 * its queues (up to each queue's concurrency at once plus some claimed ahead, in batches, one round trip per
 * claim), runs each on its own virtual thread, extends the leases of running and waiting runs in one batched
 * heartbeat, and records completions in batches (one round trip for many). A notification wakes it when tasks
 * are spawned; it also polls. With schedules on, it fires periodic tasks; with cleanup on, it applies retention.
 * {@link #stop(Duration)} stops claiming, lets running tasks finish until the deadline and releases the rest back
 * to the queue.
 *
 * <p>It is five parts, each with its own threads, start and stop: a {@link Claimer} per queue, the
 * {@link RunExecutor}, the {@link BatchCompleter}, the {@link LeaseKeeper} and the {@link Maintainer} (schedules
 * and retention). The worker starts them, and stops them in the order that loses nothing.
 */
public final class Worker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    /** The largest result a handler may return (see {@link RunExecutor#MAX_RESULT_BYTES}). */
    static final int MAX_RESULT_BYTES = RunExecutor.MAX_RESULT_BYTES;

    private final Application app;
    private final String id;
    private final WorkerOptions options;
    private final ActiveRuns runs = new ActiveRuns();
    private final BatchCompleter completer;
    private final RunExecutor executor;
    private final LeaseKeeper keeper;
    private final List<Claimer> claimers = new ArrayList<>();
    private final Maintainer maintainer;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    Worker(Application app, String id, WorkerOptions options) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a worker needs an id");
        }
        this.app = app;
        this.id = id;
        this.options = options;
        Map<String, Integer> queues = options.queues().isEmpty() ? app.config().queues() : options.queues();
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("worker " + id + " has no queue to serve");
        }
        completer = new BatchCompleter(app, id, runs);
        executor = new RunExecutor(id, runs, completer);
        keeper = new LeaseKeeper(app, id, runs);
        queues.forEach((q, n) -> claimers.add(new Claimer(app, id, q, n, options.claimAheadFor(n),
                options.claimBatchSize(), runs, executor, keeper)));
        maintainer = new Maintainer(app, id, options.clock(), options.runSchedules(), options.runCleanup());
    }

    public String id() {
        return id;
    }

    /** Runs tasks named {@code name} with {@code handler}; register before {@link #start()} (later works too). */
    public Worker register(String name, TaskHandler handler) {
        executor.register(name, handler);
        return this;
    }

    /**
     * Runs tasks named {@code name} whose params are JSON of {@code paramsType}; the result is written as JSON.
     * Params that are not such JSON fail the task at once (retrying cannot fix them).
     */
    public <P, R> Worker registerJson(String name, Class<P> paramsType, JsonTaskHandler<P, R> handler) {
        return register(name, (ctx, params) -> {
            P p;
            try {
                p = Json.decode(params, paramsType);
            } catch (TaskException e) {
                throw new PermanentFailureException("params of task '" + name + "' are not JSON of "
                        + paramsType.getName() + ": " + e.getMessage(), e);
            }
            return Json.encode(handler.handle(ctx, p));
        });
    }

    /**
     * Reports claims and ends of runs to {@code metrics} (spool-tasks-dashboard's Prometheus binding, say);
     * {@link TaskMetrics#NONE} by default. Set it before {@link #start()}.
     */
    public Worker metrics(TaskMetrics metrics) {
        TaskMetrics m = Objects.requireNonNull(metrics, "metrics");
        claimers.forEach(c -> c.metrics = m);
        return this;
    }

    /** Starts claiming and running; returns this worker. */
    public Worker start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("worker " + id + " was already started");
        }
        completer.start();
        executor.start();
        keeper.start();
        claimers.forEach(Claimer::start);
        app.notifier().start();
        maintainer.start();
        return this;
    }

    /** Runs being executed now (or whose end is being recorded); not those claimed ahead and waiting for a slot. */
    public int inFlight() {
        int waiting = 0;
        for (Claimer c : claimers) {
            waiting += c.waiting();
        }
        return Math.max(0, runs.size() - waiting);
    }

    /** Runs this worker finished (completed, failed, or found lost) since it started. */
    public int finishedRuns() {
        return runs.finished();
    }

    /** Stops with the configured shutdown timeout. */
    @Override
    public void close() {
        stop(options.shutdownTimeout());
    }

    /**
     * Stops claiming, releases the runs claimed ahead at once, waits up to {@code timeout} for running tasks to
     * finish (their results are recorded), then releases the runs still going back to the queue (another worker
     * takes them; their late results are not written) and interrupts their threads. Returns how many runs were
     * released. Idempotent.
     */
    public int stop(Duration timeout) {
        if (!started.get() || !stopping.compareAndSet(false, true)) {
            return 0;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        claimers.forEach(Claimer::stop);
        maintainer.stop();
        // runs that never started go back now, so other workers need not wait for this one's drain
        List<RunContext> waiting = new ArrayList<>();
        for (Claimer c : claimers) {
            waiting.addAll(c.drainWaiting());
        }
        int released = release(waiting);
        runs.awaitEmpty(deadline);
        List<RunContext> left = new ArrayList<>(runs.all());
        released += release(left);
        executor.stop(left);
        completer.stop();
        keeper.stop();
        app.forget(this);
        return released;
    }

    /** Hands runs back to the queue (marking them lost here); returns how many the database released. */
    private int release(List<RunContext> ctxs) {
        if (ctxs.isEmpty()) {
            return 0;
        }
        long[] ids = new long[ctxs.size()];
        for (int i = 0; i < ids.length; i++) {
            RunContext ctx = ctxs.get(i);
            ctx.lost = true;
            ids[i] = ctx.runId();
        }
        Arrays.sort(ids);
        int released = 0;
        try {
            released = app.pool().query(app.sql.releaseRuns, ids, id).row(0).getInteger("released");
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "worker " + id + " could not release " + ids.length
                    + " runs on stop; their leases will expire instead: " + e);
        }
        for (RunContext ctx : ctxs) {
            if (ctx.thread == null) {  // never started: nothing else will take it out
                runs.forget(ctx);
            }
        }
        return released;
    }

    @Override
    public String toString() {
        return "Worker[" + id + ", " + runs.size() + " running]";
    }
}
