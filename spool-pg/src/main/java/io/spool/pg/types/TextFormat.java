package io.spool.pg.types;

import io.spool.pg.protocol.WriteBuffer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.UUID;

/**
 * Java values as PostgreSQL text. {@link #output} renders a decoded value the way the server's output function
 * prints it (so a binary column read as {@code String} matches the same column read in text format: {@code t},
 * {@code 1e+20}, {@code 2024-01-02 03:04:05.5}, {@code \x0102}, {@code {1,NULL,"a b"}}); {@link #input} renders a
 * parameter in syntax the server's input function accepts, for parameters sent in text format.
 */
final class TextFormat {
    private TextFormat() {}

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The server's text output for a decoded value (timestamptz in UTC, as it was decoded). */
    static String output(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof Object[] items) {
            return arrayLiteral(items, false);
        }
        String s = common(v);
        return s != null ? s : String.valueOf(v);
    }

    /** Text the server's input function accepts for {@code v}, or null when there is no such rendering. */
    static String input(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (v instanceof BigDecimal d) {
            return Math.abs(d.scale()) < 1000 ? d.toPlainString() : d.toString();
        }
        if (v instanceof Character || v instanceof CharSequence) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Instant i) {
            return i.equals(Instant.MAX) ? "infinity" : i.equals(Instant.MIN) ? "-infinity"
                    : DateTimeText.formatTimestamptz(i.atOffset(ZoneOffset.UTC));
        }
        if (v instanceof ZonedDateTime z) {
            return DateTimeText.formatTimestamptz(z.toOffsetDateTime());
        }
        if (v instanceof Duration d) {
            return PgInterval.of(d).toPostgresString();
        }
        if (v instanceof Period p) {
            return PgInterval.of(p).toPostgresString();
        }
        if (v instanceof Byte b) {
            return b.toString();
        }
        if (v != null && !(v instanceof byte[]) && (v.getClass().isArray() || v instanceof Collection<?>)) {
            return arrayLiteral(ArrayCodec.items(v, 0), true);
        }
        return common(v);
    }

    /** Writes {@code value}'s text input form for a parameter of type {@code oid}; returns 0, the text format code. */
    static int writeInput(Object value, int oid, WriteBuffer out) {
        String s = input(value);
        if (s == null) {
            throw PgTypeException.cannotEncode(value, oid);
        }
        out.writeUtf8(s);
        return 0;
    }

    /** Renderings shared by output and input. */
    private static String common(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            return formatDouble(d);
        }
        if (v instanceof Float f) {
            return formatFloat(f);
        }
        if (v instanceof UUID) {
            return v.toString();
        }
        if (v instanceof byte[] b) {
            return hex(b);
        }
        if (v instanceof LocalDate d) {
            return DateTimeText.formatDate(d);
        }
        if (v instanceof LocalDateTime ts) {
            return DateTimeText.formatTimestamp(ts);
        }
        if (v instanceof OffsetDateTime ts) {
            return DateTimeText.formatTimestamptz(ts);
        }
        if (v instanceof LocalTime t) {
            return DateTimeText.formatTime(t);
        }
        if (v instanceof OffsetTime t) {
            return DateTimeText.formatTimetz(t);
        }
        if (v instanceof PgInterval i) {
            return i.toPostgresString();
        }
        return null;
    }

    /** bytea's hex output: {@code \x} and two lowercase digits a byte. */
    static String hex(byte[] b) {
        char[] c = new char[2 + 2 * b.length];
        c[0] = '\\';
        c[1] = 'x';
        for (int i = 0; i < b.length; i++) {
            c[2 + 2 * i] = HEX[(b[i] >> 4) & 0xF];
            c[3 + 2 * i] = HEX[b[i] & 0xF];
        }
        return new String(c);
    }

    /** float8 output: shortest round-trip digits, fixed notation for exponents -4..14, else {@code 1.5e+20}. */
    static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return special(d);
        }
        return shortest(Double.toString(Math.abs(d)), d < 0, 15, Math.abs(d), false);
    }

    /** float4 output: as float8, with fixed notation for exponents -4..5. */
    static String formatFloat(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f) || f == 0) {
            return special(f);
        }
        return shortest(Float.toString(Math.abs(f)), f < 0, 6, Math.abs(f), true);
    }

    private static String special(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return 1 / d < 0 ? "-0" : "0";
    }

    /**
     * Re-lays Java's shortest digits ({@code Double.toString}, exact since JDK 19) in the server's layout. The
     * digits are the server's (Ryu's) except where one digit would do: Java then still picks the closest
     * two-digit decimal (4.9E-324), Ryu the closest one-digit one (5e-324), which {@link #oneDigit} restores.
     */
    private static String shortest(String java, boolean negative, int maxFixedExponent, double abs, boolean isFloat) {
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(java, e + 1, java.length(), 10);
        int dot = mantissa.indexOf('.');
        String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int pointAt = (dot < 0 ? mantissa.length() : dot) + exponent;  // digits before the point
        int start = 0;
        while (start < digits.length() - 1 && digits.charAt(start) == '0') {
            start++;
            pointAt--;
        }
        int end = digits.length();
        while (end > start + 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(start, end);
        int x = pointAt - 1;  // decimal exponent of the first digit
        if (digits.length() == 2) {
            String one = oneDigit(digits, x, abs, isFloat);
            if (one != null) {
                x += one.length() - 1;  // "10": 9.6 rounded up to the next power of ten
                digits = one.substring(0, 1);
            }
        }
        StringBuilder sb = new StringBuilder(digits.length() + 8);
        if (negative) {
            sb.append('-');
        }
        if (x >= -4 && x < maxFixedExponent) {
            if (x < 0) {
                sb.append("0.");
                sb.repeat('0', -x - 1);
                sb.append(digits);
            } else if (digits.length() <= x + 1) {
                sb.append(digits);
                sb.repeat('0', x + 1 - digits.length());
            } else {
                sb.append(digits, 0, x + 1).append('.').append(digits, x + 1, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            sb.append('e').append(x < 0 ? '-' : '+');
            if (Math.abs(x) < 10) {
                sb.append('0');
            }
            sb.append(Math.abs(x));
        }
        return sb.toString();
    }

    /** The one-digit decimal nearest {@code abs} that reads back as it ("5", or "10" for the next power), or null. */
    private static String oneDigit(String digits, int x, double abs, boolean isFloat) {
        int first = digits.charAt(0) - '0';
        BigDecimal exact = new BigDecimal(abs);
        String best = null;
        BigDecimal bestDistance = null;
        for (int d = first; d <= first + 1; d++) {
            BigDecimal candidate = BigDecimal.valueOf(d).scaleByPowerOfTen(x);
            double back = isFloat ? Float.parseFloat(candidate.toString()) : Double.parseDouble(candidate.toString());
            if (back != abs) {
                continue;
            }
            BigDecimal distance = candidate.subtract(exact).abs();
            if (bestDistance == null || distance.compareTo(bestDistance) < 0) {
                best = Integer.toString(d);
                bestDistance = distance;
            }
        }
        return best;
    }

    /** An array literal such as {@code {1,NULL,"a b"}}, elements rendered for output or for input. */
    static String arrayLiteral(Object[] items, boolean forInput) {
        StringBuilder sb = new StringBuilder(2 + items.length * 8).append('{');
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object item = items[i];
            if (item == null) {
                sb.append("NULL");
                continue;
            }
            if (ArrayCodec.isNested(item)) {   // a sub-array of a multi-dimensional array: braces, never quoted
                sb.append(arrayLiteral(ArrayCodec.items(item, 0), forInput));
                continue;
            }
            String s = forInput ? input(item) : output(item);
            if (s == null) {
                throw new PgTypeException("cannot send a " + item.getClass().getName() + " as an array element");
            }
            appendElement(sb, s);
        }
        return sb.append('}').toString();
    }

    /** Appends one element, quoted as {@code array_out} quotes: when empty, NULL, or holding {@code {},"\} or space. */
    static void appendElement(StringBuilder sb, String s) {
        boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL");
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || c == ' ' || c == '\t' || c == '\n'
                    || c == '\r' || c == 0x0B || c == '\f';
        }
        if (!quote) {
            sb.append(s);
            return;
        }
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
