package io.spool.pg.types;

import io.spool.pg.protocol.WriteBuffer;

import java.util.HexFormat;

/** Test helpers: hex vectors, and encode/decode through {@link Codecs#DEFAULT}. */
final class Bin {
    private Bin() {}

    static final Codecs CODECS = Codecs.DEFAULT;

    /** Bytes from hex digits; spaces are ignored. */
    static byte[] hex(String digits) {
        return HexFormat.of().parseHex(digits.replace(" ", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** The parameter bytes for {@code value} sent as {@code oid}; asserts the format code is binary. */
    static byte[] encode(Object value, int oid) {
        WriteBuffer out = new WriteBuffer();
        int format = CODECS.encode(value, oid, out);
        if (format != 1) {
            throw new AssertionError("expected binary format for " + value + " as " + PgTypes.name(oid) + ", got text: "
                    + new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** The text a parameter was sent as; asserts the format code is text. */
    static String encodeText(Object value, int oid) {
        WriteBuffer out = new WriteBuffer();
        int format = CODECS.encode(value, oid, out);
        String text = new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        if (format != 0) {
            throw new AssertionError("expected text format for " + value + " as " + PgTypes.name(oid) + ", got binary");
        }
        return text;
    }

    /** Decodes binary bytes, placed at an offset inside a larger buffer to catch offset mistakes. */
    static Object decode(int oid, byte[] value) {
        byte[] padded = new byte[value.length + 7];
        System.arraycopy(value, 0, padded, 3, value.length);
        return CODECS.decode(oid, true, padded, 3, value.length);
    }

    static <T> T decode(int oid, byte[] value, Class<T> type) {
        byte[] padded = new byte[value.length + 7];
        System.arraycopy(value, 0, padded, 3, value.length);
        return CODECS.decode(oid, true, padded, 3, value.length, type);
    }

    /** Decodes a text-format value as {@code type}. */
    static <T> T text(int oid, String text, Class<T> type) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return CODECS.decode(oid, false, b, 0, b.length, type);
    }

    /** Encodes then decodes. */
    static Object roundTrip(Object value, int oid) {
        return decode(oid, encode(value, oid));
    }
}
