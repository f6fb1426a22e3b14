package io.spool.pg.types;

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
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Parses PostgreSQL's text output into the Java values binary decoding gives, so a value read in text format
 * (simple-protocol results) converts to the same classes: {@code t} to {@code Boolean}, {@code 1e+20} to
 * {@code Double}, {@code \x0102} to {@code byte[]}, {@code {1,NULL,3}} to {@code Integer[]}. Also parses a string
 * column's text into a class asked for ({@code "42"} as {@code Integer}).
 */
final class TextParser {
    private TextParser() {}

    /** The value binary decoding of type {@code oid} would give, from its text output {@code s}. */
    static Object natural(int oid, String s) {
        try {
            return switch (oid) {
                case PgTypes.BOOL -> parseBool(s);
                case PgTypes.INT2 -> Short.valueOf(s.strip());
                case PgTypes.INT4 -> Integer.valueOf(s.strip());
                case PgTypes.INT8, PgTypes.OID -> Long.valueOf(s.strip());
                case PgTypes.FLOAT4 -> Float.valueOf(s);
                case PgTypes.FLOAT8 -> Double.valueOf(s);
                case PgTypes.NUMERIC -> parseNumeric(s);
                case PgTypes.UUID -> parseUuid(s);
                case PgTypes.BYTEA -> parseBytea(s);
                case PgTypes.DATE -> DateTimeText.parseDate(s);
                case PgTypes.TIME -> DateTimeText.parseTime(s);
                case PgTypes.TIMETZ -> DateTimeText.parseTimetz(s);
                case PgTypes.TIMESTAMP -> DateTimeText.parseTimestamp(s);
                case PgTypes.TIMESTAMPTZ -> DateTimeText.parseTimestamptz(s);
                case PgTypes.INTERVAL -> DateTimeText.parseInterval(s);
                default -> {
                    int element = PgTypes.elementOf(oid);
                    yield element != 0 ? parseArray(s, element, oid) : s;
                }
            };
        } catch (NumberFormatException e) {
            throw new PgTypeException("cannot parse '" + PgTypeException.abbreviate(s).replace("'", "")
                    + "' as PostgreSQL " + PgTypes.name(oid), e);
        }
    }

    /** The type whose text output a class is parsed from, for strings read as another class; 0 if none. */
    static int typeFor(Class<?> type) {
        if (type == Integer.class) {
            return PgTypes.INT4;
        }
        if (type == Long.class || type == BigInteger.class) {
            return PgTypes.INT8;
        }
        if (type == Short.class || type == Byte.class) {
            return PgTypes.INT2;
        }
        if (type == BigDecimal.class) {
            return PgTypes.NUMERIC;
        }
        if (type == Double.class) {
            return PgTypes.FLOAT8;
        }
        if (type == Float.class) {
            return PgTypes.FLOAT4;
        }
        if (type == Boolean.class) {
            return PgTypes.BOOL;
        }
        if (type == UUID.class) {
            return PgTypes.UUID;
        }
        if (type == LocalDate.class) {
            return PgTypes.DATE;
        }
        if (type == LocalDateTime.class) {
            return PgTypes.TIMESTAMP;
        }
        if (type == OffsetDateTime.class || type == Instant.class || type == ZonedDateTime.class) {
            return PgTypes.TIMESTAMPTZ;
        }
        if (type == LocalTime.class) {
            return PgTypes.TIME;
        }
        if (type == OffsetTime.class) {
            return PgTypes.TIMETZ;
        }
        if (type == PgInterval.class || type == Duration.class || type == Period.class) {
            return PgTypes.INTERVAL;
        }
        return 0;
    }

