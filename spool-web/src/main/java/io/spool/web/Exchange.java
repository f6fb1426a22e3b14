package io.spool.web;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request in flight: its context, the thread running its handler, and who answers it. The handler's
 * thread and the deadline timer race to answer; whoever moves the state first writes the response and the
 * other stays silent (a timed-out handler's result is dropped, and its thread is interrupted).
 */
final class Exchange {
    private static final int RUNNING = 0;
    private static final int ANSWERED = 1;
    private static final int TIMED_OUT = 2;

    final Context ctx;
    final long startNanos = System.nanoTime();
    private final boolean head;
    private final boolean http10;
    private final boolean mayCompress;
    private volatile boolean keepAlive;
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private volatile Thread thread;
    private volatile int status;

    /** The bytes of the server's body budget this request's body holds until the exchange ends. */
    final long budgeted;

    Exchange(Context ctx, boolean keepAlive, boolean http10, boolean compression, long budgeted) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.http10 = http10;
        this.mayCompress = compression && !http10;   // HTTP/1.0 gets no chunks, so no compressed streams
        this.budgeted = budgeted;
        this.head = ctx.method().equals("HEAD");
    }

    boolean head() {
        return head;
    }

    boolean http10() {
        return http10;
    }

    /** Whether the server compresses and this client's version allows it (the client may still not ask). */
    boolean mayCompress() {
        return mayCompress;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** Asks for {@code Connection: close} on a response not yet started (a draining server). */
    void closeAfter() {
        keepAlive = false;
    }

    void runningOn(Thread t) {
        thread = t;
        if (state.get() == TIMED_OUT) {
            t.interrupt();   // the deadline passed before the thread was known
        }
    }

    /** The handler's side: true when it may write its response. */
    boolean answer(int status) {
        if (!state.compareAndSet(RUNNING, ANSWERED)) {
            return false;
        }
        this.status = status;
        return true;
    }

    /**
     * The deadline's side, or a departed client's: true when the handler had not answered; its thread is
     * interrupted.
     */
    boolean expire(int status) {
        if (!state.compareAndSet(RUNNING, TIMED_OUT)) {
            return false;
        }
        this.status = status;
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
        return true;
    }

    boolean answered() {
        return state.get() != RUNNING;
    }

    int status() {
        return status;
    }
}
