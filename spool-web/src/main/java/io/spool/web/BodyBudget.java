package io.spool.web;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server-wide cap on bytes held for request bodies: from the moment a body is admitted until its exchange
 * ends. Each connection may hold up to the body limit; without this cap, many slow clients each holding a large
 * body unfinished could take all the memory there is. A body with a Content-Length is admitted whole or not at
 * all, so admitted uploads can finish; a chunked body is admitted piece by piece.
 */
final class BodyBudget {
    private final long capacity;
    private final AtomicLong held = new AtomicLong();

    BodyBudget(long capacity) {
        this.capacity = capacity;
    }

    /** A quarter of the heap, and at least one body of the largest size allowed. */
    static long defaultCapacity(long maxBodySize) {
        return Math.max(maxBodySize, Runtime.getRuntime().maxMemory() / 4);
    }

    boolean tryReserve(long bytes) {
        while (true) {
            long now = held.get();
            if (now + bytes > capacity) {
                return false;
            }
            if (held.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        if (bytes > 0) {
            held.addAndGet(-bytes);
        }
    }

    long held() {
        return held.get();
    }

    long capacity() {
        return capacity;
    }
}
