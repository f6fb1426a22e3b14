package io.spool.web;

/**
 * The syntax of a Host header (RFC 9110 §7.2, RFC 3986 §3.2.2): {@code uri-host [ ":" port ]}, where the host is
 * a bracketed IP literal or a reg-name/IPv4 of unreserved characters, escapes and sub-delims. Empty is allowed
 * (a target without an authority). Anything else, such as a space, a slash or a second colon, is refused: a
 * Host that a proxy and this server could read differently is a way to route around the proxy.
 */
final class Hosts {
    private Hosts() {}

    static boolean valid(String host) {
        int i = 0;
        int n = host.length();
        if (n > 0 && host.charAt(0) == '[') {
            int close = host.indexOf(']');
            if (close < 2) {
                return false;
            }
            for (i = 1; i < close; i++) {
                char c = host.charAt(i);
                if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                    return false;
                }
            }
            i = close + 1;
        } else {
            while (i < n && regNameChar(host.charAt(i))) {
                i++;
            }
        }
        if (i == n) {
            return true;
        }
        if (host.charAt(i) != ':') {
            return false;
        }
        for (int p = i + 1; p < n; p++) {
            if (host.charAt(p) < '0' || host.charAt(p) > '9') {
                return false;
            }
        }
        return n - i - 1 <= 5;
    }

    private static boolean regNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~%!$&'()*+,;=".indexOf(c) >= 0;
    }
}
