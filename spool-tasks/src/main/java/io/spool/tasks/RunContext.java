package io.spool.tasks;

import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The {@link TaskContext} of one claimed run, and the worker's record of it: the lease deadline on the local
 * monotonic clock (so heartbeats do not depend on clocks agreeing), whether the run was lost or cancelled, and
 * the durable steps loaded for it.
 */
final class RunContext implements TaskContext {
    private final Application app;
    private final String workerId;
    private final LeaseKeeper keeper;
    private final long taskId;
    private final long runId;
    private final int attempt;
    private final String taskName;
    private final String queue;
    private final String headersJson;
    final Duration lease;
    final Claimer claimer;
    volatile long leaseDeadlineNanos;
    volatile boolean cancelled;
    volatile boolean lost;
    volatile Thread thread;
    /** How long the handler ran, for {@link TaskMetrics} (set when it returns). */
    volatile long handlerNanos;
    private Map<String, String> headers;
    /** Step results stored for this task, loaded on the first step; guarded by stepLock. */
    private Map<String, byte[]> steps;
    /** A handler may run steps from threads of its own; the map (which holds nulls) is not concurrent. */
    private final ReentrantLock stepLock = new ReentrantLock();

    RunContext(Application app, String workerId, LeaseKeeper keeper, Claimer claimer, Rows.ClaimedRun run,
               String queue, long claimedAtNanos) {
        this.app = app;
        this.workerId = workerId;
        this.keeper = keeper;
        this.claimer = claimer;
        this.taskId = run.taskId();
        this.runId = run.runId();
        this.attempt = run.attempt();
        this.taskName = run.name();
        this.queue = queue;
        this.headersJson = run.headersJson();
        this.lease = run.lease();
        this.leaseDeadlineNanos = claimedAtNanos + lease.toNanos();
    }

    /** Reports this run's end to the worker's {@link TaskMetrics}. */
    void reportEnd(TaskMetrics.RunEnd end) {
        claimer.metrics.ended(queue, taskName, end, handlerNanos);
    }

    @Override
    public long taskId() {
        return taskId;
    }

    @Override
    public long runId() {
        return runId;
    }

    @Override
    public int attempt() {
        return attempt;
    }

    @Override
    public String taskName() {
        return taskName;
    }

    @Override
    public String queue() {
        return queue;
    }

    @Override
    public String workerId() {
        return workerId;
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> h = headers;
        if (h == null) {
            h = Json.headers(headersJson);
            headers = h;
        }
        return h;
    }

    @Override
    public void heartbeat() {
        heartbeat(null);
    }

    @Override
    public void heartbeat(Duration lease) {
        checkHeld();
        keeper.extend(List.of(this), lease);
        checkHeld();
    }

    @Override
    public boolean isCancelled() {
        return cancelled || lost;
    }

    void checkHeld() {
        if (cancelled || lost) {
            throw lostException();
        }
    }

    LeaseLostException lostException() {
        return cancelled
                ? new LeaseLostException(runId, true, "task " + taskId + " was cancelled; run " + runId
                + " stops and its result is not written")
                : new LeaseLostException(runId, false, "lease lost: run " + runId + " of task " + taskId
                + " is no longer held by worker " + workerId + " (its lease expired, or it was released)");
    }

    @Override
    public byte[] step(String name, Step<byte[]> body) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a step needs a name");
        }
        stepLock.lock();
        try {
            Map<String, byte[]> done = steps();
            if (done.containsKey(name)) {
                return done.get(name);
            }
        } finally {
            stepLock.unlock();
        }
        checkHeld();
        byte[] value;
        try {
            value = body.run();
        } catch (Exception e) {
            throw RunContext.<RuntimeException>sneaky(e);  // the handler's own failure, retried like any other
        }
        switch (Rows.outcome(app.pool().query(app.sql.saveStep, runId, workerId, name, value))) {
            case SAVED -> remember(name, value);
            case EXISTS -> {
                // another run of this task (or thread of this handler) stored it first: that value is the step's
                Map<String, byte[]> stored = Rows.steps(app.pool().query(app.sql.loadStep, taskId, name));
                value = stored.getOrDefault(name, value);
                remember(name, value);
            }
            case CANCELLED -> {
                cancelled = true;
                throw lostException();
            }
            default -> {
                lost = true;
                throw lostException();
            }
        }
        return value;
    }

    @Override
    public <T> T step(String name, Class<T> type, Step<T> body) {
        return jsonStep(name, type.getName(), bytes -> Json.decode(bytes, type), body);
    }

    @Override
    public <T> T step(String name, TypeReference<T> type, Step<T> body) {
        return jsonStep(name, type.getType().getTypeName(), bytes -> Json.decode(bytes, type), body);
    }

    /**
     * A step whose value is stored as JSON. The value is written and read back before it is stored, so a value
     * that cannot make the round trip fails the run for good (running the body again would not help) instead of
     * being stored and failing every later attempt; a stored value that cannot be read fails for good too, naming
     * the way to drop it.
     */
    private <T> T jsonStep(String name, String typeName, Function<byte[], T> decode, Step<T> body) {
        byte[] stored = step(name, () -> {
            T value = body.run();
            byte[] json;
            try {
                json = Json.encode(value);
                decode.apply(json);
            } catch (TaskException e) {
                throw new PermanentFailureException("the value of step '" + name + "' of task " + taskId
                        + " cannot be stored: it does not make the round trip through JSON as " + typeName + " ("
                        + e.getMessage() + "); nothing was stored", e);
            }
            return json;
        });
        try {
            return decode.apply(stored);
        } catch (TaskException e) {
            throw new PermanentFailureException("the stored value of step '" + name + "' of task " + taskId
                    + " cannot be read as " + typeName + " (" + e.getMessage() + "); drop the task's steps with "
                    + "app.resetSteps(" + taskId + ") or SELECT " + app.schema() + ".reset_steps(" + taskId
                    + "), then retry the task", e);
        }
    }

    private void remember(String name, byte[] value) {
        stepLock.lock();
        try {
            steps.put(name, value);
        } finally {
            stepLock.unlock();
        }
    }

    private Map<String, byte[]> steps() {
        if (steps == null) {
            steps = Rows.steps(app.pool().query(app.sql.loadSteps, taskId));
        }
        return steps;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
