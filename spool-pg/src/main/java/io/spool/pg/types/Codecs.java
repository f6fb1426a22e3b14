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
import java.time.ZonedDateTime;
import java.util.UUID;

/**
 * The registry of type codecs: which result columns to ask for in binary, how to decode a column value to its
 * natural Java type or to a class a getter asks for, which type OID to hint for a Java parameter, and how to
 * write a parameter for the type the server resolved. It holds no state, so one instance ({@link #DEFAULT}) is
 * shared by every connection and thread. Dispatch is a {@code switch} on the type OID into the codec families
 * ({@link ScalarCodecs}, {@link NumericCodec}, {@link DateTimeCodecs}, {@link ArrayCodec}); the common cases
 * (an int4 read as {@code Integer}, an {@code Integer} sent for an int4) take no detour through the general
 * conversion.
 */
public final class Codecs {

    public static final Codecs DEFAULT = new Codecs(SessionFormat.DEFAULT, java.util.Map.of());

    /** The session's TimeZone, DateStyle and IntervalStyle, for values rendered as or read from text. */
    private final SessionFormat session;
    /** Array types without a codec here (of enums, inet, user types...) → their element type, from pg_type. */
    private final java.util.Map<Integer, Integer> otherArrays;

    private Codecs(SessionFormat session, java.util.Map<Integer, Integer> otherArrays) {
        this.session = session;
        this.otherArrays = otherArrays;
    }

    /**
     * These codecs knowing more array types (array OID → element OID, as pg_type says): their values, which
     * arrive as text, read as {@code String[]} (nested for more dimensions) instead of one string.
     */
    public Codecs withArrayTypes(java.util.Map<Integer, Integer> arrays) {
        if (arrays.isEmpty()) {
            return this;
        }
        java.util.Map<Integer, Integer> all = new java.util.HashMap<>(otherArrays);
        all.putAll(arrays);
        return new Codecs(session, java.util.Map.copyOf(all));
    }

    /** Whether values of {@code oid} decode to something better than their text without asking the server. */
    public boolean knows(int oid) {
        return decodesBinary(oid) || otherArrays.containsKey(oid);
    }

    /**
     * These codecs for a session whose parameters (as ParameterStatus reported them) are {@code parameters}:
     * dates, timestamps and intervals read as String are then printed as that session's server prints them,
     * and text results in its DateStyle are read back.
     */
    public Codecs withSession(java.util.Map<String, String> parameters) {
        SessionFormat next = session.with(parameters);
        return next.equals(session) ? this : new Codecs(next, otherArrays);
    }

    /**
     * True when results of type {@code oid} should be requested in binary format: there is a binary decoder for
     * it. Other types (enums, inet, ranges, user types) come back as text.
     */
    public boolean decodesBinary(int oid) {
        return hasBinaryScalar(oid) || PgTypes.elementOf(oid) != 0;
    }

    static boolean hasBinaryScalar(int oid) {
        return switch (oid) {
            case PgTypes.BOOL, PgTypes.BYTEA, PgTypes.CHAR, PgTypes.NAME, PgTypes.INT8, PgTypes.INT2, PgTypes.INT4,
                 PgTypes.TEXT, PgTypes.OID, PgTypes.JSON, PgTypes.FLOAT4, PgTypes.FLOAT8, PgTypes.UNKNOWN,
                 PgTypes.BPCHAR, PgTypes.VARCHAR, PgTypes.DATE, PgTypes.TIME, PgTypes.TIMESTAMP, PgTypes.TIMESTAMPTZ,
                 PgTypes.INTERVAL, PgTypes.TIMETZ, PgTypes.NUMERIC, PgTypes.UUID, PgTypes.JSONB -> true;
            default -> false;
        };
    }

