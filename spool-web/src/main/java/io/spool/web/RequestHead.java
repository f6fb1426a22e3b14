package io.spool.web;

import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/** A request head as {@link RequestDecoder} read it, with its target already parsed into the canonical path. */
final class RequestHead extends DefaultHttpRequest {
    private RequestTarget target;

    RequestHead(HttpVersion version, HttpMethod method, String uri, HttpHeaders headers) {
        super(version, method, uri, headers);
    }

    RequestTarget target() {
        return target;
    }

    void target(RequestTarget t) {
        target = t;
    }
}
