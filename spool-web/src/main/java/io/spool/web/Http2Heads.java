package io.spool.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.HttpConversionUtil;

/**
 * In an HTTP/2 stream's pipeline, after Netty's frame-to-HTTP/1 conversion: turns the request it made into the
 * {@link RequestHead} the rest of spool-web expects, with the target parsed into the canonical path as for
 * HTTP/1.1 (the authority is the Host), so routes, filters and limits see HTTP/2 requests as they see HTTP/1.1
 * ones. A request whose target or authority is refused becomes a {@link Rejected}.
 */
final class Http2Heads extends ChannelInboundHandlerAdapter {
    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            io.netty.util.ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof HttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        HttpHeaders headers = req.headers();
        for (HttpConversionUtil.ExtensionHeaderNames name : HttpConversionUtil.ExtensionHeaderNames.values()) {
            headers.remove(name.text());   // x-http2-stream-id and friends: not the client's headers
        }
        RequestHead head = new RequestHead(HttpVersion.HTTP_1_1, req.method(), req.uri(), headers);
        String host = headers.get(HttpHeaderNames.HOST);
        try {
            if (host != null && !Hosts.valid(host)) {
                throw HttpError.badRequest("invalid :authority");
            }
            head.target(RequestTarget.parse(req.method(), req.uri(), host));
        } catch (HttpError e) {
            refused = true;
            io.netty.util.ReferenceCountUtil.release(msg);
            ctx.fireChannelRead(Rejected.whileReading(e.status(), e.getMessage()));
            return;
        }
        if (msg instanceof FullHttpRequest full) {   // HEADERS with END_STREAM, perhaps after DATA: split as HTTP/1.1
            ByteBuf content = full.content();
            if (content.isReadable()) {
                headers.set(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
                ctx.fireChannelRead(head);
                ctx.fireChannelRead(new DefaultLastHttpContent(content));
            } else {
                content.release();
                ctx.fireChannelRead(head);
                ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
            }
            return;
        }
        head.body(true, headers.contains(HttpHeaderNames.CONTENT_LENGTH));   // DATA frames follow, up to END_STREAM
        ctx.fireChannelRead(head);
    }
}
