package io.spool.bench.web;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.Version;

/**
 * The lower bound of overhead: Netty's HTTP/1.1 codec and one handler that answers on the event loop itself, with
 * no router, no thread hand-off and no framework around it (NIO transport, one acceptor, Netty's default number
 * of event loops).
 */
final class RawNettyContender implements WebContender {
    @Override
    public String name() {
        return Contenders.RAW_NETTY;
    }

    @Override
    public String about() {
        return "Netty " + Version.identify().get("netty-codec-http").artifactVersion()
                + " HTTP codec, handled on the event loop (NIO)";
    }

    @Override
    public AutoCloseable start(int port) throws InterruptedException {
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        Channel server = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new RawNettyHandler());
                    }
                })
                .bind(port).sync().channel();
        return () -> {
            server.close().sync();
            boss.shutdownGracefully().sync();
            workers.shutdownGracefully().sync();
        };
    }
}
