package io.spool.pg.types;

import io.spool.pg.protocol.WriteBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/**
 * The binary forms of the fixed-width and string types: {@code bool} (one byte), {@code int2/int4/int8} and
 * {@code oid} (big-endian two's complement; oid unsigned), {@code float4/float8} (IEEE 754 bits), {@code uuid}
 * (16 bytes), {@code bytea} (the raw bytes), the text types (UTF-8, the client encoding the driver asks for),
 * {@code jsonb} (a version byte 1, then the JSON text) and {@code "char"} (one raw byte). Parameters are
 * accepted with widening and range checks: an {@code Integer} for an int8, a {@code Long} for an int4 when it
 * fits, a whole {@code BigDecimal} for an int2.
 */
final class ScalarCodecs {
    private ScalarCodecs() {}

    /** The value {@code jsonb_send} puts before the text. */
    static final int JSONB_VERSION = 1;

    // ---- decoding ----

    static Boolean decodeBool(byte[] b, int off, int len) {
        Wire.expect(PgTypes.BOOL, len, 1);
        return b[off] != 0;
    }

    static Short decodeInt2(byte[] b, int off, int len) {
        Wire.expect(PgTypes.INT2, len, 2);
        return Wire.int2(b, off);
    }

    static Integer decodeInt4(byte[] b, int off, int len) {
        Wire.expect(PgTypes.INT4, len, 4);
        return Wire.int4(b, off);
    }

    static Long decodeInt8(byte[] b, int off, int len) {
        Wire.expect(PgTypes.INT8, len, 8);
        return Wire.int8(b, off);
    }

    static Long decodeOid(byte[] b, int off, int len) {
        Wire.expect(PgTypes.OID, len, 4);
        return Wire.int4(b, off) & 0xFFFF_FFFFL;
    }

    static Float decodeFloat4(byte[] b, int off, int len) {
        Wire.expect(PgTypes.FLOAT4, len, 4);
        return Float.intBitsToFloat(Wire.int4(b, off));
    }

    static Double decodeFloat8(byte[] b, int off, int len) {
        Wire.expect(PgTypes.FLOAT8, len, 8);
        return Double.longBitsToDouble(Wire.int8(b, off));
    }

    static UUID decodeUuid(byte[] b, int off, int len) {
        Wire.expect(PgTypes.UUID, len, 16);
        return new UUID(Wire.int8(b, off), Wire.int8(b, off + 8));
    }

    static byte[] decodeBytea(byte[] b, int off, int len) {
        return Arrays.copyOfRange(b, off, off + len);
    }

    static String decodeJsonb(byte[] b, int off, int len) {
        if (len < 1 || b[off] != JSONB_VERSION) {
            throw PgTypeException.malformed(PgTypes.JSONB, len < 1 ? "empty" : "version " + b[off]);
        }
        return Wire.utf8(b, off + 1, len - 1);
    }

    /** {@code "char"}: one byte; 0 is the empty string, bytes past ASCII print as {@code \ooo} as the server does. */
    static String decodeChar(byte[] b, int off, int len) {
        if (len > 1) {
            throw PgTypeException.badLength(PgTypes.CHAR, len, 1);
        }
        int c = len == 0 ? 0 : b[off] & 0xFF;
        if (c == 0) {
            return "";
        }
        if (c < 0x80) {
            return String.valueOf((char) c);
        }
        return "\\" + (c >> 6) + ((c >> 3) & 7) + (c & 7);
    }

    // ---- encoding ----

    /** True for the types {@link #encode} handles. */
    static boolean handles(int oid) {
        return switch (oid) {
            case PgTypes.BOOL, PgTypes.INT2, PgTypes.INT4, PgTypes.INT8, PgTypes.OID, PgTypes.FLOAT4, PgTypes.FLOAT8,
                 PgTypes.NUMERIC, PgTypes.BYTEA, PgTypes.UUID, PgTypes.TEXT, PgTypes.VARCHAR, PgTypes.BPCHAR,
                 PgTypes.NAME, PgTypes.UNKNOWN, PgTypes.CHAR, PgTypes.JSON, PgTypes.JSONB -> true;
            default -> false;
        };
    }

    /** A String parameter: the bytes themselves for string types, else text for the server's input function. */
    static int encodeString(String s, int oid, WriteBuffer out) {
        switch (oid) {
            case PgTypes.TEXT, PgTypes.VARCHAR, PgTypes.BPCHAR, PgTypes.NAME, PgTypes.UNKNOWN, PgTypes.JSON -> {
                out.writeUtf8(s);
                return 1;
            }
            case PgTypes.JSONB -> {
                out.writeByte(JSONB_VERSION).writeUtf8(s);
                return 1;
            }
            default -> {
                out.writeUtf8(s);  // '2024-01-01' for a date, a uuid string, '{1,2}' for an array...
                return 0;
            }
        }
    }

