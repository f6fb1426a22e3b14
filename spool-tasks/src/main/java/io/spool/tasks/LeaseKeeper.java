package io.spool.tasks;

import io.spool.pg.Row;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Keeps the leases of a worker's runs: on a platform thread of its own (virtual threads are not time-sliced, so
 * handlers busy on every carrier would starve it), it extends in one statement the leases that have used up a
 * third of their time, and learns on the way of cancellations and lost leases, which it marks on the runs. A
 * cancellation notification marks a run at once.
 */
final class LeaseKeeper {
    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());

    private final Application app;
    private final String workerId;
    private final ActiveRuns runs;
    private final LongConsumer cancelListener = this::cancelled;
    private final StopSignal signal = new StopSignal();
    private Thread thread;

    LeaseKeeper(Application app, String workerId, ActiveRuns runs) {
        this.app = app;
        this.workerId = workerId;
        this.runs = runs;
    }

    void start() {
        app.notifier().onCancel(cancelListener);
        thread = Thread.ofPlatform().daemon().name("spool-tasks-heartbeat-" + workerId).start(this::loop);
    }

    /** Stops extending (not by interrupt: the loop may be using a pooled connection) and joins the thread. */
    void stop() {
        signal.stop();
        app.notifier().offCancel(cancelListener);
        StopSignal.join(thread, 2000);
    }

    private void loop() {
        while (signal.running()) {
            long minLease = Long.MAX_VALUE;
            long now = System.nanoTime();
            List<RunContext> due = new ArrayList<>();
            for (RunContext ctx : runs.all()) {
                long lease = ctx.lease.toNanos();
                minLease = Math.min(minLease, lease);
                if (!ctx.lost && !ctx.cancelled && ctx.leaseDeadlineNanos - now < lease * 2 / 3) {
                    due.add(ctx);
                }
            }
            if (!due.isEmpty()) {
                try {
                    extend(due, null);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "worker " + workerId + " heartbeat failed: " + e.getMessage());
                }
            }
            long tick = minLease == Long.MAX_VALUE ? 200_000_000L
                    : Math.max(20_000_000L, Math.min(minLease / 6, 1_000_000_000L));
            signal.pause(tick);
        }
    }

    /**
     * Extends the leases of {@code ctxs} now, by {@code lease} (null: each task's own), and marks each run
     * extended (its new deadline on the monotonic clock), cancelled or lost.
     */
    void extend(List<RunContext> ctxs, Duration lease) {
        long[] ids = new long[ctxs.size()];
        Map<Long, RunContext> byRun = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ctxs.get(i).runId();
            byRun.put(ids[i], ctxs.get(i));
        }
        Arrays.sort(ids);
        long sentAt = System.nanoTime();
        for (Row r : app.pool().query(app.sql.extendLeases, ids, workerId, lease)) {
            Rows.RunAnswer a = Rows.answer(r);
            RunContext ctx = byRun.get(a.runId());
            switch (a.outcome()) {
                case EXTENDED -> ctx.leaseDeadlineNanos = sentAt + (lease != null ? lease : ctx.lease).toNanos();
                case CANCELLED -> ctx.cancelled = true;
                default -> ctx.lost = true;
            }
        }
    }

    private void cancelled(long runId) {
        RunContext ctx = runs.get(runId);
        if (ctx != null) {
            ctx.cancelled = true;
        }
    }
}
