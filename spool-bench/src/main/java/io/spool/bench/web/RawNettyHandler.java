package io.spool.bench.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers each request head as it arrives, on the event loop: {@code /plaintext}, {@code /json} (Jackson, per
 * request), else 404; request bodies are dropped. Writes are flushed once per read batch, as Netty servers do.
 */
final class RawNettyHandler extends ChannelInboundHandlerAdapter {
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain");
    private static final AsciiString JSON = AsciiString.cached("application/json");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        try {
            if (msg instanceof HttpRequest request) {
                FullHttpResponse response = switch (request.uri()) {
                    case "/plaintext" -> ok(TEXT_PLAIN, Unpooled.wrappedBuffer(Hello.PLAINTEXT_BYTES));
                    case "/json" -> ok(JSON, Unpooled.wrappedBuffer(Hello.MAPPER.writeValueAsBytes(Hello.message())));
                    default -> response(HttpResponseStatus.NOT_FOUND, TEXT_PLAIN, Unpooled.EMPTY_BUFFER);
                };
                if (HttpUtil.isKeepAlive(request)) {
                    ctx.write(response, ctx.voidPromise());
                } else {
                    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static FullHttpResponse ok(AsciiString contentType, ByteBuf body) {
        return response(HttpResponseStatus.OK, contentType, body);
    }

    private static FullHttpResponse response(HttpResponseStatus status, AsciiString contentType, ByteBuf body) {
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return r;
    }
}
