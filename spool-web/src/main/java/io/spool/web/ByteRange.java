package io.spool.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A {@code Range: bytes=...} request for part of a static file (RFC 9110 §14). One range is served as a 206 with
 * {@code Content-Range}; a header that is not one well-formed byte range (other units, several ranges, junk) is
 * ignored and the whole file sent, as the RFC allows; a range that starts past the end is a 416.
 */
record ByteRange(long first, long last) {
    /** Marks a range that no byte of the file satisfies. */
    static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    long length() {
        return last - first + 1;
    }

    /** The range {@code header} asks of a file of {@code size} bytes; null to send the whole file. */
    static ByteRange parse(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6) || header.indexOf(',') >= 0) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash);
            String to = spec.substring(dash + 1);
            if (from.isEmpty()) {   // a suffix: the last N bytes
                long n = digits(to);
                return n == 0 || size == 0 ? UNSATISFIABLE : new ByteRange(Math.max(0, size - n), size - 1);
            }
            long first = digits(from);
            long last = to.isEmpty() ? size - 1 : digits(to);
            if (last < first) {
                return null;   // invalid, so ignored (RFC 9110 §14.1.1)
            }
            return first >= size ? UNSATISFIABLE : new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The first {@code n} bytes of {@code in}; closing it closes {@code in}. */
    static InputStream limit(InputStream in, long n) {
        return new FilterInputStream(in) {
            private long left = n;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                left -= b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int r = super.read(b, off, (int) Math.min(len, left));
                left -= Math.max(r, 0);
                return r;
            }
        };
    }

    private static long digits(String s) {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(s);
        }
        return Long.parseLong(s);
    }
}
