package io.spool.web;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/** A request head as {@link RequestDecoder} read it, with its target already parsed into the canonical path. */
final class RequestHead extends DefaultHttpRequest {
    private RequestTarget target;
    private Boolean streamed;   // asked of the router once, when a body is announced
    private boolean bodyFollows;   // said by the framing itself (HTTP/2 DATA frames), not by a header

    RequestHead(HttpVersion version, HttpMethod method, String uri, HttpHeaders headers) {
        super(version, method, uri, headers);
    }

    RequestTarget target() {
        return target;
    }

    void target(RequestTarget t) {
        target = t;
    }

    /** Marks a request whose body follows without a Content-Length (an HTTP/2 stream not ended by its HEADERS). */
    void bodyFollows() {
        bodyFollows = true;
    }

    /** Whether a body follows: a Content-Length or Transfer-Encoding says so, or the HTTP/2 framing did. */
    boolean hasBody() {
        return bodyFollows || headers().contains(io.netty.handler.codec.http.HttpHeaderNames.CONTENT_LENGTH)
                || headers().contains(io.netty.handler.codec.http.HttpHeaderNames.TRANSFER_ENCODING);
    }

    /** Whether the route of this request streams its body, as {@code router} says (asked once). */
    boolean streamed(java.util.function.BiPredicate<String, String> router) {
        if (streamed == null) {
            streamed = router.test(method().name(), target.path());
        }
        return streamed;
    }
}
