package io.spool.web;

/**
 * One event loop's count of requests waiting for their handlers. A loop spool-web made looks at it before it
 * blocks: while one is in flight, an answer (from the handler, or from a database the handler waits for) may be
 * moments away, and the loop polls a while instead ({@link VirtualLoopHandler}, {@link PlatformLoopHandler}).
 *
 * <p>Only the loop's thread uses it; connections find their loop's through {@link #current()}.
 */
final class LoopRequests {
    private static final ThreadLocal<LoopRequests> OF_LOOP = new ThreadLocal<>();

    private int inFlight;

    /** The requests of the event loop running this code, or null on a loop spool-web did not make. */
    static LoopRequests current() {
        return OF_LOOP.get();
    }

    /** Makes this the loop's own: called on the loop's thread as it starts. */
    void bindToThisThread() {
        OF_LOOP.set(this);
    }

    void started() {
        inFlight++;
    }

    void finished() {
        inFlight--;
    }

    boolean any() {
        return inFlight > 0;
    }

    int inFlight() {
        return inFlight;
    }
}
