package io.spool.tasks;

import io.spool.pg.Row;
import io.spool.pg.RowSet;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Claims for one queue. It claims when it has free slots and reason to think there is work: a notification, a
 * full previous batch, or the poll interval passing. When the queue is busy and only a few slots are free, it
 * waits a moment for more so that claims stay batched.
 *
 * <p>A slot is a running handler: it frees when the handler returns, not when its end is recorded, so the
 * next claim's round trip overlaps the completions' instead of waiting for them. Runs whose end is still on
 * its way to the database ({@code unrecorded}) stay leased and heartbeated; while a full completion batch of
 * them is pending, claiming waits for the completer. Up to {@link #MAX_CLAIMS_IN_FLIGHT} claims may be on the
 * wire at once, each for slots it has reserved, so slots that free during one claim's round trip are claimed
 * for without waiting for it.
 *
 * <p>It also claims up to {@code claimAhead} runs beyond its slots: they wait, leased, in {@link ClaimedAhead},
 * and a handler that returns starts the next one at once, so handlers do not wait for claims and claims come
 * in batches of about half of concurrency plus claim-ahead.
 */
final class Claimer {
    private static final System.Logger LOG = System.getLogger(Claimer.class.getName());
    /** How long a claimer waits for a batch's worth of free slots (half its concurrency) once some are free. */
    private static final long BATCH_WAIT_NANOS = 2_000_000;
    /** Claims of one queue on the wire at once. */
    private static final int MAX_CLAIMS_IN_FLIGHT = 2;

    private final Application app;
    private final String workerId;
    private final int batchSize;
    private final ActiveRuns runs;
    private final RunExecutor executor;
    private final LeaseKeeper keeper;
    private volatile boolean accepting;
    /** Where this queue's claims and ends are reported (see {@link Worker#metrics}). */
    volatile TaskMetrics metrics = TaskMetrics.NONE;
    private Thread thread;
    final String queue;
    final int concurrency;
    final int claimAhead;
    /** Free places worth a claim of their own; fewer wait up to {@link #BATCH_WAIT_NANOS} for more. */
    final int threshold;
    final AtomicInteger active = new AtomicInteger();
    final AtomicInteger unrecorded = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private final ClaimedAhead ahead = new ClaimedAhead();
    private boolean hint = true;
    private boolean more = true;
    /** The claim loop waits for a first free place (it had none). */
    private boolean wantsPlace;
    private int reserved;
    private int inFlight;
    private long nextPoll = System.nanoTime();
    private long backoff = 50;
    final Runnable wake = this::signal;

    Claimer(Application app, String workerId, String queue, int concurrency, int claimAhead, int batchSize,
            ActiveRuns runs, RunExecutor executor, LeaseKeeper keeper) {
        this.app = app;
        this.workerId = workerId;
        this.queue = queue;
        this.concurrency = concurrency;
        this.claimAhead = claimAhead;
        this.batchSize = batchSize;
        this.threshold = Math.max(1, Math.min(batchSize, (concurrency + claimAhead) / 2));
        this.runs = runs;
        this.executor = executor;
        this.keeper = keeper;
    }

    /** Starts claiming on a thread of its own, woken by the queue's spawn notifications and by its poll. */
    void start() {
        accepting = true;
        app.notifier().onSpawn(queue, wake);
        thread = Thread.ofVirtual().name("spool-tasks-claim-" + workerId + "-" + queue).start(this::loop);
    }

    /**
     * Stops claiming and starting waiting runs, and joins the thread once the claims on the wire have answered
     * (their runs are then among the waiting ones, for {@link #drainWaiting()}).
     */
    void stop() {
        accepting = false;
        app.notifier().offSpawn(queue, wake);
        wake.run();
        StopSignal.join(thread, 5000);
    }

    /** A run just claimed: starts it if a slot is free (and none waits before it), else it waits for one. */
    void offer(RunContext ctx, byte[] params) {
        boolean start;
        lock.lock();
        try {
            start = accepting && ahead.isEmpty() && active.get() < concurrency;
            if (start) {
                active.incrementAndGet();  // only ever incremented under the lock: never past concurrency
            } else {
                ahead.add(ctx, params);
            }
        } finally {
            lock.unlock();
        }
        if (start) {
            executor.launch(ctx, params);
        }
    }

    /**
     * Starts waiting runs while slots are free, drops those no longer worth starting, and wakes the claim loop
     * if the places now free are worth a claim. Called whenever a place may have freed.
     */
    void startWaiting() {
        List<RunContext> dropped = new ArrayList<>(0);
        while (true) {
            ClaimedAhead.Claimed next = null;
            lock.lock();
            try {
                if (accepting && active.get() < concurrency && !ahead.isEmpty()) {
                    next = ahead.next(System.nanoTime(), dropped);
                    if (next != null) {
                        active.incrementAndGet();
                    }
                }
                if (next == null) {
                    wakeIfWorthIt();
                }
            } finally {
                lock.unlock();
            }
            if (next == null) {
                break;
            }
            executor.launch(next.ctx(), next.params());
        }
        for (RunContext ctx : dropped) {
            runs.forget(ctx);
            LOG.log(System.Logger.Level.DEBUG, "worker " + workerId + " did not start run " + ctx.runId() + " of task "
                    + ctx.taskId() + ": " + (ctx.cancelled ? "cancelled" : "its lease was lost") + " while it waited");
        }
    }

    /**
     * Wakes the claim loop (call with the lock held) when it can act on the places free now: its first free
     * place, or enough for a batch. Not on every end: under load that woke it once per task for nothing.
     */
    private void wakeIfWorthIt() {
        if (inFlight >= MAX_CLAIMS_IN_FLIGHT || !(more || hint)) {
            return;  // claimed() or a notification / the poll wakes it
        }
        int free = free();
        if (free >= threshold || (wantsPlace && free > 0)) {
            wantsPlace = false;
            changed.signalAll();
        }
    }

    /** Claimed runs waiting for a slot. */
    int waiting() {
        lock.lock();
        try {
            return ahead.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes out the runs waiting for a slot (the worker stops; they are released). */
    List<RunContext> drainWaiting() {
        lock.lock();
        try {
            return ahead.drain();
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            hint = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A handler returned: its slot is free (a waiting run takes it); its end is yet to be recorded. */
    void handlerDone() {
        unrecorded.incrementAndGet();
        active.decrementAndGet();
        startWaiting();
    }

    /** A run is over: recorded (after {@link #handlerDone()}), or ended without its handler returning. */
    void taskDone(boolean handlerReturned) {
        (handlerReturned ? unrecorded : active).decrementAndGet();
        startWaiting();
    }

    /**
     * Runs to claim (call with the lock held): places not taken by running, waiting or reserved runs, while
     * not too many ends wait to be recorded.
     */
    private int free() {
        return Math.min(concurrency + claimAhead - active.get() - ahead.size() - reserved,
                BatchCompleter.MAX_BATCH - unrecorded.get());
    }

    void loop() {
        long pollNanos = app.config().pollInterval().toNanos();
        int batch = batchSize;
        try {
            while (accepting) {
                int n = 0;
                lock.lock();
                try {
                    long batchDeadline = 0;  // when waiting for enough free slots to make a batch ends
                    while (accepting) {
                        if (hint) {
                            hint = false;
                            more = true;
                        }
                        long now = System.nanoTime();
                        if (now - nextPoll >= 0) {
                            more = true;
                        }
                        int free = free();
                        if (free > 0 && more && inFlight < MAX_CLAIMS_IN_FLIGHT) {
                            if (free < threshold && active.get() + unrecorded.get() + reserved + ahead.size() > 0) {
                                if (batchDeadline == 0) {
                                    batchDeadline = now + BATCH_WAIT_NANOS;
                                }
                                if (batchDeadline - now > 0) {  // woken early when a batch's worth is free
                                    changed.awaitNanos(batchDeadline - now);
                                    continue;
                                }
                            }
                            n = Math.min(free, batch);
                            reserved += n;
                            inFlight++;
                            break;
                        }
                        // no free slot: the first end signals; a claim on the wire: its answer does; no work
                        // known: a notification or the poll does
                        wantsPlace = free <= 0;
                        changed.awaitNanos(free > 0 && more ? pollNanos
                                : free > 0 ? Math.max(1, nextPoll - now) : pollNanos);
                    }
                } finally {
                    lock.unlock();
                }
                if (n > 0 && !accepting) {  // stopped meanwhile: do not claim
                    claimed(n, 0, 0);
                    n = 0;
                }
                if (n == 0) {
                    break;
                }
                int count = n;
                Thread.ofVirtual().name("spool-tasks-claim-" + workerId + "-" + queue + "-call")
                        .start(() -> claimReserved(count, pollNanos));
            }
            lock.lock();
            try {
                while (inFlight > 0) {  // stop() joins this thread: let it see the last claims' runs
                    changed.await();
                }
            } finally {
                lock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One claim of {@code n} reserved slots; hands the reservation back when the answer is in. */
    private void claimReserved(int n, long pollNanos) {
        int got = -1;
        try {
            got = claim(n);
        } catch (RuntimeException e) {
            long pause;
            lock.lock();
            try {
                pause = backoff;
                backoff = Math.min(backoff * 2, 2000);
            } finally {
                lock.unlock();
            }
            LOG.log(pause == 50 ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                    "worker " + workerId + " could not claim from queue " + queue + "; retrying in " + pause
                            + " ms: " + e.getMessage());
            try {
                Thread.sleep(pause);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        } finally {
            claimed(n, got, pollNanos);
        }
    }

    /** A claim of {@code n} reserved slots got {@code got} runs (-1: it failed): the reservation ends. */
    private void claimed(int n, int got, long pollNanos) {
        lock.lock();
        try {
            reserved -= n;
            inFlight--;
            if (got >= 0) {
                more = got == n;
                backoff = 50;
                nextPoll = System.nanoTime() + pollNanos;
            } else {
                more = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** One claim of up to {@code n} runs of the names the executor can run; returns how many it got. */
    private int claim(int n) {
        long claimedAt = System.nanoTime();
        RowSet rows = app.pool().query(app.sql.claim, queue, workerId, n, executor.names());
        for (Row r : rows) {
            Rows.ClaimedRun run = Rows.claimed(r);
            RunContext ctx = new RunContext(app, workerId, keeper, this, run, queue, claimedAt);
            metrics.claimed(queue, run.name(), run.waited() == null ? 0 : Math.max(0, run.waited().toNanos()));
            runs.add(ctx);  // leased from now on: the lease keeper covers it while it waits
            offer(ctx, run.params());
        }
        startWaiting();  // a slot may have freed while the answer was read
        return rows.size();
    }
}
