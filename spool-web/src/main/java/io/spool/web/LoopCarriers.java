package io.spool.web;

import io.netty.util.concurrent.EventExecutor;
import java.lang.reflect.Constructor;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;

/**
 * Virtual threads whose scheduler is a Netty event loop ({@link Threading#LOOP_CARRIERS}): each time such a
 * thread is started or unparked its continuation is queued as a task of the loop, and runs on the loop's
 * thread. The JDK has no public API for a virtual thread's scheduler yet; its builder has a constructor that
 * takes one, reached here by reflection where {@code java.lang} is open to this code. Once a loop has ended, its
 * threads' continuations run on the common pool, so a handler that outlives its server still finishes.
 */
final class LoopCarriers {
    private static final Constructor<?> BUILDER = builderWithScheduler();
    static final boolean SUPPORTED = BUILDER != null;

    private LoopCarriers() {
    }

    /** A thread per task, each a virtual thread carried by {@code loop}. */
    static ExecutorService on(EventExecutor loop) {
        if (!SUPPORTED) {
            throw new IllegalStateException("loop-carried virtual threads are not supported in this JVM");
        }
        Executor scheduler = continuation -> {
            try {
                loop.execute(continuation);
            } catch (RejectedExecutionException loopEnded) {
                ForkJoinPool.commonPool().execute(continuation);
            }
        };
        try {
            Thread.Builder.OfVirtual builder = (Thread.Builder.OfVirtual) BUILDER.newInstance(scheduler);
            return Executors.newThreadPerTaskExecutor(builder.factory());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the JDK refused a loop-carried virtual thread builder", e);
        }
    }

    private static Constructor<?> builderWithScheduler() {
        try {
            Constructor<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                    .getDeclaredConstructor(Executor.class);
            // the builder must still be what this code expects: a virtual thread builder
            return c.trySetAccessible() && c.newInstance((Executor) Runnable::run) instanceof Thread.Builder.OfVirtual
                    ? c : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
