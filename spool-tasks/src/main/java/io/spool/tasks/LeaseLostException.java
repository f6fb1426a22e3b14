package io.spool.tasks;

/**
 * The worker no longer holds the run it was working on: its lease expired (it stopped heartbeating long enough
 * for the run to be handed to another worker), the run was released on stop, or the task was cancelled
 * ({@link #cancelled()}). Whatever the handler computes after this is not written. Thrown by
 * {@link TaskContext#heartbeat()} and by durable steps, so a handler that meets it should simply return.
 */
public class LeaseLostException extends TaskException {
    private final long runId;
    private final boolean cancelled;

    public LeaseLostException(long runId, boolean cancelled, String message) {
        super(message);
        this.runId = runId;
        this.cancelled = cancelled;
    }

    public long runId() {
        return runId;
    }

    /** True when the task was cancelled, rather than the lease lost to time or another worker. */
    public boolean cancelled() {
        return cancelled;
    }
}
