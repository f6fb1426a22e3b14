package io.spool.memes.http;

/**
 * The render pool's queue is full: the client should come back later. Answered with 503 and a
 * {@code Retry-After} of {@link #retryAfterSeconds()} seconds.
 */
public final class OverloadedException extends RuntimeException {
    private final int retryAfterSeconds;

    public OverloadedException(String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
