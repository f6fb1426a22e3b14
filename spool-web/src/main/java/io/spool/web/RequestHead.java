package io.spool.web;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/** A request head as {@link RequestDecoder} read it, with its target already parsed into the canonical path. */
final class RequestHead extends DefaultHttpRequest {
    private RequestTarget target;
    private Boolean streamed;   // asked of the router once, when a body is announced
    private Boolean body;       // whether a body follows; null: not known yet, ask the headers
    private boolean measured;   // the body has a Content-Length (else it comes in chunks or DATA frames)

    RequestHead(HttpVersion version, HttpMethod method, String uri, HttpHeaders headers) {
        super(version, method, uri, headers);
    }

    RequestTarget target() {
        return target;
    }

    void target(RequestTarget t) {
        target = t;
    }

    /** What the framing says of the body: whether one follows, and whether it has a Content-Length. */
    void body(boolean follows, boolean hasLength) {
        body = follows;
        measured = hasLength;
    }

    /** Whether a body follows (told by the decoder, which framed it; else read from the headers). */
    boolean hasBody() {
        if (body == null) {
            body(headers().contains(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH)
                    || headers().contains(io.netty.handler.codec.http.HttpHeaderNames.TRANSFER_ENCODING),
                    headers().contains(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH));
        }
        return body;
    }

    /** Whether the body's length was given up front (not chunked, not HTTP/2 DATA without a length). */
    boolean hasLength() {
        hasBody();
        return measured;
    }

    /** Whether the route of this request streams its body, as {@code router} says (asked once). */
    boolean streamed(java.util.function.BiPredicate<String, String> router) {
        if (streamed == null) {
            streamed = router.test(method().name(), target.path());
        }
        return streamed;
    }
}
