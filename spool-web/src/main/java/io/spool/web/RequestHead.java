package io.spool.web;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/** A request head as {@link RequestDecoder} read it, with its target already parsed into the canonical path. */
final class RequestHead extends DefaultHttpRequest {
    private RequestTarget target;
    private Boolean streamed;   // asked of the router once, when a body is announced

    RequestHead(HttpVersion version, HttpMethod method, String uri, HttpHeaders headers) {
        super(version, method, uri, headers);
    }

    RequestTarget target() {
        return target;
    }

    void target(RequestTarget t) {
        target = t;
    }

    /** Whether the route of this request streams its body, as {@code router} says (asked once). */
    boolean streamed(java.util.function.BiPredicate<String, String> router) {
        if (streamed == null) {
            streamed = router.test(method().name(), target.path());
        }
        return streamed;
    }
}
