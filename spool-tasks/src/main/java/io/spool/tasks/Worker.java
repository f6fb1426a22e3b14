package io.spool.tasks;

import io.spool.pg.PgException;
import io.spool.pg.Row;
import io.spool.pg.RowSet;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongConsumer;

/**
 * Runs tasks: register a handler per task name, {@link #start()}, and the worker claims runs from its queues (up to
 * each queue's concurrency at once plus some claimed ahead, in batches, one round trip per claim), runs each on its
 * own virtual thread, extends the leases of running and waiting runs in one batched heartbeat, and records
 * completions in batches (one round trip for many). A notification wakes it when tasks are spawned; it also polls. With schedules on, it fires periodic
 * tasks; with cleanup on, it applies retention. {@link #stop(Duration)} stops claiming, lets running tasks finish
 * until the deadline and releases the rest back to the queue.
 */
public final class Worker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Worker.class.getName());
    private static final int MAX_COMPLETION_BATCH = 1000;
    /**
     * The largest result a handler may return: PostgreSQL refuses a protocol message over 1 GB by closing the
     * connection, which would look like a lost connection and be retried without end.
     */
    static final int MAX_RESULT_BYTES = 256 << 20;
    /** Results sent in one completion statement at most (a batch with more is split), for the same reason. */
    private static final long MAX_BATCH_RESULT_BYTES = 64 << 20;
    private static final int MAX_ERROR_CHARS = 8000;
    /** How long a claimer waits for a batch's worth of free slots (half its concurrency) once some are free. */
    private static final long BATCH_WAIT_NANOS = 2_000_000;
    /** Claims of one queue on the wire at once. */
    private static final int MAX_CLAIMS_IN_FLIGHT = 2;

    private final Application app;
    private final String id;
    private final WorkerOptions options;
    private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
    /** The names of {@link #handlers}, sent with each claim: a worker claims only tasks it can run. */
    private volatile String[] handlerNames = new String[0];
    private final Map<Long, RunContext> running = new ConcurrentHashMap<>();
    private final List<QueueRunner> runners = new ArrayList<>();
    private final LinkedBlockingQueue<Finish> finishes = new LinkedBlockingQueue<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ReentrantLock stateLock = new ReentrantLock();
    private final Condition idle = stateLock.newCondition();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger finishedRuns = new AtomicInteger();
    private final LongConsumer cancelListener = this::cancelled;
    private volatile boolean accepting;
    /** After a stop gave up on them, late finishes are not sent: their runs were released. */
    private volatile boolean completerGone;
    private Thread completer;
    private final Maintainer maintainer;

    Worker(Application app, String id, WorkerOptions options) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a worker needs an id");
        }
        this.app = app;
        this.id = id;
        this.options = options;
        Map<String, Integer> queues = options.queues().isEmpty() ? app.config().queues() : options.queues();
        if (queues.isEmpty()) {
            throw new IllegalArgumentException("worker " + id + " has no queue to serve");
        }
        queues.forEach((q, n) -> runners.add(new QueueRunner(q, n, options.claimAheadFor(n))));
        maintainer = new Maintainer(app, id, options.clock(), options.runSchedules(), options.runCleanup());
    }

    public String id() {
        return id;
    }

    Application app() {
        return app;
    }

    /** Runs tasks named {@code name} with {@code handler}; register before {@link #start()} (later works too). */
    public Worker register(String name, TaskHandler handler) {
        stateLock.lock();  // two registrations at once must not lose a name
        try {
            if (handlers.putIfAbsent(name, handler) != null) {
                throw new IllegalStateException("worker " + id + " already has a handler for task '" + name + "'");
            }
            handlerNames = handlers.keySet().stream().sorted().toArray(String[]::new);
        } finally {
            stateLock.unlock();
        }
        return this;
    }

    /**
     * Runs tasks named {@code name} whose params are JSON of {@code paramsType}; the result is written as JSON.
     * Params that are not such JSON fail the task at once (retrying cannot fix them).
     */
    public <P, R> Worker registerJson(String name, Class<P> paramsType, JsonTaskHandler<P, R> handler) {
        return register(name, (ctx, params) -> {
            P p;
            try {
                p = Json.decode(params, paramsType);
            } catch (TaskException e) {
                throw new PermanentFailureException("params of task '" + name + "' are not JSON of "
                        + paramsType.getName() + ": " + e.getMessage(), e);
            }
            return Json.encode(handler.handle(ctx, p));
        });
    }

    /** Starts claiming and running; returns this worker. */
    public Worker start() {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("worker " + id + " was already started");
        }
        accepting = true;
        Notifier notifier = app.notifier();
        notifier.onCancel(cancelListener);
        for (QueueRunner r : runners) {
            notifier.onSpawn(r.queue, r.wake);
        }
        notifier.start();
        completer = Thread.ofVirtual().name("spool-tasks-complete-" + id).start(this::completeLoop);
        // a platform thread: virtual threads are not time-sliced, so handlers busy on every carrier would starve it
        threads.add(Thread.ofPlatform().daemon().name("spool-tasks-heartbeat-" + id).start(this::heartbeatLoop));
        for (QueueRunner r : runners) {
            threads.add(Thread.ofVirtual().name("spool-tasks-claim-" + id + "-" + r.queue).start(r::loop));
        }
        maintainer.start();
        return this;
    }

    /** Runs being executed now (or whose end is being recorded); not those claimed ahead and waiting for a slot. */
    public int inFlight() {
        int waiting = 0;
        for (QueueRunner r : runners) {
            waiting += r.waiting();
        }
        return Math.max(0, running.size() - waiting);
    }

    /** Runs this worker finished (completed, failed, or found lost) since it started. */
    public int finishedRuns() {
        return finishedRuns.get();
    }

    /** Stops with the configured shutdown timeout. */
    @Override
    public void close() {
        stop(options.shutdownTimeout());
    }

    /**
     * Stops claiming, releases the runs claimed ahead at once, waits up to {@code timeout} for running tasks to
     * finish (their results are recorded), then releases the runs still going back to the queue (another worker
     * takes them; their late results are not written) and interrupts their threads. Returns how many runs were
     * released. Idempotent.
     */
    public int stop(Duration timeout) {
        if (!started.get() || !stopping.compareAndSet(false, true)) {
            return 0;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        accepting = false;
        for (QueueRunner r : runners) {
            app.notifier().offSpawn(r.queue, r.wake);
            r.wake.run();
        }
        maintainer.stop();
        for (Thread t : threads) {
            if (t.getName().startsWith("spool-tasks-claim")) {
                join(t, 5000);
            }
        }
        // runs that never started go back now, so other workers need not wait for this one's drain
        List<RunContext> waiting = new ArrayList<>();
        for (QueueRunner r : runners) {
            waiting.addAll(r.drainWaiting());
        }
        int released = release(waiting);
        stateLock.lock();
        try {
            long left;
            while (!running.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                idle.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stateLock.unlock();
        }
        List<RunContext> left = new ArrayList<>(running.values());
        released += release(left);
        for (RunContext ctx : left) {
            Thread t = ctx.thread;
            if (t != null) {
                t.interrupt();
            }
        }
        completerGone = true;
        for (Thread t : threads) {
            join(t, 2000);
        }
        join(completer, 5000);
        app.notifier().offCancel(cancelListener);
        app.forget(this);
        return released;
    }

    /** Hands runs back to the queue (marking them lost here); returns how many the database released. */
    private int release(List<RunContext> ctxs) {
        if (ctxs.isEmpty()) {
            return 0;
        }
        long[] ids = new long[ctxs.size()];
        for (int i = 0; i < ids.length; i++) {
            RunContext ctx = ctxs.get(i);
            ctx.lost = true;
            ids[i] = ctx.runId();
        }
        Arrays.sort(ids);
        int released = 0;
        try {
            released = app.pool().query(app.sql.releaseRuns, ids, id).row(0).getInteger(0);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "worker " + id + " could not release " + ids.length
                    + " runs on stop; their leases will expire instead: " + e);
        }
        for (RunContext ctx : ctxs) {
            if (ctx.thread == null) {  // never started: nothing else will take it out
                running.remove(ctx.runId());
            }
        }
        return released;
    }

    private static void join(Thread t, long millis) {
        try {
            t.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- claiming

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
    final class QueueRunner {
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

        QueueRunner(String queue, int concurrency, int claimAhead) {
            this.queue = queue;
            this.concurrency = concurrency;
            this.claimAhead = claimAhead;
            this.threshold = Math.max(1, Math.min(options.claimBatchSize(), (concurrency + claimAhead) / 2));
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
                launch(ctx, params);
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
                launch(next.ctx(), next.params());
            }
            for (RunContext ctx : dropped) {
                running.remove(ctx.runId());
                LOG.log(System.Logger.Level.DEBUG, "worker " + id + " did not start run " + ctx.runId() + " of task "
                        + ctx.taskId() + ": " + (ctx.cancelled ? "cancelled" : "its lease was lost") + " while it waited");
            }
            if (!dropped.isEmpty()) {
                signalIdle();
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
                    MAX_COMPLETION_BATCH - unrecorded.get());
        }

        void loop() {
            long pollNanos = app.config().pollInterval().toNanos();
            int batch = options.claimBatchSize();
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
                    Thread.ofVirtual().name("spool-tasks-claim-" + id + "-" + queue + "-call")
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
                got = claim(this, n);
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
                        "worker " + id + " could not claim from queue " + queue + "; retrying in " + pause
                                + " ms: " + e.getMessage());
                sleep(pause);
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
    }

    private int claim(QueueRunner runner, int n) {
        long claimedAt = System.nanoTime();
        RowSet rows = app.pool().query(app.sql.claim, runner.queue, id, n, handlerNames);
        for (Row r : rows) {
            RunContext ctx = new RunContext(this, runner, r.getLong(1), r.getLong(0), r.getInteger(2), r.getString(3),
                    runner.queue, r.getString(5), r.get(6, Duration.class), claimedAt);
            running.put(ctx.runId(), ctx);  // leased from now on: the heartbeat covers it while it waits
            runner.offer(ctx, r.getBytes(4));
        }
        runner.startWaiting();  // a slot may have freed while the answer was read
        return rows.size();
    }

    private void launch(RunContext ctx, byte[] params) {
        Thread.ofVirtual().name("spool-task-" + ctx.taskName() + "-" + ctx.runId()).start(() -> execute(ctx, params));
    }

    // ---------------------------------------------------------------- running

    private void execute(RunContext ctx, byte[] params) {
        ctx.thread = Thread.currentThread();
        boolean returned = false;
        boolean handedOver = false;
        try {
            Finish finish = handle(ctx, params);
            ctx.runner.handlerDone();  // the slot is free while the end goes to the database
            returned = true;
            handedOver = finish != null && handOver(finish);
        } finally {
            if (!handedOver) {
                ended(ctx, returned);
            }
        }
    }

    /**
     * Queues a run's end for the completer, which ends the run once it is recorded (the run stays leased until
     * then); the handler's thread need not wait for it. False when nothing will record it.
     */
    private boolean handOver(Finish f) {
        if (f.ctx().lost || completerGone) {
            return false;
        }
        finishes.add(f);
        // raced with the end of stop: if the completer did not take it, nothing will; the run was released
        return !completerGone || !finishes.remove(f);
    }

    /** A run is over here: recorded, found lost, or never to be written. */
    private void ended(RunContext ctx, boolean handlerReturned) {
        running.remove(ctx.runId());
        finishedRuns.incrementAndGet();
        ctx.runner.taskDone(handlerReturned);
        signalIdle();
    }

    private void signalIdle() {
        stateLock.lock();
        try {
            idle.signalAll();
        } finally {
            stateLock.unlock();
        }
    }

    /** Runs the run's handler; returns how the run ends, or null when nothing is to be written. */
    private Finish handle(RunContext ctx, byte[] params) {
        TaskHandler handler = handlers.get(ctx.taskName());
        if (handler == null) {
            return Finish.fail(ctx, "no handler for task '" + ctx.taskName() + "' on worker " + id
                    + " (it handles " + new java.util.TreeSet<>(handlers.keySet()) + ")", true);
        }
        try {
            byte[] result = handler.handle(ctx, params);
            if (result != null && result.length > MAX_RESULT_BYTES) {
                return Finish.fail(ctx, "the result of " + result.length + " bytes is larger than the "
                        + MAX_RESULT_BYTES + " bytes a result may have", false);
            }
            return Finish.complete(ctx, result);
        } catch (LeaseLostException e) {
            LOG.log(System.Logger.Level.DEBUG, e.getMessage());
            return null;
        } catch (PermanentFailureException e) {
            return Finish.fail(ctx, describe(e), false);
        } catch (Throwable t) {
            if (ctx.lost) {
                return null;  // released on stop: the interrupt is ours, and nothing would be written anyway
            }
            return Finish.fail(ctx, describe(t), true);
        }
    }

    /** The completer recorded a run's end (its outcome), or could not ({@code error}). */
    private void recorded(Finish f, String outcome, RuntimeException error) {
        RunContext ctx = f.ctx();
        try {
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "worker " + id + " could not record the end of run "
                        + ctx.runId() + " of task " + ctx.taskId() + ": " + error);
            } else if (outcome.equals("lease_lost") || outcome.equals("cancelled")) {
                LOG.log(System.Logger.Level.INFO, "worker " + id + ": run " + ctx.runId() + " of task " + ctx.taskId()
                        + " finished but " + (outcome.equals("cancelled") ? "the task was cancelled"
                        : "the lease was lost") + "; its result was not written");
            }
        } finally {
            ended(ctx, true);
        }
    }

    /**
     * The stack trace as the run's error. PostgreSQL text cannot hold NUL, so a message carrying one (bytes of
     * bad input, say) would make the failure itself unrecordable: NULs become U+FFFD. A long trace is cut, never
     * between the halves of a surrogate pair.
     */
    static String describe(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString().strip().replace('\u0000', '\uFFFD');
        if (s.length() <= MAX_ERROR_CHARS) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX_ERROR_CHARS - 1)) ? MAX_ERROR_CHARS - 1 : MAX_ERROR_CHARS;
        return s.substring(0, end) + "\n\t... (truncated)";
    }

    /** A run's end, on its way to the database. */
    record Finish(RunContext ctx, boolean ok, byte[] result, String error, boolean retry) {
        static Finish complete(RunContext ctx, byte[] result) {
            return new Finish(ctx, true, result, null, false);
        }

        static Finish fail(RunContext ctx, String error, boolean retry) {
            return new Finish(ctx, false, null, error, retry);
        }

        int resultBytes() {
            return result == null ? 0 : result.length;
        }
    }

    /**
     * Records finishes: whatever queued up while the previous round trip ran goes in the next one, so under load
     * one statement completes hundreds of runs. Transient database failures are retried (a run whose lease
     * expires meanwhile then answers 'lease_lost'). Once a run's end is recorded, the completer also ends the run
     * here (the handler's thread did not wait for it).
     */
    private void completeLoop() {
        List<Finish> batch = new ArrayList<>();
        while (true) {
            Finish first;
            try {
                first = finishes.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (completerGone && finishes.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            finishes.drainTo(batch, MAX_COMPLETION_BATCH - 1);
            record(batch);
            batch.clear();
        }
    }

    private void record(List<Finish> batch) {
        List<Finish> completes = new ArrayList<>(batch.size());
        for (Finish f : batch) {
            if (f.ok()) {
                completes.add(f);
            }
        }
        completes.sort((a, b) -> Long.compare(a.ctx().runId(), b.ctx().runId()));  // lock in one order
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < completes.size(); i++) {
            int size = completes.get(i).resultBytes();
            if (i > from && bytes + size > MAX_BATCH_RESULT_BYTES) {
                complete(completes.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (from < completes.size()) {
            complete(completes.subList(from, completes.size()));
        }
        for (Finish f : batch) {
            if (!f.ok()) {
                fail(f);
            }
        }
    }

    /**
     * Completes runs in one statement. Should the server refuse it for good (a result too large to store, a
     * trigger's exception), each run is completed alone, so the one it cannot store fails that run and no other.
     */
    private void complete(List<Finish> completes) {
        long[] ids = new long[completes.size()];
        byte[][] results = new byte[completes.size()][];
        Map<Long, Finish> byRun = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            Finish f = completes.get(i);
            ids[i] = f.ctx().runId();
            results[i] = f.result();
            byRun.put(ids[i], f);
        }
        RowSet rows;
        try {
            rows = retrying(() -> app.pool().query(app.sql.completeRuns, ids, id, results));
        } catch (PgException e) {
            if (transient_(e)) {   // only when stopping: the database is away, nothing can be written now
                completes.forEach(f -> recorded(f, null, e));
            } else if (completes.size() > 1) {
                completes.forEach(f -> complete(List.of(f)));
            } else {
                Finish f = completes.get(0);
                fail(Finish.fail(f.ctx(), "the result (" + f.resultBytes() + " bytes) could not be stored: "
                        + e.getMessage(), true));
            }
            return;
        } catch (RuntimeException e) {
            completes.forEach(f -> recorded(f, null, e));
            return;
        }
        for (Row r : rows) {
            Finish f = byRun.remove(r.getLong(0));
            if (f != null) {
                recorded(f, r.getString(1), null);
            }
        }
        byRun.values().forEach(f -> recorded(f, "lease_lost", null));
    }

    private void fail(Finish f) {
        String outcome = null;
        RuntimeException error = null;
        try {
            outcome = retrying(() -> app.pool().query(app.sql.failRun, f.ctx().runId(), id, f.error(),
                    f.retry())).row(0).getString(0);
        } catch (RuntimeException e) {
            error = e;
        }
        recorded(f, outcome, error);
    }

    /** Runs {@code call}, retrying transient failures (connection lost, pool exhausted, deadlock) until stopped. */
    private <T> T retrying(java.util.function.Supplier<T> call) {
        long backoff = 50;
        while (true) {
            try {
                return call.get();
            } catch (PgException e) {
                if (!transient_(e) || completerGone) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "worker " + id + ": retrying after " + e.getMessage());
                sleep(backoff);
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    static boolean transient_(PgException e) {
        String s = e.sqlState();
        return e.isConnectionError() || s == null || s.startsWith("08") || s.startsWith("57P") || s.equals("53300")
                || s.equals("40001") || s.equals("40P01");
    }

    // ---------------------------------------------------------------- leases

    /**
     * Extends the leases that have used up a third of their time, all in one statement, and learns of
     * cancellations and lost leases on the way.
     */
    private void heartbeatLoop() {
        while (accepting || !running.isEmpty()) {
            if (stopping.get() && completerGone) {
                return;
            }
            long minLease = Long.MAX_VALUE;
            long now = System.nanoTime();
            List<RunContext> due = new ArrayList<>();
            for (RunContext ctx : running.values()) {
                long lease = ctx.lease.toNanos();
                minLease = Math.min(minLease, lease);
                if (!ctx.lost && !ctx.cancelled && ctx.leaseDeadlineNanos - now < lease * 2 / 3) {
                    due.add(ctx);
                }
            }
            if (!due.isEmpty()) {
                try {
                    extendAll(due, null);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "worker " + id + " heartbeat failed: " + e.getMessage());
                }
            }
            long tick = minLease == Long.MAX_VALUE ? 200_000_000L : Math.max(20_000_000L, Math.min(minLease / 6, 1_000_000_000L));
            if (!sleepNanos(tick) && !accepting && running.isEmpty()) {
                return;
            }
        }
    }

    /** Extends one run's lease now (TaskContext.heartbeat). */
    void extend(RunContext ctx, Duration lease) {
        extendAll(List.of(ctx), lease);
    }

    private void extendAll(List<RunContext> ctxs, Duration lease) {
        long[] ids = new long[ctxs.size()];
        Map<Long, RunContext> byRun = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ctxs.get(i).runId();
            byRun.put(ids[i], ctxs.get(i));
        }
        Arrays.sort(ids);
        long sentAt = System.nanoTime();
        RowSet rows = app.pool().query(app.sql.extendLeases, ids, id, lease);
        for (Row r : rows) {
            RunContext ctx = byRun.get(r.getLong(0));
            switch (r.getString(1)) {
                case "extended" -> ctx.leaseDeadlineNanos = sentAt + (lease != null ? lease : ctx.lease).toNanos();
                case "cancelled" -> ctx.cancelled = true;
                default -> ctx.lost = true;
            }
        }
    }

    private void cancelled(long runId) {
        RunContext ctx = running.get(runId);
        if (ctx != null) {
            ctx.cancelled = true;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static void sleep(long millis) {
        sleepNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** Sleeps; false when interrupted. */
    private static boolean sleepNanos(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Override
    public String toString() {
        return "Worker[" + id + ", " + running.size() + " running]";
    }
}
