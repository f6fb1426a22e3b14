package io.spool.tasks;

import io.spool.pg.PgException;
import io.spool.pg.Row;
import io.spool.pg.RowSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Records the ends of runs, on a thread of its own: whatever queued up while the previous round trip ran goes
 * in the next one, so under load one statement completes hundreds of runs. Transient database failures are
 * retried (a run whose lease expires meanwhile then answers {@link RunOutcome#LEASE_LOST}). Once a run's end is
 * recorded, the run is over here ({@link ActiveRuns#ended}); the handler's thread did not wait for it. After
 * {@link #stop()}, ends are no longer taken: their runs were released.
 */
final class BatchCompleter {
    private static final System.Logger LOG = System.getLogger(BatchCompleter.class.getName());
    /** Ends recorded in one round trip at most; claiming pauses while this many wait. */
    static final int MAX_BATCH = 1000;
    /** Results sent in one statement at most (a batch with more is split): PostgreSQL drops a message over 1 GB. */
    private static final long MAX_BATCH_RESULT_BYTES = 64 << 20;

    private final Application app;
    private final String workerId;
    private final ActiveRuns runs;
    private final LinkedBlockingQueue<Finish> finishes = new LinkedBlockingQueue<>();
    private volatile boolean gone;
    private Thread thread;

    BatchCompleter(Application app, String workerId, ActiveRuns runs) {
        this.app = app;
        this.workerId = workerId;
        this.runs = runs;
    }

    void start() {
        thread = Thread.ofVirtual().name("spool-tasks-complete-" + workerId).start(this::loop);
    }

    /** Takes no more ends, records those already queued (giving up on transient failures) and joins the thread. */
    void stop() {
        gone = true;
        StopSignal.join(thread, 5000);
    }

    /** Queues a run's end; false when nothing will record it (the run was lost, or the completer has stopped). */
    boolean offer(Finish f) {
        if (f.ctx().lost || gone) {
            return false;
        }
        finishes.add(f);
        // raced with the end of stop: if the loop did not take it, nothing will; the run was released
        return !gone || !finishes.remove(f);
    }

    private void loop() {
        List<Finish> batch = new ArrayList<>();
        while (true) {
            Finish first;
            try {
                first = finishes.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
            }
            if (first == null) {
                if (gone && finishes.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            finishes.drainTo(batch, MAX_BATCH - 1);
            record(batch);
            batch.clear();
        }
    }

    /** Records a batch: completions in statements of at most {@link #MAX_BATCH_RESULT_BYTES}, then each failure. */
    void record(List<Finish> batch) {
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
            rows = retrying(() -> app.pool().query(app.sql.completeRuns, ids, workerId, results));
        } catch (PgException e) {
            if (isTransient(e)) {   // only when stopping: the database is away, nothing can be written now
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
            Rows.RunAnswer a = Rows.answer(r);
            Finish f = byRun.remove(a.runId());
            if (f != null) {
                recorded(f, a.outcome(), null);
            }
        }
        byRun.values().forEach(f -> recorded(f, RunOutcome.LEASE_LOST, null));
    }

    private void fail(Finish f) {
        RunOutcome outcome = null;
        RuntimeException error = null;
        try {
            outcome = Rows.outcome(retrying(() -> app.pool().query(app.sql.failRun, f.ctx().runId(), workerId,
                    f.error(), f.retry())));
        } catch (RuntimeException e) {
            error = e;
        }
        recorded(f, outcome, error);
    }

    /** A run's end was recorded with {@code outcome}, or could not be ({@code error}): the run is over here. */
    private void recorded(Finish f, RunOutcome outcome, RuntimeException error) {
        RunContext ctx = f.ctx();
        try {
            if (outcome != null) {
                ctx.reportEnd(switch (outcome) {
                    case COMPLETED -> TaskMetrics.RunEnd.COMPLETED;
                    case RETRYING -> TaskMetrics.RunEnd.RETRYING;
                    case DEAD -> TaskMetrics.RunEnd.DEAD;
                    case CANCELLED -> TaskMetrics.RunEnd.CANCELLED;
                    default -> TaskMetrics.RunEnd.LEASE_LOST;
                });
            }
            if (error != null) {
                LOG.log(System.Logger.Level.WARNING, "worker " + workerId + " could not record the end of run "
                        + ctx.runId() + " of task " + ctx.taskId() + ": " + error);
            } else if (outcome.lost()) {
                LOG.log(System.Logger.Level.INFO, "worker " + workerId + ": run " + ctx.runId() + " of task "
                        + ctx.taskId() + " finished but " + (outcome == RunOutcome.CANCELLED
                        ? "the task was cancelled" : "the lease was lost") + "; its result was not written");
            }
        } finally {
            runs.ended(ctx, true);
        }
    }

    /** Runs {@code call}, retrying transient failures (connection lost, pool exhausted, deadlock) until stopped. */
    private <T> T retrying(Supplier<T> call) {
        long backoff = 50;
        while (true) {
            try {
                return call.get();
            } catch (PgException e) {
                if (!isTransient(e) || gone) {
                    throw e;
                }
                LOG.log(System.Logger.Level.DEBUG, "worker " + workerId + ": retrying after " + e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    throw e;
                }
                backoff = Math.min(backoff * 2, 2000);
            }
        }
    }

    /** A failure that a later attempt of the same statement may not meet: the connection, the server, a lock. */
    static boolean isTransient(PgException e) {
        String s = e.sqlState();
        return e.isConnectionError() || s == null || s.startsWith("08") || s.startsWith("57P") || s.equals("53300")
                || s.equals("40001") || s.equals("40P01");
    }
}
