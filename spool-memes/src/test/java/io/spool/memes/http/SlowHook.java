package io.spool.memes.http;

import io.spool.memes.model.Caption;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A test-only wrapper of the render function: a request whose first caption reads {@code @slow:MILLIS} sleeps
 * that long on the render thread before rendering (interruptibly), and the hook counts how such renders start,
 * end normally, and end by interruption, so tests can see a cancelled render really stopped its thread.
 */
final class SlowHook implements UnaryOperator<RenderFunction> {
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger finished = new AtomicInteger();
    final AtomicInteger interrupted = new AtomicInteger();
    /** Released once per slow render that started; tests acquire it to know a render is running. */
    final Semaphore running = new Semaphore(0);
    /** Released once per slow render that was interrupted. */
    final Semaphore stopped = new Semaphore(0);

    static String slow(long millis) {
        return "@slow:" + millis;
    }

    /** A render that ignores interrupts for {@code millis}, like one stuck in code that never checks. */
    static String stubborn(long millis) {
        return "@stubborn:" + millis;
    }

    @Override
    public RenderFunction apply(RenderFunction inner) {
        return request -> {
            long millis = request.captions().stream().map(Caption::text).filter(t -> t.startsWith("@slow:"))
                    .mapToLong(t -> Long.parseLong(t.substring(6).trim())).findFirst().orElse(-1);
            long stubborn = request.captions().stream().map(Caption::text).filter(t -> t.startsWith("@stubborn:"))
                    .mapToLong(t -> Long.parseLong(t.substring(10).trim())).findFirst().orElse(-1);
            if (stubborn >= 0) {
                started.incrementAndGet();
                running.release();
                long until = System.nanoTime() + stubborn * 1_000_000;
                boolean wasInterrupted = false;
                while (System.nanoTime() < until) {
                    try {
                        Thread.sleep(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                    } catch (InterruptedException e) {
                        wasInterrupted = true;
                    }
                }
                finished.incrementAndGet();
                if (wasInterrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (millis >= 0) {
                started.incrementAndGet();
                running.release();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                    stopped.release();
                    throw e;
                }
                finished.incrementAndGet();
            }
            return inner.render(request);
        };
    }
}
