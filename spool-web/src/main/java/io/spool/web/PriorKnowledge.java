package io.spool.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http2.Http2CodecUtil;
import java.util.List;
import java.util.function.Consumer;

/**
 * On a cleartext port with HTTP/2 allowed ({@link WebApp#http2Cleartext}): looks at the first bytes of a
 * connection and sets up HTTP/2 if they are the client connection preface (prior knowledge, RFC 9113 §3.3),
 * else HTTP/1.1; then steps aside, handing on what it read.
 */
final class PriorKnowledge extends ByteToMessageDecoder {
    private static final ByteBuf PREFACE = Http2CodecUtil.connectionPrefaceBuf();

    private final Consumer<ChannelHandlerContext> http2;
    private final Consumer<ChannelHandlerContext> http1;

    PriorKnowledge(Consumer<ChannelHandlerContext> http2, Consumer<ChannelHandlerContext> http1) {
        this.http2 = http2;
        this.http1 = http1;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int n = Math.min(in.readableBytes(), PREFACE.readableBytes());
        if (!ByteBufUtil.equals(in, in.readerIndex(), PREFACE, PREFACE.readerIndex(), n)) {
            http1.accept(ctx);
        } else if (n == PREFACE.readableBytes()) {
            http2.accept(ctx);
        } else {
            return;   // a prefix of the preface so far
        }
        ctx.pipeline().remove(this);   // hands on what was read
    }
}