    /**
     * Decodes one non-null column value to its natural Java type. In text format ({@code binary == false}) that
     * is the text itself for every type. In binary: {@code Boolean}, {@code Short}, {@code Integer}, {@code Long}
     * (int8 and oid), {@code Float}, {@code Double}, {@code BigDecimal} (numeric; NaN and infinities throw),
     * {@code String} (text types, json, jsonb, "char"), {@code byte[]}, {@code UUID}, {@code LocalDate},
     * {@code LocalTime}, {@code OffsetTime}, {@code LocalDateTime}, {@code OffsetDateTime} in UTC,
     * {@link PgInterval}, and for one-dimensional arrays a Java array of those with null elements. Infinite
     * dates and timestamps read as the {@code MAX}/{@code MIN} constants of their class.
     *
     * @throws PgTypeException when the bytes are malformed for the type or the value has no Java form
     */
    public Object decode(int oid, boolean binary, byte[] buf, int offset, int length) {
        Wire.checkSlice(oid, buf, offset, length);
        if (!binary) {
            Integer element = otherArrays.get(oid);
            String text = Wire.utf8(buf, offset, length);
            return element == null ? text : TextParser.parseArray(text, element, oid);
        }
        if (oid == PgTypes.INT4) {  // the most common column type, ahead of the general dispatch
            return ScalarCodecs.decodeInt4(buf, offset, length);
        }
        return checkNatural(oid, binaryValue(oid, buf, offset, length));
    }

    /** The binary value's natural Java form; numeric NaN/Infinity are Doubles here, and may make arrays Number[]. */
    static Object binaryValue(int oid, byte[] b, int off, int len) {
        return switch (oid) {
            case PgTypes.INT4 -> ScalarCodecs.decodeInt4(b, off, len);
            case PgTypes.INT8 -> ScalarCodecs.decodeInt8(b, off, len);
            case PgTypes.TEXT, PgTypes.VARCHAR, PgTypes.BPCHAR, PgTypes.NAME, PgTypes.JSON, PgTypes.UNKNOWN ->
                    Wire.utf8(b, off, len);
            case PgTypes.BOOL -> ScalarCodecs.decodeBool(b, off, len);
            case PgTypes.INT2 -> ScalarCodecs.decodeInt2(b, off, len);
            case PgTypes.OID -> ScalarCodecs.decodeOid(b, off, len);
            case PgTypes.FLOAT4 -> ScalarCodecs.decodeFloat4(b, off, len);
            case PgTypes.FLOAT8 -> ScalarCodecs.decodeFloat8(b, off, len);
            case PgTypes.NUMERIC -> NumericCodec.decode(b, off, len);
            case PgTypes.UUID -> ScalarCodecs.decodeUuid(b, off, len);
            case PgTypes.BYTEA -> ScalarCodecs.decodeBytea(b, off, len);
            case PgTypes.JSONB -> ScalarCodecs.decodeJsonb(b, off, len);
            case PgTypes.CHAR -> ScalarCodecs.decodeChar(b, off, len);
            case PgTypes.DATE -> DateTimeCodecs.decodeDate(b, off, len);
            case PgTypes.TIME -> DateTimeCodecs.decodeTime(b, off, len);
            case PgTypes.TIMETZ -> DateTimeCodecs.decodeTimetz(b, off, len);
            case PgTypes.TIMESTAMP -> DateTimeCodecs.decodeTimestamp(b, off, len);
            case PgTypes.TIMESTAMPTZ -> DateTimeCodecs.decodeTimestamptz(b, off, len);
            case PgTypes.INTERVAL -> DateTimeCodecs.decodeInterval(b, off, len);
            default -> {
                if (PgTypes.elementOf(oid) != 0) {
                    yield ArrayCodec.decode(oid, b, off, len);
                }
                throw new PgTypeException("no binary decoder for PostgreSQL " + PgTypes.name(oid)
                        + "; request it in text format");
            }
        };
    }

    /** Refuses the natural values that have no Java form of the column's type: numeric NaN and infinities. */
    static Object checkNatural(int oid, Object v) {
        if (v instanceof Double d && oid == PgTypes.NUMERIC) {
            throw specialNumber(oid, d, BigDecimal.class);
        }
        if (v instanceof Number[] && !(v instanceof BigDecimal[]) && oid == PgTypes.NUMERIC_ARRAY) {
            throw new PgTypeException("cannot convert a PostgreSQL numeric[] holding NaN or Infinity to "
                    + "java.math.BigDecimal[]; read it as Double[] or String");
        }
        return v;
    }

    static PgTypeException specialNumber(int oid, double d, Class<?> type) {
        String name = Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        return new PgTypeException("cannot convert PostgreSQL " + PgTypes.name(oid) + " value " + name + " to "
                + type.getName() + ", which has no " + name + "; read it as Double or String");
    }

