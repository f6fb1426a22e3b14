package io.spool.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Netty's aggregator (which also answers {@code Expect: 100-continue}), with an oversized body handed on as a
 * {@link Rejected} 413, so that the answer is JSON like every other error and keeps its place in line. A
 * request that announces no body (most GETs) skips the aggregation buffers: its head and the decoder's empty
 * end marker, which follows at once, become one full request.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final int max;
    private HttpRequest bodiless;   // a head without a body, until its end marker

    BodyLimit(int maxContentLength) {
        super(maxContentLength);
        this.max = maxContentLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (bodiless != null) {
            HttpRequest head = bodiless;
            bodiless = null;
            if (msg == LastHttpContent.EMPTY_LAST_CONTENT) {
                ctx.fireChannelRead(new DefaultFullHttpRequest(head.protocolVersion(), head.method(), head.uri(),
                        Unpooled.EMPTY_BUFFER, head.headers(), EmptyHttpHeaders.INSTANCE));
                return;
            }
            super.channelRead(ctx, head);   // not what it announced: aggregate as usual
        }
        if (msg instanceof HttpRequest head && announcesNoBody(head)) {
            bodiless = head;
            return;
        }
        super.channelRead(ctx, msg);
    }

    private static boolean announcesNoBody(HttpRequest head) {
        if (head instanceof FullHttpRequest || !head.decoderResult().isSuccess()) {
            return false;
        }
        HttpHeaders h = head.headers();
        return !h.contains(HttpHeaderNames.CONTENT_LENGTH) && !h.contains(HttpHeaderNames.TRANSFER_ENCODING);
    }

    /**
     * No early answer to a client that announces an oversized body and expects 100-continue: Netty's would be a
     * bare 413 written at once, ahead of the answers to earlier pipelined requests. Without it the aggregator
     * sees the length too large and hands on a {@link Rejected} 413, which takes its place in line.
     */
    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        if (HttpUtil.is100ContinueExpected(start) && HttpUtil.getContentLength(start, -1L) > maxContentLength) {
            start.headers().remove(HttpHeaderNames.EXPECT);
            return null;
        }
        return super.newContinueResponse(start, maxContentLength, pipeline);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        if (oversized instanceof HttpRequest) {
            ctx.fireChannelRead(new Rejected(413, "request body larger than " + max + " bytes"));
        } else {
            ctx.close();
        }
    }
}
