package io.spool.web;

import io.netty.handler.codec.http.HttpMethod;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request target (RFC 9112 §3.2) parsed once, on the event loop, into the one path everything else sees: the
 * router, {@link Context#path()}, static files and every filter. Origin-form must start with {@code /};
 * absolute-form ({@code http://host/p}) is reduced to its path and its authority must equal the Host header;
 * asterisk-form is for OPTIONS only; anything else is a 400.
 *
 * <p>The path is percent-decoded as UTF-8 segment by segment and its dot segments are removed (RFC 3986 §5.2.4),
 * so {@code /%61dmin} and {@code /x/../admin} are both {@code /admin}. What could be read two ways is refused
 * rather than guessed: an encoded slash ({@code %2F}, which would merge two segments), an encoded dot segment
 * ({@code %2e%2e}), a malformed escape or invalid UTF-8, and control characters.
 */
record RequestTarget(String raw, String path, String rawQuery) {
    static final String ASTERISK = "*";

    /** Parses {@code raw} as sent with {@code method}; {@code host} is the Host header's value (may be null). */
    static RequestTarget parse(HttpMethod method, String raw, String host) {
        if (raw.equals(ASTERISK)) {
            if (!HttpMethod.OPTIONS.equals(method)) {
                throw HttpError.badRequest("the request target '*' is only for OPTIONS");
            }
            return new RequestTarget(raw, ASTERISK, null);
        }
        if (raw.indexOf('#') >= 0) {
            throw HttpError.badRequest("a request target has no fragment ('#')");
        }
        int start = 0;
        if (raw.charAt(0) != '/') {
            start = absoluteFormPathStart(raw, host);
        }
        int q = raw.indexOf('?', start);
        String rawPath = q < 0 ? raw.substring(start) : raw.substring(start, q);
        if (rawPath.isEmpty()) {
            rawPath = "/";   // absolute-form with an empty path: http://host?x
        }
        return new RequestTarget(raw, canonicalPath(rawPath), q < 0 ? null : raw.substring(q + 1));
    }

    /**
     * {@code http://authority/path}: checks the scheme and that the authority is the Host header's (a target
     * naming one host and a header naming another is how requests get routed past a proxy's rules), and returns
     * where the path starts.
     */
    private static int absoluteFormPathStart(String raw, String host) {
        String lower = raw.toLowerCase(Locale.ROOT);
        int authorityStart = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
        if (authorityStart < 0) {
            throw HttpError.badRequest("a request target starts with '/' or is an absolute http(s) URI");
        }
        int end = authorityStart;
        while (end < raw.length() && raw.charAt(end) != '/' && raw.charAt(end) != '?') {
            end++;
        }
        String authority = raw.substring(authorityStart, end);
        if (authority.isEmpty() || authority.indexOf('@') >= 0) {
            throw HttpError.badRequest("the request target's authority must be a host, without user information");
        }
        if (host == null || !authority.equalsIgnoreCase(host)) {
            throw HttpError.badRequest("the request target's authority does not match the Host header");
        }
        return end;
    }

    /** The decoded path without dot segments; the raw path itself when it has neither escapes nor dots. */
    static String canonicalPath(String rawPath) {
        if (rawPath.indexOf('%') < 0 && rawPath.indexOf("/.") < 0) {
            return rawPath;   // nothing to decode or remove: most requests
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        List<String> out = new ArrayList<>(segments.length);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            if (s.equals(".") || s.equals("..")) {
                if (s.equals("..") && !out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.add("");   // "/a/b/.." is "/a/": the result names a directory
                }
                continue;
            }
            String decoded = decodeSegment(s);
            if (decoded.equals(".") || decoded.equals("..")) {
                throw HttpError.badRequest("an encoded dot segment in the path is ambiguous");
            }
            out.add(decoded);
        }
        return "/" + String.join("/", out);
    }

    /**
     * Percent-decodes one path segment as UTF-8 ({@code +} is a plus in a path). A malformed escape, invalid UTF-8,
     * an encoded {@code /} or a control character is a 400.
     */
    static String decodeSegment(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteBuffer bytes = ByteBuffer.allocate(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c != '%') {
                bytes.put((byte) c);   // the decoder let only visible ASCII into a target
                continue;
            }
            int hi = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int lo = hi < 0 ? -1 : Character.digit(segment.charAt(i + 2), 16);
            if (lo < 0) {
                throw HttpError.badRequest("malformed percent-encoding in path");
            }
            bytes.put((byte) (hi << 4 | lo));
            i += 2;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip()).toString();
        } catch (CharacterCodingException e) {
            throw HttpError.badRequest("the path is not valid UTF-8 once decoded");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '/') {
                throw HttpError.badRequest("an encoded '/' (%2F) in the path is ambiguous");
            }
            if (c < 0x20 || c == 0x7f) {
                throw HttpError.badRequest("a control character in the path");
            }
        }
        return decoded;
    }
}
