package io.spool.tasks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs claimed runs, each on a virtual thread of its own, with the handler registered for its task name, and
 * hands how each ended to the {@link BatchCompleter}: completed with the handler's result, failed with its
 * exception's stack trace (retried, or not for a {@link PermanentFailureException} or an oversized result), or
 * nothing when the run was lost meanwhile. The slot frees as soon as the handler returns.
 */
final class RunExecutor {
    private static final System.Logger LOG = System.getLogger(RunExecutor.class.getName());
    /**
     * The largest result a handler may return: PostgreSQL refuses a protocol message over 1 GB by closing the
     * connection, which would look like a lost connection and be retried without end.
     */
    static final int MAX_RESULT_BYTES = 256 << 20;
    private static final int MAX_ERROR_CHARS = 8000;

    private final String workerId;
    private final ActiveRuns runs;
    private final BatchCompleter completer;
    private final Map<String, TaskHandler> handlers = new ConcurrentHashMap<>();
    private final ReentrantLock registering = new ReentrantLock();
    /** The names of {@link #handlers}, sent with each claim: a worker claims only tasks it can run. */
    private volatile String[] names = new String[0];
    private volatile boolean stopped;

    RunExecutor(String workerId, ActiveRuns runs, BatchCompleter completer) {
        this.workerId = workerId;
        this.runs = runs;
        this.completer = completer;
    }

    void register(String name, TaskHandler handler) {
        registering.lock();  // two registrations at once must not lose a name
        try {
            if (handlers.putIfAbsent(name, handler) != null) {
                throw new IllegalStateException("worker " + workerId + " already has a handler for task '" + name + "'");
            }
            names = handlers.keySet().stream().sorted().toArray(String[]::new);
        } finally {
            registering.unlock();
        }
    }

    /** The task names this executor can run, sorted. */
    String[] names() {
        return names;
    }

    void start() {
        stopped = false;
    }

    /**
     * Gives up on the runs still going: their threads are interrupted (their results will not be written: the
     * caller released the runs first). Runs handed to {@link #launch} afterwards are not started.
     */
    void stop(Collection<RunContext> abandoned) {
        stopped = true;
        for (RunContext ctx : abandoned) {
            Thread t = ctx.thread;
            if (t != null) {
                t.interrupt();
            }
        }
    }

    /** Starts the run on a virtual thread of its own. */
    void launch(RunContext ctx, byte[] params) {
        if (stopped) {
            runs.ended(ctx, false);
            return;
        }
        Thread.ofVirtual().name("spool-task-" + ctx.taskName() + "-" + ctx.runId()).start(() -> execute(ctx, params));
    }

    private void execute(RunContext ctx, byte[] params) {
        ctx.thread = Thread.currentThread();
        boolean returned = false;
        boolean handedOver = false;
        try {
            long started = System.nanoTime();
            Finish finish = handle(ctx, params);
            ctx.handlerNanos = System.nanoTime() - started;
            ctx.claimer.handlerDone();  // the slot is free while the end goes to the database
            returned = true;
            handedOver = finish != null && completer.offer(finish);
        } finally {
            if (!handedOver) {
                runs.ended(ctx, returned);
            }
        }
    }

    /** Runs the run's handler; returns how the run ends, or null when nothing is to be written. */
    Finish handle(RunContext ctx, byte[] params) {
        TaskHandler handler = handlers.get(ctx.taskName());
        if (handler == null) {  // claim_task was given the names: only a caller that passed none gets here
            return Finish.fail(ctx, "no handler for task '" + ctx.taskName() + "' on worker " + workerId
                    + " (it handles " + new TreeSet<>(handlers.keySet()) + ")", true);
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
            ctx.reportEnd(ctx.cancelled ? TaskMetrics.RunEnd.CANCELLED : TaskMetrics.RunEnd.LEASE_LOST);
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
}
