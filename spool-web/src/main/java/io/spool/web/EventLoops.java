package io.spool.web;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;

/**
 * The Netty event loops of the connections: on platform threads for {@link Threading#PLATFORM_LOOPS} and {@link
 * Threading#LOOP_CARRIERS}, on virtual threads for {@link Threading#VIRTUAL_LOOPS}. Virtual loops share the
 * JDK's scheduler with the handlers: a request read on a loop starts its handler on the same carrier's queue,
 * and the answer wakes the loop without crossing to another thread pool. A virtual loop parks in {@code
 * Selector.select} only from JDK 25 on (earlier selectors block the carrier), hence {@link #VIRTUAL_SUPPORTED}.
 * Virtual loops wait through {@link VirtualLoopHandler} and share one platform timer thread for their alarms,
 * which ends with the group; platform loops through {@link PlatformLoopHandler}.
 */
final class EventLoops {
    static final boolean VIRTUAL_SUPPORTED = Runtime.version().feature() >= 25;

    private EventLoops() {
    }

    static EventLoopGroup group(int threads, boolean virtual) {
        if (!virtual) {
            return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("spool-web-io"),
                    PlatformLoopHandler.factory());
        }
        ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name("spool-web-loop-alarm").daemon().factory());
        alarms.setRemoveOnCancelPolicy(true);
        ThreadFactory vthreads = Thread.ofVirtual().name("spool-web-io-", 0).factory();
        // a loop lives as long as the server: Netty may treat it as its own kind of thread, with thread-local
        // buffer magazines and recyclers instead of the shared, contended ones it gives passing threads
        ThreadFactory loops = task -> vthreads.newThread(() -> FastThreadLocalThread.runWithFastThreadLocal(task));
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, loops, VirtualLoopHandler.factory(alarms));
        group.terminationFuture().addListener(f -> alarms.shutdownNow());
        return group;
    }
}
