package io.spool.web;

/**
 * Which threads carry a server's event loops and its handlers' virtual threads. Every mode runs each handler on
 * a virtual thread of its own; they differ in where that thread runs and where the loop that parsed its request
 * does. {@link #best()} is the default: the first of the three this JVM supports.
 */
public enum Threading {
    /**
     * Platform event loops carry the handlers' virtual threads: a handler runs on the thread of the loop that
     * read its request, as a task of that loop, and its answer is written there too, so a request never crosses
     * to another thread. The loops wait in {@code epoll_wait} as plain Netty does. The fastest mode (about raw
     * Netty's requests per second on 2 cores). It needs the JDK-internal constructor of a virtual thread with
     * a scheduler of its own: run with {@code --add-opens java.base/java.lang=ALL-UNNAMED}. A handler that
     * computes for long or blocks its carrier (in native code, or in file I/O, which the JDK does not hand off
     * for such threads) holds up the other connections of its loop; put such work on a pool of its own.
     */
    LOOP_CARRIERS,
    /**
     * Event loops on virtual threads beside the handlers, all on the JDK's scheduler (JDK 25 and later, whose
     * selector parks a virtual thread rather than its carrier): no hand-off between two schedulers, and work
     * stealing between carriers. Handlers that compute without blocking on every carrier delay the loops.
     */
    VIRTUAL_LOOPS,
    /**
     * Platform event loops; handlers on the JDK's scheduler. Each request crosses from its loop to a carrier
     * and back, the slowest mode, but the loops answer deadlines and bad input on time whatever the handlers do.
     */
    PLATFORM_LOOPS;

    /** Whether this JVM can run servers this way. */
    public boolean supported() {
        return switch (this) {
            case LOOP_CARRIERS -> LoopCarriers.SUPPORTED;
            case VIRTUAL_LOOPS -> EventLoops.VIRTUAL_SUPPORTED;
            case PLATFORM_LOOPS -> true;
        };
    }

    /** The first mode this JVM supports, in the order declared. */
    public static Threading best() {
        for (Threading t : values()) {
            if (t.supported()) {
                return t;
            }
        }
        throw new AssertionError("platform loops are always supported");
    }
}