    static int encode(Object value, int oid, WriteBuffer out) {
        switch (oid) {
            case PgTypes.BOOL -> {
                if (value instanceof Boolean b) {
                    out.writeByte(b ? 1 : 0);
                    return 1;
                }
            }
            case PgTypes.INT2 -> {
                long v = integral(value, oid);
                if (v != (short) v) {
                    throw PgTypeException.cannotEncode(value, oid, "out of range");
                }
                out.writeShort((int) v);
                return 1;
            }
            case PgTypes.INT4 -> {
                long v = integral(value, oid);
                if (v != (int) v) {
                    throw PgTypeException.cannotEncode(value, oid, "out of range");
                }
                out.writeInt((int) v);
                return 1;
            }
            case PgTypes.INT8 -> {
                out.writeLong(integral(value, oid));
                return 1;
            }
            case PgTypes.OID -> {
                long v = integral(value, oid);
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    throw PgTypeException.cannotEncode(value, oid, "out of range");
                }
                out.writeInt((int) v);
                return 1;
            }
            case PgTypes.FLOAT4 -> {
                if (value instanceof Number n) {
                    float f = n.floatValue();
                    checkFinite(value, n.doubleValue(), f, oid);
                    out.writeFloat(f);
                    return 1;
                }
            }
            case PgTypes.FLOAT8 -> {
                if (value instanceof Number n) {
                    double d = n.doubleValue();
                    checkFinite(value, d, d, oid);
                    out.writeDouble(d);
                    return 1;
                }
            }
            case PgTypes.NUMERIC -> {
                return encodeNumeric(value, out);
            }
            case PgTypes.BYTEA -> {
                if (value instanceof byte[] b) {
                    out.writeBytes(b);
                    return 1;
                }
                if (value instanceof ByteBuffer bb) {
                    ByteBuffer view = bb.duplicate();  // leave the caller's position alone
                    byte[] copy = new byte[view.remaining()];
                    view.get(copy);
                    out.writeBytes(copy);
                    return 1;
                }
            }
            case PgTypes.UUID -> {
                if (value instanceof UUID u) {
                    out.writeLong(u.getMostSignificantBits()).writeLong(u.getLeastSignificantBits());
                    return 1;
                }
            }
            case PgTypes.TEXT, PgTypes.VARCHAR, PgTypes.BPCHAR, PgTypes.NAME, PgTypes.UNKNOWN -> {
                if (value instanceof CharSequence || value instanceof Character) {
                    return encodeString(value.toString(), oid, out);
                }
                if (!(value instanceof byte[]) && !value.getClass().isArray() && !(value instanceof Collection<?>)) {
                    return TextFormat.writeInput(value, oid, out);  // a number, date or UUID into a text column
                }
            }
            case PgTypes.CHAR -> {
                if (value instanceof CharSequence || value instanceof Character) {
                    out.writeUtf8(value.toString());
                    return 0;
                }
            }
            case PgTypes.JSON, PgTypes.JSONB -> {
                if (value instanceof CharSequence) {
                    return encodeString(value.toString(), oid, out);
                }
                throw PgTypeException.cannotEncode(value, oid, "pass JSON as a String");
            }
            default -> throw new IllegalStateException("no scalar codec for " + oid);
        }
        throw PgTypeException.cannotEncode(value, oid);
    }

    private static int encodeNumeric(Object value, WriteBuffer out) {
        if (value instanceof BigDecimal d) {
            NumericCodec.encode(d, out);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            NumericCodec.encode(((Number) value).longValue(), out);
        } else if (value instanceof BigInteger i) {
            NumericCodec.encode(new BigDecimal(i), out);
        } else if (value instanceof Double d) {
            NumericCodec.encode((double) d, out);
        } else if (value instanceof Float f) {
            NumericCodec.encode((float) f, out);
        } else {
            throw PgTypeException.cannotEncode(value, PgTypes.NUMERIC);
        }
        return 1;
    }

    /** A finite number that became infinite converting to float4/float8 was out of the type's range. */
    private static void checkFinite(Object value, double source, double converted, int oid) {
        if (Double.isInfinite(converted) && !Double.isInfinite(source)
                || value instanceof BigDecimal && Double.isInfinite(converted)
                || value instanceof BigInteger && Double.isInfinite(converted)) {
            throw PgTypeException.cannotEncode(value, oid, "out of range");
        }
    }

    /** The exact whole-number value of {@code value}; throws when it is not a number or not a whole one. */
    static long integral(Object value, int oid) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger i) {
            if (i.bitLength() < 64) {
                return i.longValue();
            }
            throw PgTypeException.cannotEncode(value, oid, "out of range");
        }
        if (value instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException e) {
                throw PgTypeException.cannotEncode(value, oid, "not a whole number in range");
            }
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && d >= -0x1p63 && d < 0x1p63) {
                return (long) d;
            }
            throw PgTypeException.cannotEncode(value, oid, "not a whole number in range");
        }
        throw PgTypeException.cannotEncode(value, oid);
    }
}
