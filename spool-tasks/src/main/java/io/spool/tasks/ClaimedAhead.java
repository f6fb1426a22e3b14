package io.spool.tasks;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The runs a queue's worker claimed ahead of its free slots, oldest first: a slot that frees starts the next one
 * at once instead of waiting for a claim's round trip. They are leased like running runs (the heartbeat extends
 * them), and a run is only handed out while it is still worth starting: one whose lease expired (the heartbeat
 * could not reach the database), whose task was cancelled or whose lease was lost is dropped, never run. Not
 * thread-safe: its queue runner guards it with its lock.
 */
final class ClaimedAhead {
    /** A claimed run and its params, waiting for a slot. */
    record Claimed(RunContext ctx, byte[] params) {}

    private final ArrayDeque<Claimed> runs = new ArrayDeque<>();

    void add(RunContext ctx, byte[] params) {
        runs.add(new Claimed(ctx, params));
    }

    int size() {
        return runs.size();
    }

    boolean isEmpty() {
        return runs.isEmpty();
    }

    /**
     * The oldest run still worth starting at {@code nowNanos} (the monotonic clock of the lease deadlines), or
     * null; the runs passed over on the way are added to {@code dropped}.
     */
    Claimed next(long nowNanos, List<RunContext> dropped) {
        Claimed c;
        while ((c = runs.poll()) != null) {
            RunContext ctx = c.ctx();
            if (!ctx.lost && !ctx.cancelled && ctx.leaseDeadlineNanos - nowNanos > 0) {
                return c;
            }
            dropped.add(ctx);
        }
        return null;
    }

    /** Takes every waiting run out (a stopping worker releases them). */
    List<RunContext> drain() {
        List<RunContext> all = new ArrayList<>(runs.size());
        for (Claimed c : runs) {
            all.add(c.ctx());
        }
        runs.clear();
        return all;
    }
}
