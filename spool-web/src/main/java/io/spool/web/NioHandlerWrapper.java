package io.spool.web;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoRegistration;

/**
 * The I/O handler of an event loop spool-web makes, around Netty's NIO handler, which does the I/O: it keeps the
 * loop's count of {@link LoopRequests} (bound to the loop's thread as it starts, for its connections to find) and
 * subclasses decide how the loop waits ({@link #run}), polling through {@link #pollOnly} where they will not
 * block; the rest goes to Netty's handler unless they say otherwise.
 */
abstract class NioHandlerWrapper implements IoHandler {
    /** Netty's NIO handler. */
    final IoHandler nio;
    /** The loop's requests in flight (on the loop's thread only). */
    final LoopRequests requests = new LoopRequests();
    /** The loop's context for Netty's handler when it must only poll. */
    final PollOnlyContext pollOnly = new PollOnlyContext();

    NioHandlerWrapper(IoHandler nio) {
        this.nio = nio;
    }

    @Override
    public void initialize() {
        requests.bindToThisThread();
        nio.initialize();
    }

    @Override
    public void wakeup() {
        nio.wakeup();
    }

    @Override
    public void prepareToDestroy() {
        nio.prepareToDestroy();
    }

    @Override
    public void destroy() {
        nio.destroy();
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
        return nio.register(handle);
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return nio.isCompatible(handleType);
    }
}
