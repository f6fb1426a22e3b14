package io.spool.tasks;

/**
 * The code that runs a task: given the run's context and the task's params, returns the result bytes (may be
 * empty or {@code null}). It runs on its own virtual thread, so blocking is fine. A thrown exception fails the
 * attempt (retried with backoff until the attempts run out, then the task is dead with the error's text);
 * {@link PermanentFailureException} fails it at once; {@link LeaseLostException} means nothing more is written.
 */
@FunctionalInterface
public interface TaskHandler {
    byte[] handle(TaskContext ctx, byte[] params) throws Exception;
}
