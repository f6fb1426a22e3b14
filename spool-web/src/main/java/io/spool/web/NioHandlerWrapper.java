package io.spool.web;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoRegistration;

/**
 * An event loop's I/O handler around Netty's NIO handler, which does the I/O: subclasses decide only how the loop
 * waits ({@link #run}), and the rest goes to Netty's handler unless they say otherwise.
 */
abstract class NioHandlerWrapper implements IoHandler {
    /** Netty's NIO handler. */
    final IoHandler nio;

    NioHandlerWrapper(IoHandler nio) {
        this.nio = nio;
    }

    @Override
    public void initialize() {
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
