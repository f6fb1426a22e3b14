package io.spool.pg.types;

import io.spool.pg.protocol.WriteBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The binary form of {@code numeric} (PostgreSQL's {@code numeric_send}/{@code numeric_recv}): four uint16 header
 * fields — digit count, weight (the power of 10000 of the first digit), sign ({@code 0x0000} positive,
 * {@code 0x4000} negative, {@code 0xC000} NaN, {@code 0xD000} +Infinity, {@code 0xF000} -Infinity) and display
 * scale (digits after the point) — then the base-10000 digits, most significant first, with no leading or
 * trailing zero digits. 12345.678 is {@code 3, 1, 0, 3, [1, 2345, 6780]}. Values of up to 16 decimal digits
 * are converted through a {@code long} without touching {@code BigInteger}.
 */
final class NumericCodec {
    private NumericCodec() {}

    static final int POS = 0x0000;
    static final int NEG = 0x4000;
    static final int NAN = 0xC000;
    static final int PINF = 0xD000;
    static final int NINF = 0xF000;
    /** The largest display scale PostgreSQL stores (14 bits). */
    static final int MAX_DSCALE = 0x3FFF;

    private static final long[] POW10 = {1, 10, 100, 1000};
    private static final BigInteger[] BIG_POW10 = {BigInteger.ONE, BigInteger.TEN, BigInteger.valueOf(100), BigInteger.valueOf(1000)};

    /** Decodes to a {@code BigDecimal} with the value's display scale, or to a {@code Double} NaN or infinity. */
    static Number decode(byte[] b, int off, int len) {
        if (len < 8) {
            throw PgTypeException.malformed(PgTypes.NUMERIC, len + " bytes, shorter than its 8-byte header");
        }
        int ndigits = Wire.uint2(b, off);
        int weight = Wire.int2(b, off + 2);
        int sign = Wire.uint2(b, off + 4);
        int dscale = Wire.uint2(b, off + 6);
        if (len != 8 + 2 * ndigits) {
            throw PgTypeException.malformed(PgTypes.NUMERIC, len + " bytes for " + ndigits + " digits");
        }
        switch (sign) {
            case POS, NEG -> { }
            case NAN -> {
                return Double.NaN;
            }
            case PINF -> {
                return Double.POSITIVE_INFINITY;
            }
            case NINF -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> throw PgTypeException.malformed(PgTypes.NUMERIC, "sign 0x" + Integer.toHexString(sign));
        }
        if (dscale > MAX_DSCALE) {
            throw PgTypeException.malformed(PgTypes.NUMERIC, "display scale " + dscale);
        }
        if (ndigits == 0) {
            return BigDecimal.valueOf(0, dscale);
        }
        // The digits read as one integer put the point 4 * (ndigits - 1 - weight) decimal places from the right.
        int scale = 4 * (ndigits - 1 - weight);
        BigDecimal value;
        int p = off + 8;
        if (ndigits <= 4) {
            long acc = 0;
            for (int i = 0; i < ndigits; i++, p += 2) {
                acc = acc * 10000 + digit(b, p);
            }
            value = BigDecimal.valueOf(sign == NEG ? -acc : acc, scale);
        } else {
            char[] chars = new char[ndigits * 4];
            for (int i = 0; i < ndigits; i++, p += 2) {
                int d = digit(b, p);
                chars[4 * i] = (char) ('0' + d / 1000);
                chars[4 * i + 1] = (char) ('0' + d / 100 % 10);
                chars[4 * i + 2] = (char) ('0' + d / 10 % 10);
                chars[4 * i + 3] = (char) ('0' + d % 10);
            }
            BigInteger unscaled = new BigInteger(new String(chars));
            value = new BigDecimal(sign == NEG ? unscaled.negate() : unscaled, scale);
        }
        // digits past the display scale are zero in anything the server sends; DOWN mirrors numeric_out if not
        return scale == dscale ? value : value.setScale(dscale, RoundingMode.DOWN);
    }

    private static int digit(byte[] b, int at) {
        int d = Wire.uint2(b, at);
        if (d > 9999) {
            throw PgTypeException.malformed(PgTypes.NUMERIC, "digit " + d + " is not below 10000");
        }
        return d;
    }

    static void encodeSpecial(double d, WriteBuffer out) {
        int sign = Double.isNaN(d) ? NAN : d > 0 ? PINF : NINF;
        out.writeShort(0).writeShort(0).writeShort(sign).writeShort(0);
    }

    static void encode(double d, WriteBuffer out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            encodeSpecial(d, out);
        } else {
            encode(new BigDecimal(Double.toString(d)), out);  // the shortest decimal that reads back as d
        }
    }

    static void encode(float f, WriteBuffer out) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            encodeSpecial(f, out);
        } else {
            encode(new BigDecimal(Float.toString(f)), out);
        }
    }

    static void encode(long v, WriteBuffer out) {
        if (v == Long.MIN_VALUE) {
            encode(BigDecimal.valueOf(v), out);
        } else {
            write(v < 0, Math.abs(v), null, 0, 0, out);
        }
    }

    static void encode(BigDecimal v, WriteBuffer out) {
        int scale = v.scale();
        int dscale = Math.max(scale, 0);
        if (dscale > MAX_DSCALE) {
            throw PgTypeException.cannotEncode(v, PgTypes.NUMERIC, "more than " + MAX_DSCALE + " digits after the point");
        }
        BigInteger unscaled = v.unscaledValue();
        boolean negative = unscaled.signum() < 0;
        // Pad the scale up to a multiple of 4, so groups of four decimal digits are the base-10000 digits.
        int pad = Math.floorMod(-scale, 4);
        if (unscaled.bitLength() < 53) {
            write(negative, Math.abs(unscaled.longValue()) * POW10[pad], null, scale + pad, dscale, out);
        } else {
            write(negative, 0, unscaled.abs().multiply(BIG_POW10[pad]), scale + pad, dscale, out);
        }
    }

    /**
     * Writes |value| = magnitude (or big, when not null) * 10^-alignedScale, where alignedScale is a multiple
     * of 4 (possibly negative).
     */
    private static void write(boolean negative, long magnitude, BigInteger big, int alignedScale, int dscale,
                              WriteBuffer out) {
        int[] digits;
        int n;
        if (big == null) {
            if (magnitude == 0) {
                out.writeShort(0).writeShort(0).writeShort(POS).writeShort(dscale);
                return;
            }
            digits = new int[5];  // a long has at most 19 decimal digits
            n = 0;
            for (long m = magnitude; m != 0; m /= 10000) {
                digits[n++] = (int) (m % 10000);
            }
        } else {
            String s = big.toString();
            n = (s.length() + 3) / 4;
            digits = new int[n];
            for (int i = 0, end = s.length(); i < n; i++, end -= 4) {
                digits[i] = Integer.parseInt(s, Math.max(0, end - 4), end, 10);
            }
        }
        // digits[] is least significant first; drop trailing zero digits (they are implied by the weight)
        int low = 0;
        while (digits[low] == 0) {
            low++;
        }
        long weight = n - 1 - alignedScale / 4;
        if (weight > Short.MAX_VALUE || weight < Short.MIN_VALUE) {
            throw new PgTypeException("numeric value with " + (4 * weight) + " digits before the point is out of PostgreSQL's range");
        }
        int count = n - low;
        if (count > 0xFFFF) {
            throw new PgTypeException("numeric value with " + (4 * count) + " significant digits is too long for PostgreSQL");
        }
        out.writeShort(count).writeShort((int) weight).writeShort(negative ? NEG : POS).writeShort(dscale);
        for (int i = n - 1; i >= low; i--) {
            out.writeShort(digits[i]);
        }
    }
}
