package io.spool.web;

import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.time.Duration;

/**
 * A cookie to set on the client, built fluently and written as one {@code Set-Cookie} header by Netty's strict
 * encoder (RFC 6265: a name or value it cannot carry is refused). {@code HttpOnly} and {@code SameSite=Lax} are
 * on by default; {@link #remove} makes one that deletes a cookie.
 */
public record Cookie(String name, String value, String path, String domain, Duration maxAge, boolean secure,
                     boolean httpOnly, SameSite sameSite) {
    /** Where the browser sends the cookie from (RFC 6265bis). */
    public enum SameSite { STRICT, LAX, NONE }

    /** A session cookie for the whole site: path {@code /}, HttpOnly, SameSite=Lax, not Secure. */
    public static Cookie of(String name, String value) {
        return new Cookie(name, value, "/", null, null, false, true, SameSite.LAX);
    }

    /** A cookie that makes the client drop {@code name} (set for {@code /}; use {@link #path} for another). */
    public static Cookie remove(String name) {
        return of(name, "").maxAge(Duration.ZERO);
    }

    public Cookie path(String path) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    public Cookie domain(String domain) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** How long the client keeps it; null: until the browser closes. */
    public Cookie maxAge(Duration maxAge) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    public Cookie secure(boolean on) {
        return new Cookie(name, value, path, domain, maxAge, on, httpOnly, sameSite);
    }

    public Cookie httpOnly(boolean on) {
        return new Cookie(name, value, path, domain, maxAge, secure, on, sameSite);
    }

    /** {@code NONE} needs {@link #secure} (browsers drop it otherwise). */
    public Cookie sameSite(SameSite sameSite) {
        return new Cookie(name, value, path, domain, maxAge, secure, httpOnly, sameSite);
    }

    /** The {@code Set-Cookie} value; an IllegalArgumentException for a name or value a cookie cannot carry. */
    String header() {
        DefaultCookie c = new DefaultCookie(name, value);
        c.setPath(path);
        c.setDomain(domain);
        if (maxAge != null) {
            c.setMaxAge(maxAge.toSeconds());
        }
        c.setSecure(secure);
        c.setHttpOnly(httpOnly);
        if (sameSite != null) {
            c.setSameSite(switch (sameSite) {
                case STRICT -> CookieHeaderNames.SameSite.Strict;
                case LAX -> CookieHeaderNames.SameSite.Lax;
                case NONE -> CookieHeaderNames.SameSite.None;
            });
        }
        return ServerCookieEncoder.STRICT.encode(c);
    }
}
