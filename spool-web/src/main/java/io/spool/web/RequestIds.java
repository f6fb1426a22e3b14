package io.spool.web;

import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id: the client's {@code X-Request-Id} when it is sane (1 to 128 characters of letters, digits
 * and {@code . _ : -}), so that a trace spans services, else a fresh random one. Echoed on the response.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    static final AsciiString HEADER_NAME = AsciiString.cached(HEADER);   // hashed once, for request lookups
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int FRESH_DIGITS = 24;   // 96 random bits
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    String idFor(String given) {
        if (given != null && SANE.matcher(given).matches()) {
            return given;
        }
        return fresh();
    }

    /** 24 random hex digits, written straight into one array (every request without an id needs one). */
    private static String fresh() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        byte[] digits = new byte[FRESH_DIGITS];
        long bits = 0;
        for (int i = 0; i < FRESH_DIGITS; i++, bits >>>= 4) {
            if (i % 16 == 0) {
                bits = r.nextLong();
            }
            digits[i] = HEX_DIGITS[(int) bits & 15];
        }
        return new String(digits, StandardCharsets.ISO_8859_1);
    }
}
