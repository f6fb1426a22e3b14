package io.spool.pg.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Converts a decoded value to the class a getter asked for, where the conversion is lossless or conventional:
 * between integer types with range checks, any number to {@code BigDecimal}/{@code Double}, timestamptz to
 * {@code Instant}/{@code ZonedDateTime}, an interval to {@code Duration}, any value to its PostgreSQL text, a
 * string column's text to a parsed class, an array element by element. Anything else is a
 * {@link PgTypeException} naming both types.
 */
final class Conversions {
    private Conversions() {}

    @SuppressWarnings("unchecked")
    static <T> T convert(Object v, int oid, Class<T> type) {
        Class<?> target = type.isPrimitive() ? box(type) : type;
        if (target == Object.class) {
            return (T) Codecs.checkNatural(oid, v);
        }
        if (target.isInstance(v)) {
            return (T) v;
        }
        if (target == String.class || target == CharSequence.class) {
            return (T) TextFormat.output(v);
        }
        if (v instanceof String s) {
            return (T) fromString(s, oid, target);
        }
        Object out = convertValue(v, oid, target);
        if (out == null) {
            throw PgTypeException.cannotConvert(oid, type);
        }
        return (T) out;
    }

    /** The conversions of non-string values; null when there is none. */
    private static Object convertValue(Object v, int oid, Class<?> target) {
        if (target == Integer.class || target == Long.class || target == Short.class || target == Byte.class) {
            return integral(v, oid, target);
        }
        if (v instanceof Number n) {
            if (target == Double.class) {
                return n.doubleValue();
            }
            if (target == Float.class) {
                return n.floatValue();
            }
            if (target == BigDecimal.class) {
                return toBigDecimal(n, oid);
            }
            if (target == BigInteger.class) {
                BigDecimal d = toBigDecimal(n, oid);
                try {
                    return d.toBigIntegerExact();
                } catch (ArithmeticException e) {
                    throw PgTypeException.cannotConvert(oid, target, v, "not a whole number");
                }
            }
            if (target == Number.class) {
                return n;
            }
            return null;
        }
        if (v instanceof OffsetDateTime ts) {
            if (target == Instant.class) {
                return ts.equals(OffsetDateTime.MAX) ? Instant.MAX : ts.equals(OffsetDateTime.MIN) ? Instant.MIN : ts.toInstant();
            }
            if (target == ZonedDateTime.class) {
                return ts.toZonedDateTime();
            }
            return null;
        }
        if (v instanceof LocalDate d && target == LocalDateTime.class) {
            return d.equals(LocalDate.MAX) ? LocalDateTime.MAX : d.equals(LocalDate.MIN) ? LocalDateTime.MIN : d.atStartOfDay();
        }
        if (v instanceof PgInterval i) {
            if (target == Duration.class) {
                return i.toDuration();
            }
            if (target == Period.class) {
                return i.toPeriod();
            }
            return null;
        }
        if (v instanceof Object[] items) {
            if (target.isArray()) {
                return convertArray(items, oid, target);
            }
            if (target == List.class) {
                return Collections.unmodifiableList(Arrays.asList(items));
            }
        }
        return null;
    }

    private static Object integral(Object v, int oid, Class<?> target) {
        long x;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            x = ((Number) v).longValue();
        } else if (v instanceof BigDecimal d) {
            try {
                x = d.longValueExact();
            } catch (ArithmeticException e) {
                throw PgTypeException.cannotConvert(oid, target, v, "not a whole number in range");
            }
        } else if (v instanceof BigInteger i) {
            if (i.bitLength() > 63) {
                throw PgTypeException.cannotConvert(oid, target, v, "out of range");
            }
            x = i.longValue();
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d != Math.rint(d) || d < -0x1p63 || d >= 0x1p63) {
                throw PgTypeException.cannotConvert(oid, target, v, "not a whole number in range");
            }
            x = (long) d;
        } else {
            return null;
        }
        if (target == Long.class) {
            return x;
        }
        if (target == Integer.class && x == (int) x) {
            return (int) x;
        }
        if (target == Short.class && x == (short) x) {
            return (short) x;
        }
        if (target == Byte.class && x == (byte) x) {
            return (byte) x;
        }
        throw PgTypeException.cannotConvert(oid, target, v, "out of range");
    }

    private static BigDecimal toBigDecimal(Number n, int oid) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw Codecs.specialNumber(oid, d, BigDecimal.class);
            }
            // the shortest decimal that reads back as the value: 0.1f is 0.1, not 0.100000001490116...
            return new BigDecimal(n instanceof Float f ? Float.toString(f) : Double.toString(d));
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static Object convertArray(Object[] items, int oid, Class<?> target) {
        Class<?> component = target.getComponentType();
        int element = PgTypes.elementOf(oid);
        Object out = java.lang.reflect.Array.newInstance(component, items.length);
        for (int i = 0; i < items.length; i++) {
            Object item = items[i];
            if (item == null) {
                if (component.isPrimitive()) {
                    throw PgTypeException.cannotConvert(oid, target, PgTypeException.abbreviate(items),
                            "element " + i + " is NULL");
                }
                continue;
            }
            // a sub-array of a multi-dimensional array converts with the array's type, a leaf with the element's
            java.lang.reflect.Array.set(out, i, convert(item, item instanceof Object[] ? oid : element, component));
        }
        return out;
    }

    /** A string value (a text column, or a known type read in text format) parsed as {@code target}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object fromString(String s, int oid, Class<?> target) {
        if (target == byte[].class) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (target == Character.class) {
            if (s.length() == 1) {
                return s.charAt(0);
            }
            throw PgTypeException.cannotConvert(oid, target, s, "not one character");
        }
        if (target.isEnum()) {
            try {
                return Enum.valueOf((Class) target, s);
            } catch (IllegalArgumentException e) {
                throw PgTypeException.cannotConvert(oid, target, s, "no such constant");
            }
        }
        int parseAs = TextParser.typeFor(target);
        if (parseAs == 0) {
            throw PgTypeException.cannotConvert(oid, target);
        }
        Object parsed;
        try {
            parsed = TextParser.natural(parseAs, s);
        } catch (PgTypeException e) {
            throw new PgTypeException("cannot convert PostgreSQL " + PgTypes.name(oid) + " value "
                    + PgTypeException.abbreviate(s) + " to " + target.getName() + ": " + e.getMessage(), e);
        }
        return convert(parsed, parseAs, target);
    }

    static Class<?> box(Class<?> primitive) {
        if (primitive == int.class) {
            return Integer.class;
        }
        if (primitive == long.class) {
            return Long.class;
        }
        if (primitive == boolean.class) {
            return Boolean.class;
        }
        if (primitive == double.class) {
            return Double.class;
        }
        if (primitive == float.class) {
            return Float.class;
        }
        if (primitive == short.class) {
            return Short.class;
        }
        if (primitive == byte.class) {
            return Byte.class;
        }
        if (primitive == char.class) {
            return Character.class;
        }
        return primitive;
    }
}
