package io.spool.web;

/**
 * A request the pipeline refused before any handler saw it (too large, too slow, malformed, no room for its
 * body); it queues behind earlier pipelined requests so that its error answer keeps the order, and the
 * connection closes after it. {@code retryAfterSeconds} above 0 adds a {@code Retry-After} header.
 */
record Rejected(int status, String message, int retryAfterSeconds) {
    Rejected(int status, String message) {
        this(status, message, 0);
    }

    /** A request refused while it was read: a 400 says it is malformed, other statuses speak for themselves. */
    static Rejected whileReading(int status, String message) {
        return new Rejected(status, status == 400 ? "malformed request: " + message : message);
    }
}
