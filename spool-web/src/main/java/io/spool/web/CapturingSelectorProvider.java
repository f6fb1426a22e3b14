package io.spool.web;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;

/**
 * The platform's selector provider, remembering the last selector it opened: the one a {@link VirtualLoopHandler}
 * waits on. The selector itself is the platform's (Netty's selected-key optimisation needs exactly that class),
 * and Netty opens a new one only when it rebuilds a broken selector, on the loop's own thread.
 */
final class CapturingSelectorProvider extends SelectorProvider {
    private static final SelectorProvider PLATFORM = SelectorProvider.provider();

    private volatile AbstractSelector latest;

    AbstractSelector latest() {
        return latest;
    }

    @Override
    public AbstractSelector openSelector() throws IOException {
        AbstractSelector s = PLATFORM.openSelector();
        latest = s;
        return s;
    }

    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
        return PLATFORM.openDatagramChannel();
    }

    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
        return PLATFORM.openDatagramChannel(family);
    }

    @Override
    public Pipe openPipe() throws IOException {
        return PLATFORM.openPipe();
    }

    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
        return PLATFORM.openServerSocketChannel();
    }

    @Override
    public ServerSocketChannel openServerSocketChannel(ProtocolFamily family) throws IOException {
        return PLATFORM.openServerSocketChannel(family);
    }

    @Override
    public SocketChannel openSocketChannel() throws IOException {
        return PLATFORM.openSocketChannel();
    }

    @Override
    public SocketChannel openSocketChannel(ProtocolFamily family) throws IOException {
        return PLATFORM.openSocketChannel(family);
    }

    @Override
    public Channel inheritedChannel() throws IOException {
        return PLATFORM.inheritedChannel();
    }
}
