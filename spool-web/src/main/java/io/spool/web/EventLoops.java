package io.spool.web;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.nio.channels.spi.SelectorProvider;

/**
 * Where the Netty event loops of the connections run. On virtual threads they share the scheduler with the
 * handlers: a request read on a loop starts its handler on the same carrier's queue, and the answer wakes the
 * loop without crossing to another thread pool; on platform threads each request crosses from the loop's thread
 * to a carrier and back. A virtual loop parks in {@code Selector.select} only from JDK 25 on (earlier selectors
 * block the carrier), hence {@link #VIRTUAL_SUPPORTED}.
 */
final class EventLoops {
    static final boolean VIRTUAL_SUPPORTED = Runtime.version().feature() >= 25;

    private EventLoops() {
    }

    static EventLoopGroup group(int threads, boolean virtual) {
        return virtual
                ? new MultiThreadIoEventLoopGroup(threads, Thread.ofVirtual().name("spool-web-io-", 0).factory(),
                        NioIoHandler.newFactory(SelectorProvider.provider(), InFlightSelectStrategy::new))
                : new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    }
}
