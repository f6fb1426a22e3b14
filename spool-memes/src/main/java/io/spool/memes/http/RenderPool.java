package io.spool.memes.http;

import io.spool.memes.model.CaptionRequest;
import io.spool.memes.render.RenderResult;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Rendering is CPU work, so it runs on a fixed number of platform threads with a bounded queue in front, never
 * on the request's virtual thread or an event loop. {@link #render} waits for the result on the caller's thread;
 * when the caller is interrupted (its request's deadline passed) the render is cancelled and its thread
 * interrupted, and a queued render is removed. A full queue is an {@link OverloadedException} at once (a 503),
 * while {@link #renderWhenFree} (for background jobs) waits for room instead.
 */
public final class RenderPool implements AutoCloseable {
    private final ThreadPoolExecutor executor;
    private final RenderFunction function;
    private final int queueCapacity;
    private final LongAdder rejected = new LongAdder();
    private final LongAdder cancelled = new LongAdder();
    private final LongAdder interrupted = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public RenderPool(RenderFunction function, int threads, int queueCapacity) {
        if (threads < 1 || queueCapacity < 0) {
            throw new IllegalArgumentException("a render pool needs at least one thread and a queue of 0 or more");
        }
        this.function = function;
        this.queueCapacity = queueCapacity;
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

    /** Renders on the pool and waits; a full queue throws {@link OverloadedException} without waiting. */
    public RenderResult render(CaptionRequest request) throws InterruptedException {
        Future<RenderResult> future;
        try {
            future = executor.submit(() -> run(request));
        } catch (RejectedExecutionException e) {
            rejected.increment();
            throw new OverloadedException(executor.isShutdown() ? "the service is stopping"
                    : "too many images are being rendered; try again shortly", 1);
        }
        return await(future);
    }

    /** Renders on the pool, waiting (interruptibly) for room in the queue when it is full. */
    public RenderResult renderWhenFree(CaptionRequest request, Duration retryEvery) throws InterruptedException {
        while (true) {
            try {
                return await(executor.submit(() -> run(request)));
            } catch (RejectedExecutionException e) {
                if (executor.isShutdown()) {
                    throw new InterruptedException("the render pool is closed");
                }
                Thread.sleep(retryEvery);
            }
        }
    }

    private RenderResult run(CaptionRequest request) throws InterruptedException {
        try {
            RenderResult result = function.render(request);
            completed.increment();
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
        return new RenderPoolStats(executor.getMaximumPoolSize(), executor.getActiveCount(), executor.getQueue().size(),
                queueCapacity, completed.sum(), failed.sum(), rejected.sum(), cancelled.sum(), interrupted.sum());
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
