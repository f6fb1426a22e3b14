package io.spool.web;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where a server starts its handlers: one virtual thread per request, on the JDK's scheduler or, with {@link
 * Threading#LOOP_CARRIERS}, carried by the event loop that read the request. Stopping interrupts them all.
 */
final class HandlerThreads {
    /** On the JDK's scheduler: handlers unless loops carry them, and work that may block (access logs). */
    private final ExecutorService shared = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().factory());
    private final Map<EventExecutor, ExecutorService> byLoop = new HashMap<>();

    HandlerThreads(Threading threading, EventLoopGroup loops) {
        if (threading == Threading.LOOP_CARRIERS) {
            for (EventExecutor loop : loops) {
                byLoop.put(loop, LoopCarriers.on(loop));
            }
        }
    }

    /** Where the requests read by {@code loop} run. */
    ExecutorService forLoop(EventExecutor loop) {
        return byLoop.isEmpty() ? shared : byLoop.get(loop);
    }

    /** Runs {@code task} on a virtual thread of the JDK's scheduler, unless the server has stopped. */
    void runOffLoops(Runnable task) {
        try {
            shared.execute(task);
        } catch (RejectedExecutionException stopped) {
            // nothing to log to any more
        }
    }

    /** Refuses new handlers and interrupts the running ones. */
    void interruptAll() {
        shared.shutdownNow();
        byLoop.values().forEach(ExecutorService::shutdownNow);
    }
}
