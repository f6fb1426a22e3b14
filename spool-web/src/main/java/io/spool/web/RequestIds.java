package io.spool.web;

import io.netty.util.AsciiString;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id: the client's {@code X-Request-Id} when it is sane (1 to 128 characters of letters, digits
 * and {@code . _ : -}), so that a trace spans services, else a fresh random one. Echoed on the response.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final AsciiString HEADER_NAME = AsciiString.cached(HEADER);   // hashed once, for request lookups
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    String idFor(String given) {
        if (given != null && SANE.matcher(given).matches()) {
            return given;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return HEX.toHexDigits(r.nextLong()) + HEX.toHexDigits(r.nextInt());
    }
}
