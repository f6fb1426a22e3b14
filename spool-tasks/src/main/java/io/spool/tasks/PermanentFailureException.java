package io.spool.tasks;

/**
 * Thrown by a handler to fail its task at once, without the remaining retries: the task goes to the
 * {@link TaskState#DEAD} state with this exception's message as its error. Use it for input that can never
 * succeed; any other exception is retried with backoff.
 */
public class PermanentFailureException extends RuntimeException {

    public PermanentFailureException(String message) {
        super(message);
    }

    public PermanentFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
