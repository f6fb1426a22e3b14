package io.spool.pg.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandler;
import io.spool.pg.PgConfig;
import io.spool.pg.PgException;
import io.spool.pg.net.Tls;
import io.spool.pg.protocol.Frontend;
import io.spool.pg.protocol.WriteBuffer;

import java.util.concurrent.CompletableFuture;

/**
 * The first handler of a channel whose sslmode asks for TLS: sends SSLRequest, reads the one-byte answer, and
 * on 'S' puts an {@link SslHandler} in front and waits for its handshake. Completes with the channel binding
 * (or null when the server refused TLS and the mode allows plain), then removes itself.
 */
final class TlsNegotiator extends ChannelInboundHandlerAdapter {
    private final PgConfig config;
    private final CompletableFuture<byte[]> done = new CompletableFuture<>();

    TlsNegotiator(PgConfig config) {
        this.config = config;
    }

    CompletableFuture<byte[]> done() {
        return done;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        WriteBuffer request = new WriteBuffer(8);
        Frontend.sslRequest(request);
        ctx.writeAndFlush(ctx.alloc().buffer(8).writeBytes(request.toByteArray()));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            int answer = buf.readByte();
            if (buf.isReadable()) {
                // bytes after the answer would be read as if encrypted: refuse them (CVE-2021-23222)
                fail(ctx, new PgException(PgException.PROTOCOL_VIOLATION, "the server sent data after its TLS answer"));
                return;
            }
            if (answer == Tls.ACCEPTED) {
                SslHandler ssl = new SslHandler(Tls.engine(config));
                ctx.pipeline().addFirst(ssl);
                ctx.pipeline().remove(this);
                ssl.handshakeFuture().addListener(f -> {
                    if (f.isSuccess()) {
                        done.complete(Tls.channelBinding(ssl.engine().getSession()));
                    } else {
                        fail(ctx, new PgException(PgException.UNABLE_TO_CONNECT, "TLS handshake with " + config.host()
                                + " failed: " + f.cause().getMessage(), f.cause()));
                    }
                });
            } else if (answer == Tls.REFUSED) {
                ctx.pipeline().remove(this);
                Tls.refused(config);
                done.complete(null);
            } else {
                fail(ctx, new PgException(PgException.PROTOCOL_VIOLATION, "the server answered the TLS request with byte "
                        + answer + "; is this a PostgreSQL server?"));
            }
        } catch (PgException e) {
            fail(ctx, e);
        } finally {
            buf.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        done.completeExceptionally(new PgException(PgException.UNABLE_TO_CONNECT, "the server closed the connection during TLS negotiation"));
        ctx.fireChannelInactive();
    }

    private void fail(ChannelHandlerContext ctx, PgException e) {
        done.completeExceptionally(e);
        ctx.close();
    }
}