    /**
     * Decodes one non-null column value as {@code type}, converting where it is lossless or conventional: any
     * integer type to {@code Integer}/{@code Long}/{@code Short} (range-checked), numbers to
     * {@code BigDecimal}/{@code Double} (numeric NaN/Infinity to the {@code Double} constants), timestamptz to
     * {@code Instant}/{@code OffsetDateTime}/{@code ZonedDateTime}, date to {@code LocalDate} or
     * {@code LocalDateTime}, interval to {@link PgInterval}, {@code Duration} or {@code Period}, any value to
     * {@code String} (the server's text output), text-format values parsed into the class, arrays element by
     * element (to {@code Long[]}, {@code long[]}, {@code List}...). Primitive classes mean their boxes.
     *
     * @throws PgTypeException naming both types when there is no such conversion or the value does not fit
     */
    @SuppressWarnings("unchecked")
    public <T> T decode(int oid, boolean binary, byte[] buf, int offset, int length, Class<T> type) {
        Wire.checkSlice(oid, buf, offset, length);
        if (binary) {
            // the getters' common cases, without boxing through the general path
            if (oid == PgTypes.INT4 && (type == Integer.class || type == int.class)) {
                return (T) ScalarCodecs.decodeInt4(buf, offset, length);
            }
            if (oid == PgTypes.INT8 && (type == Long.class || type == long.class)) {
                return (T) ScalarCodecs.decodeInt8(buf, offset, length);
            }
            if (type == String.class) {
                return (T) binaryText(oid, buf, offset, length);
            }
            return Conversions.convert(binaryValue(oid, buf, offset, length), oid, type);
        }
        if (type == String.class || type == Object.class || type == CharSequence.class) {
            return (T) Wire.utf8(buf, offset, length);
        }
        if ((oid == PgTypes.INT4 || oid == PgTypes.INT8 || oid == PgTypes.INT2)
                && (type == Integer.class || type == int.class || type == Long.class || type == long.class)) {
            Long v = TextParser.asciiLong(buf, offset, length);
            if (v != null) {
                return Conversions.convert(v, oid, type);
            }
        }
        String text = Wire.utf8(buf, offset, length);
        Object natural = switch (oid) {   // printed in the session's DateStyle
            case PgTypes.DATE -> session.parseDate(text);
            case PgTypes.TIMESTAMP -> session.parseTimestamp(text);
            case PgTypes.TIMESTAMPTZ -> session.parseTimestamptz(text);
            default -> otherArrays.containsKey(oid)
                    ? TextParser.parseArray(text, otherArrays.get(oid), oid) : TextParser.natural(oid, text);
        };
        return Conversions.convert(natural, oid, type);
    }

    /** A binary value as the server would print it in this session. */
    private String binaryText(int oid, byte[] b, int off, int len) {
        return switch (oid) {
            case PgTypes.TEXT, PgTypes.VARCHAR, PgTypes.BPCHAR, PgTypes.NAME, PgTypes.JSON, PgTypes.UNKNOWN ->
                    Wire.utf8(b, off, len);
            default -> PgTypes.elementOf(oid) != 0
                    ? ArrayCodec.toText(oid, b, off, len, session)  // any number of dimensions
                    : session.output(binaryValue(oid, b, off, len));
        };
    }

    /**
     * The parameter type to declare in Parse for a Java value, so the server need not guess: {@code Integer} int4,
     * {@code Long} int8, {@code Short} int2, {@code Boolean} bool, {@code Double} float8, {@code Float} float4,
     * {@code BigDecimal}/{@code BigInteger} numeric, {@code UUID} uuid, {@code LocalDate} date, {@code LocalTime}
     * time, {@code OffsetTime} timetz, {@code LocalDateTime} timestamp, {@code Instant}/{@code OffsetDateTime}/
     * {@code ZonedDateTime} timestamptz, {@code byte[]} bytea, {@code PgInterval}/{@code Duration}/{@code Period}
     * interval, and arrays of those (primitive or boxed; {@code String[]} is text[]) the array type. A
     * {@code String}, null, or anything else is 0: the server infers the type from the statement.
     */
    public int hintOid(Object value) {
        if (value == null) {
            return 0;
        }
        Class<?> c = value.getClass();
        if (c == String.class) {
            return 0;
        }
        int hint = hintForClass(c);
        if (hint != 0) {
            return hint;
        }
        if (c.isArray()) {
            return ArrayCodec.hint(c.getComponentType());
        }
        if (value instanceof BigDecimal || value instanceof BigInteger) {
            return PgTypes.NUMERIC;  // subclasses
        }
        return 0;
    }

