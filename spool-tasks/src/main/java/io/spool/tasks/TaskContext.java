package io.spool.tasks;

import com.fasterxml.jackson.core.type.TypeReference;

import java.time.Duration;
import java.util.Map;

/**
 * What a handler knows and can do about the run it executes: ids, attempt number, headers; {@link #heartbeat()}
 * to extend the lease now (the worker also extends it on its own while the handler runs);
 * {@link #isCancelled()}; and durable steps. A step runs its body once per task: its result is stored, and a
 * later run of the same task (a retry, or a re-run after a crash) gets the stored value back without running the
 * body again, which is how long multi-step work survives failures (durable execution). Step names must be unique
 * within a task and the handler must reach them in a deterministic way.
 */
public interface TaskContext {

    long taskId();

    long runId();

    /** 1 for the first run, then one more for each retry (a run released by a stopping worker keeps it). */
    int attempt();

    String taskName();

    String queue();

    String workerId();

    Map<String, String> headers();

    /**
     * Extends this run's lease now by the task's lease duration.
     *
     * @throws LeaseLostException when the run is no longer this worker's (or the task was cancelled)
     */
    void heartbeat();

    /** Extends the lease by {@code lease} from now, e.g. before a step known to take long. */
    void heartbeat(Duration lease);

    /** True once the worker learned the task was cancelled (or the lease is lost): stop soon, nothing is kept. */
    boolean isCancelled();

    /** A durable step whose value is bytes. */
    byte[] step(String name, Step<byte[]> body);

    /** A durable step whose value is stored as JSON and read back as {@code type}. */
    <T> T step(String name, Class<T> type, Step<T> body);

    /** A durable step of a generic type, e.g. {@code new TypeReference<List<String>>() {}}. */
    <T> T step(String name, TypeReference<T> type, Step<T> body);
}
