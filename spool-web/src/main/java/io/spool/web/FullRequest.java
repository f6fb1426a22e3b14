package io.spool.web;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;

/**
 * A whole request as the connection runs it: Netty's full request, with the target {@link RequestDecoder}
 * parsed and the bytes of the server's {@link BodyBudget} its body holds until the exchange ends.
 */
final class FullRequest extends DefaultFullHttpRequest {
    private final RequestTarget target;
    private long budgeted;

    FullRequest(RequestHead head, ByteBuf content) {
        super(head.protocolVersion(), head.method(), head.uri(), content, head.headers(), EmptyHttpHeaders.INSTANCE);
        this.target = head.target();
    }

    RequestTarget target() {
        return target;
    }

    long budgeted() {
        return budgeted;
    }

    void budgeted(long bytes) {
        budgeted = bytes;
    }
}
