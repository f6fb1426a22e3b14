package io.spool.memes.http;

import io.spool.memes.model.CaptionRequest;
import io.spool.memes.render.RenderResult;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendering is CPU work, so it runs on a fixed number of platform threads with a queue in front, never on the
 * request's virtual thread or an event loop. {@link #render} admits a request by its expected wait
 * ({@link Admission}: the renders ahead of it at the measured mean render time must leave it time to finish
 * before its deadline) and otherwise throws {@link OverloadedException} at once (a 503 with a computed
 * {@code Retry-After}); the queue's capacity only bounds memory. It waits for the result on the caller's thread;
 * when the caller is interrupted (its request's deadline passed) the render is cancelled and its thread
 * interrupted, and a queued render is removed. {@link #renderWhenFree} (for background jobs) waits for room
 * instead.
 */
public final class RenderPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final RenderFunction function;
    private final int queueCapacity;
    private final Admission admission;
    private final RenderTimes times = new RenderTimes();
    /** Renders admitted and not yet done (queued or running): the work ahead of the next one. */
    private final AtomicInteger inSystem = new AtomicInteger();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder interrupted = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    /**
     * A pool of {@code threads} render threads with room for {@code queueCapacity} waiting renders, admitting a
     * request when its expected wait and render fit {@link Admission#BUDGET_SHARE} of {@code requestTimeout}.
     */
    public RenderPool(RenderFunction function, int threads, int queueCapacity, Duration requestTimeout) {
        if (threads < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("a render pool needs at least one thread and a queue of 0 or more");
        }
        this.function = function;
        this.queueCapacity = queueCapacity;
        this.admission = Admission.of(threads, queueCapacity, requestTimeout);
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                queueCapacity == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, "memes-render-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
        executor.prestartAllCoreThreads();
    }

    /** Renders on the pool and waits; a request whose expected wait does not fit its budget is refused at once. */
    public RenderResult render(CaptionRequest request) throws InterruptedException {
        OverloadedException refusal = admission.refusal(inSystem.get(), times.meanNanos());
        if (refusal != null || executor.isShutdown()) {
            rejected.increment();
            throw refusal != null ? refusal : new OverloadedException("the service is stopping", 1);
        }
        try {
            return await(submit(request));
        } catch (RejectedExecutionException e) {
            rejected.increment();
            throw new OverloadedException(executor.isShutdown() ? "the service is stopping"
                    : "too many images are waiting to be rendered; try again shortly", 1);
        }
    }

    /** Renders on the pool, waiting (interruptibly) for room in the queue when it is full. */
    public RenderResult renderWhenFree(CaptionRequest request, Duration retryEvery) throws InterruptedException {
        while (true) {
            try {
                return await(submit(request));
            } catch (RejectedExecutionException e) {
                if (executor.isShutdown()) {
                    throw new InterruptedException("the render pool is closed");
                }
                Thread.sleep(retryEvery);
            }
        }
    }

    /** Queues a render, counted in {@link #inSystem} until it is done, cancelled or refused. */
    private FutureTask<RenderResult> submit(CaptionRequest request) {
        FutureTask<RenderResult> task = new FutureTask<>(() -> run(request)) {
            @Override
            protected void done() {
                inSystem.decrementAndGet();   // exactly once, however it ends
            }
        };
        inSystem.incrementAndGet();
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            inSystem.decrementAndGet();
            throw e;
        }
        return task;
    }

    private RenderResult run(CaptionRequest request) throws InterruptedException {
        long started = System.nanoTime();
        try {
            RenderResult result = function.render(request);
            completed.increment();
            times.record(System.nanoTime() - started);
            return result;
        } catch (InterruptedException e) {
            interrupted.increment();
            throw e;
        } catch (RuntimeException | Error e) {
            failed.increment();
            throw e;
        } finally {
            Thread.interrupted(); // a cancel that came after the end must not leak into the next render
        }
    }

    private RenderResult await(Future<RenderResult> future) throws InterruptedException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            if (future.cancel(true)) {
                cancelled.increment();
            }
            if (future instanceof Runnable r) {
                executor.remove(r); // still queued: give its slot back now
            }
            throw e;
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException r -> throw r;
                case Error err -> throw err;
                case InterruptedException i -> throw new InterruptedException("render interrupted");
                default -> throw new IllegalStateException(e.getCause());
            }
        }
    }

    public RenderPoolStats stats() {
        long mean = times.meanNanos();
        return new RenderPoolStats(executor.getMaximumPoolSize(), executor.getActiveCount(), executor.getQueue().size(),
                queueCapacity, completed.sum(), failed.sum(), rejected.sum(), cancelled.sum(), interrupted.sum(),
                mean < 0 ? 0 : mean / 1_000_000.0,
                admission.expectedDoneNanos(inSystem.get(), mean) / 1_000_000.0, admission.budgetNanos() / 1_000_000);
    }

    /** Stops taking work, interrupts renders still running after {@code grace}, and waits a little for them. */
    public void close(Duration grace) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
