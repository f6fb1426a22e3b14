package io.spool.web;

import java.net.InetSocketAddress;

/**
 * One line of the access log, handed to the consumer given to {@link WebApp#accessLog(java.util.function.Consumer)}
 * after the response has been written. {@code route} is the matched pattern, or null. A request refused before
 * routing (malformed, too large, too slow) has method "-", its reason in place of the URI and no request id.
 */
public record AccessLog(String method, String uri, String route, int status, long micros, String requestId,
                        InetSocketAddress remote) {
    @Override
    public String toString() {
        return (remote == null ? "-" : remote.getAddress().getHostAddress()) + " \"" + method + " " + uri + "\" "
                + status + " " + micros + "us id=" + requestId;
    }
}