    /** PostgreSQL's boolean input words. */
    static Boolean parseBool(String s) {
        switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "t", "true", "y", "yes", "on", "1" -> {
                return Boolean.TRUE;
            }
            case "f", "false", "n", "no", "off", "0" -> {
                return Boolean.FALSE;
            }
            default -> throw new PgTypeException("cannot parse '" + PgTypeException.abbreviate(s).replace("'", "")
                    + "' as PostgreSQL bool");
        }
    }

    /** A {@code BigDecimal}, or {@code Double} NaN/±Infinity for numeric's special values. */
    static Number parseNumeric(String s) {
        String t = s.strip();
        switch (t) {
            case "NaN" -> {
                return Double.NaN;
            }
            case "Infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                return new BigDecimal(t);
            }
        }
    }

    /** The forms uuid_in accepts: hex digits with optional hyphens between groups, optionally in braces. */
    static UUID parseUuid(String s) {
        String t = s.strip();
        if (t.length() > 2 && t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}') {
            t = t.substring(1, t.length() - 1);
        }
        long hi = 0;
        long lo = 0;
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '-' && n > 0 && n % 4 == 0 && i + 1 < t.length() && t.charAt(i + 1) != '-') {
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0 || n == 32) {
                n = -1;
                break;
            }
            if (n < 16) {
                hi = hi << 4 | d;
            } else {
                lo = lo << 4 | d;
            }
            n++;
        }
        if (n != 32) {
            throw new PgTypeException("cannot parse '" + PgTypeException.abbreviate(s).replace("'", "")
                    + "' as PostgreSQL uuid");
        }
        return new UUID(hi, lo);
    }

    /** bytea output in hex ({@code \x0a0b}) or escape ({@code a\012\\}) format. */
    static byte[] parseBytea(String s) {
        if (s.startsWith("\\x")) {
            int n = s.length() - 2;
            byte[] out = new byte[n / 2];
            int j = 0;
            for (int i = 2; i < s.length(); ) {
                if (Character.isWhitespace(s.charAt(i))) {
                    i++;
                    continue;
                }
                int hi = i + 1 < s.length() ? Character.digit(s.charAt(i), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 1), 16);
                if (lo < 0) {
                    throw new PgTypeException("cannot parse bytea hex text: bad digit at " + i);
                }
                out[j++] = (byte) (hi << 4 | lo);
                i += 2;
            }
            return j == out.length ? out : Arrays.copyOf(out, j);
        }
        byte[] out = new byte[s.length()];
        int j = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 < s.length() && s.charAt(i + 1) == '\\') {
                    out[j++] = '\\';
                    i++;
                } else if (isOctal(s, i + 1) && isOctal(s, i + 2) && isOctal(s, i + 3)) {
                    out[j++] = (byte) ((s.charAt(i + 1) - '0') << 6 | (s.charAt(i + 2) - '0') << 3 | (s.charAt(i + 3) - '0'));
                    i += 3;
                } else {
                    throw new PgTypeException("cannot parse bytea escape text: bad escape at " + i);
                }
            } else if (c > 0xFF) {
                throw new PgTypeException("cannot parse bytea escape text: character " + c + " at " + i);
            } else {
                out[j++] = (byte) c;
            }
        }
        return Arrays.copyOf(out, j);
    }

    private static boolean isOctal(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '7';
    }

    /**
     * A one-dimensional array literal ({@code {1,NULL,"a \"b\""}}, optionally after bounds {@code [0:2]=}) with
     * each element parsed as {@code elementOid}'s text output.
     */
    static Object[] parseArray(String s, int elementOid, int oid) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < n && s.charAt(i) == '[') {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw badArray(s, oid);
            }
            i = eq + 1;
        }
        int[] at = {i};
        List<Object> tree = level(s, at, oid);
        skipSpace(s, at);
        if (at[0] != n) {
            throw badArray(s, oid);
        }
        List<Integer> dims = new ArrayList<>();
        Object first = tree;
        while (first instanceof List<?> l) {
            dims.add(l.size());
            first = l.isEmpty() ? null : l.get(0);
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        List<String> leaves = new ArrayList<>();
        flatten(tree, shape, 0, leaves, s, oid);
        Object[] out = ArrayCodec.newArray(elementOid, leaves.size());
        for (int k = 0; k < out.length; k++) {
            String item = leaves.get(k);
            if (item != null) {
                Object v = natural(elementOid, item);
                if (!out.getClass().getComponentType().isInstance(v)) {
                    out = Arrays.copyOf(out, out.length, v instanceof Number ? Number[].class : Object[].class);
                }
                out[k] = v;
            }
        }
        return shape.length > 1 ? ArrayCodec.nest(out, shape) : out;
    }

    private static void skipSpace(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    /** One {@code {...}} level: its items are element strings (null for NULL) or nested levels. */
    private static List<Object> level(String s, int[] at, int oid) {
        int n = s.length();
        skipSpace(s, at);
        if (at[0] >= n || s.charAt(at[0]) != '{') {
            throw badArray(s, oid);
        }
        at[0]++;
        List<Object> items = new ArrayList<>();
        skipSpace(s, at);
        if (at[0] < n && s.charAt(at[0]) == '}') {
            at[0]++;
            return items;
        }
        while (true) {
            skipSpace(s, at);
            if (at[0] < n && s.charAt(at[0]) == '{') {
                items.add(level(s, at, oid));
            } else {
                items.add(element(s, at, oid));
            }
            skipSpace(s, at);
            if (at[0] < n && s.charAt(at[0]) == ',') {
                at[0]++;
            } else if (at[0] < n && s.charAt(at[0]) == '}') {
                at[0]++;
                return items;
            } else {
                throw badArray(s, oid);
            }
        }
    }

    /** One element, quoted or not; null for an unquoted NULL. */
    private static String element(String s, int[] at, int oid) {
        int n = s.length();
        int i = at[0];
        StringBuilder sb = new StringBuilder();
        boolean quoted = i < n && s.charAt(i) == '"';
        if (quoted) {
            i++;
            while (i < n && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\') {
                    i++;
                }
                if (i < n) {
                    sb.append(s.charAt(i++));
                }
            }
            if (i >= n) {
                throw badArray(s, oid);
            }
            i++;
        } else {
            int lastKept = 0;  // length without trailing unescaped whitespace
            while (i < n && s.charAt(i) != ',' && s.charAt(i) != '}') {
                char c = s.charAt(i++);
                if (c == '\\' && i < n) {
                    sb.append(s.charAt(i++));
                    lastKept = sb.length();
                } else if (c == '"' || c == '{') {
                    throw badArray(s, oid);
                } else {
                    sb.append(c);
                    if (!Character.isWhitespace(c)) {
                        lastKept = sb.length();
                    }
                }
            }
            sb.setLength(lastKept);
        }
        at[0] = i;
        String item = sb.toString();
        return !quoted && item.equalsIgnoreCase("NULL") ? null : item;
    }

    /** The leaves in order, checking every level has the same shape (PostgreSQL arrays are rectangular). */
    private static void flatten(Object node, int[] shape, int d, List<String> leaves, String s, int oid) {
        if (d == shape.length) {
            if (node instanceof List<?>) {
                throw badArray(s, oid);
            }
            leaves.add((String) node);
            return;
        }
        if (!(node instanceof List<?> list) || list.size() != shape[d]) {
            throw badArray(s, oid);
        }
        for (Object child : list) {
            flatten(child, shape, d + 1, leaves, s, oid);
        }
    }

    private static PgTypeException badArray(String s, int oid) {
        return new PgTypeException("cannot parse " + PgTypeException.abbreviate(s) + " as a PostgreSQL "
                + PgTypes.name(oid) + " literal");
    }

    /** Parses ASCII digits of an integer's text output without making a String; null when it is not one. */
    static Long asciiLong(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (i < end && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        if (i == end || end - i > 19) {
            return null;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            // accumulate negatively so Long.MIN_VALUE fits
            if (v < Long.MIN_VALUE / 10 || v * 10 < Long.MIN_VALUE + d) {
                return null;
            }
            v = v * 10 - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                return null;
            }
            v = -v;
        }
        return v;
    }
}
