package io.spool.jdbc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fires {@code setQueryTimeout}'s cancels: one daemon timer thread for the whole driver, whose task only starts
 * a virtual thread that sends the CancelRequest (a socket connect must not hold up the timer).
 */
final class Timeouts {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "spool-jdbc-query-timeouts");
        t.setDaemon(true);
        return t;
    });

    private Timeouts() {}

    /** Runs {@code cancel} after {@code seconds} unless the returned handle is cancelled first; null for 0. */
    static ScheduledFuture<?> after(int seconds, Runnable cancel) {
        if (seconds <= 0) {
            return null;
        }
        return TIMER.schedule(() -> Thread.ofVirtual().name("spool-jdbc-cancel").start(cancel), seconds, TimeUnit.SECONDS);
    }

    static void disarm(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