    /** The type OID for values of class {@code c} (primitive classes too), or 0. */
    static int hintForClass(Class<?> c) {
        if (c == Integer.class || c == int.class) {
            return PgTypes.INT4;
        }
        if (c == Long.class || c == long.class) {
            return PgTypes.INT8;
        }
        if (c == Boolean.class || c == boolean.class) {
            return PgTypes.BOOL;
        }
        if (c == Double.class || c == double.class) {
            return PgTypes.FLOAT8;
        }
        if (c == Short.class || c == short.class || c == Byte.class || c == byte.class) {
            return PgTypes.INT2;
        }
        if (c == Float.class || c == float.class) {
            return PgTypes.FLOAT4;
        }
        if (c == BigDecimal.class || c == BigInteger.class) {
            return PgTypes.NUMERIC;
        }
        if (c == UUID.class) {
            return PgTypes.UUID;
        }
        if (c == OffsetDateTime.class || c == Instant.class || c == ZonedDateTime.class) {
            return PgTypes.TIMESTAMPTZ;
        }
        if (c == LocalDateTime.class) {
            return PgTypes.TIMESTAMP;
        }
        if (c == LocalDate.class) {
            return PgTypes.DATE;
        }
        if (c == LocalTime.class) {
            return PgTypes.TIME;
        }
        if (c == OffsetTime.class) {
            return PgTypes.TIMETZ;
        }
        if (c == byte[].class) {
            return PgTypes.BYTEA;
        }
        if (c == PgInterval.class || c == Duration.class || c == Period.class) {
            return PgTypes.INTERVAL;
        }
        return 0;
    }

    /**
     * Writes the bytes of a non-null parameter (no length prefix) for a parameter the server typed
     * {@code serverOid}, and returns its format code: 1 when it wrote the binary form, 0 when text (UTF-8).
     * Binary when a codec of {@code serverOid} takes the value, with widening (an {@code Integer} for an int8,
     * numeric or float8; an {@code Instant} for a timestamptz; a {@code String} for any string type) and
     * range-checked narrowing (a {@code Long} that fits, for an int4). Otherwise text: a {@code String} as it is
     * (so {@code "2024-01-01"} serves for a date), other values in the server's input syntax.
     *
     * @throws PgTypeException when the value cannot be of that type: a {@code byte[]} for an int4, a number out
     *                         of range, a multi-dimensional array
     */
    public int encode(Object value, int serverOid, WriteBuffer out) {
        return encodeValue(value, serverOid, out);
    }

    static int encodeValue(Object value, int oid, WriteBuffer out) {
        if (value == null) {
            throw new PgTypeException("a null " + PgTypes.name(oid) + " parameter is sent as SQL NULL, not encoded");
        }
        if (value instanceof String s) {
            return ScalarCodecs.encodeString(s, oid, out);
        }
        switch (oid) {
            case PgTypes.INT4 -> {
                if (value instanceof Integer i) {
                    out.writeInt(i);
                    return 1;
                }
                return ScalarCodecs.encode(value, oid, out);
            }
            case PgTypes.INT8 -> {
                if (value instanceof Long l) {
                    out.writeLong(l);
                    return 1;
                }
                return ScalarCodecs.encode(value, oid, out);
            }
            case PgTypes.DATE, PgTypes.TIME, PgTypes.TIMETZ, PgTypes.TIMESTAMP, PgTypes.TIMESTAMPTZ, PgTypes.INTERVAL -> {
                return DateTimeCodecs.encode(value, oid, out);
            }
            default -> {
                if (ScalarCodecs.handles(oid)) {
                    return ScalarCodecs.encode(value, oid, out);
                }
                if (PgTypes.elementOf(oid) != 0) {
                    return ArrayCodec.encode(value, oid, out);
                }
                // a type without a codec here (an enum, inet, a range, a domain...): its text input
                return TextFormat.writeInput(value, oid, out);
            }
        }
    }
}
