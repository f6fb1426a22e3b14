package io.spool.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Netty's aggregator (which also answers {@code Expect: 100-continue}), with an oversized body handed on as a
 * {@link Rejected} 413, so that the answer is JSON like every other error and keeps its place in line.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final int max;

    BodyLimit(int maxContentLength) {
        super(maxContentLength);
        this.max = maxContentLength;
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
