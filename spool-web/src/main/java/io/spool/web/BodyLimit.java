package io.spool.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Netty's aggregator, with every early answer put in line behind the answers to earlier pipelined requests: an
 * oversized body is handed on as a {@link Rejected} 413 and an expectation other than {@code 100-continue} as a
 * {@link Rejected} 417 (JSON like every other error), and a body within the limit that waits for
 * {@code 100 Continue} is preceded by {@link Interim#CONTINUE}. A request that announces no body (most GETs) skips
 * the aggregation buffers: its head and the decoder's empty end marker, which follows at once, become one full
 * request.
 */
final class BodyLimit extends HttpObjectAggregator {
    private final int max;
    private HttpRequest bodiless;   // a head without a body, until its end marker
    private boolean refused;        // an expectation was refused: the connection closes, what follows is dropped

    BodyLimit(int maxContentLength) {
        super(maxContentLength);
        this.max = maxContentLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
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
        if (msg instanceof HttpRequest head && !(head instanceof FullHttpRequest) && head.decoderResult().isSuccess()) {
            if (expectsTheUnsupported(head)) {
                refused = true;
                ctx.fireChannelRead(new Rejected(417, "unsupported Expect header (only 100-continue is understood)"));
                return;
            }
            if (announcesNoBody(head)) {
                bodiless = head;
                return;
            }
            if (HttpUtil.is100ContinueExpected(head)) {
                // answered in line by the connection, not at once by the aggregator; an oversized body gets no
                // invitation, and the aggregator hands on its 413
                head.headers().remove(HttpHeaderNames.EXPECT);
                if (HttpUtil.getContentLength(head, -1L) <= max) {
                    ctx.fireChannelRead(Interim.CONTINUE);
                }
            }
        }
        super.channelRead(ctx, msg);
    }

    /** HTTP/1.1 or later with an {@code Expect} header other than {@code 100-continue} (earlier versions have none). */
    private static boolean expectsTheUnsupported(HttpRequest head) {
        String expect = head.headers().get(HttpHeaderNames.EXPECT);
        return expect != null && head.protocolVersion().compareTo(HttpVersion.HTTP_1_1) >= 0
                && !HttpHeaderValues.CONTINUE.contentEqualsIgnoreCase(expect);
    }

    private static boolean announcesNoBody(HttpRequest head) {
        HttpHeaders h = head.headers();
        return !h.contains(HttpHeaderNames.CONTENT_LENGTH) && !h.contains(HttpHeaderNames.TRANSFER_ENCODING);
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
