package io.spool.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Collection;
import java.util.UUID;

/**
 * The conversions between JDBC's view of values and spool-pg's: what a setter hands spool-pg (java.time in
 * place of java.sql dates, Java arrays in place of {@link Array}s, streams read into bytes or text), and what a
 * getter makes of a decoded value ({@code getInt} of a numeric, {@code getTimestamp} of a timestamptz...).
 * Lossy or senseless conversions fail with a {@link SQLDataException} naming both types.
 */
final class Values {
    private Values() {}

    /** The value to bind for a JDBC parameter. */
    static Object toParameter(Object x) throws SQLException {
        if (x == null) {
            return null;
        }
        if (x instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (x instanceof Date d) {
            return d.toLocalDate();
        }
        if (x instanceof Time t) {
            return t.toLocalTime();
        }
        if (x instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (x instanceof Calendar c) {
            return c.toInstant();
        }
        if (x instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (x instanceof Character c) {
            return c.toString();
        }
        if (x instanceof Byte b) {
            return b.shortValue();
        }
        if (x instanceof Enum<?> e) {
            return e.name();
        }
        if (x instanceof SpoolArray a) {
            return a.elements();
        }
        if (x instanceof Array a) {
            return a.getArray();
        }
        if (x instanceof Collection<?> c) {
            return c.toArray();
        }
        if (x instanceof InputStream in) {
            return readAll(in);
        }
        if (x instanceof Reader r) {
            return readAll(r);
        }
        if (x instanceof java.net.URL || x instanceof java.net.URI) {
            return x.toString();
        }
        return x;
    }

    static byte[] readAll(InputStream in) throws SQLException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SQLDataException("could not read the stream parameter: " + e.getMessage(), "22000", e);
        }
    }

    static String readAll(Reader r) throws SQLException {
        try (r) {
            StringBuilder out = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf)) >= 0) {
                out.append(buf, 0, n);
            }
            return out.toString();
        } catch (IOException e) {
            throw new SQLDataException("could not read the character stream parameter: " + e.getMessage(), "22000", e);
        }
    }

    /** The object {@code getObject(i)} returns: java.sql dates and times as JDBC asks, arrays as {@link Array}. */
    static Object toJdbcObject(Object v, String pgName) {
        if (v == null) {
            return null;
        }
        if (pgName.endsWith("[]")) {
            return new SpoolArray(pgName.substring(0, pgName.length() - 2), (Object[]) v);
        }
        return switch (v) {
            case LocalDateTime t -> Timestamp.valueOf(t);
            case OffsetDateTime t -> Timestamp.from(t.toInstant());
            case LocalDate d -> Date.valueOf(d);
            case LocalTime t -> Time.valueOf(t);
            case Short s when pgName.equals("int2") -> s.intValue();
            default -> v;
        };
    }

    static SQLDataException cannot(Object v, String target) {
        return new SQLDataException("cannot convert " + v.getClass().getSimpleName() + " value '" + v + "' to "
                + target, "22018");
    }

    static Number number(Object v, String target) throws SQLException {
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw cannot(v, target);
            }
        }
        throw cannot(v, target);
    }

    static long integral(Object v, String target, long min, long max) throws SQLException {
        Number n = number(v, target);
        long x;
        if (n instanceof BigDecimal || n instanceof Double || n instanceof Float) {
            BigDecimal d = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue());
            try {
                x = d.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
            } catch (ArithmeticException e) {
                throw cannot(v, target);
            }
        } else if (n instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw cannot(v, target);
            }
            x = b.longValue();
        } else {
            x = n.longValue();
        }
        if (x < min || x > max) {
            throw cannot(v, target);
        }
        return x;
    }

    static BigDecimal bigDecimal(Object v) throws SQLException {
        Number n = number(v, "BigDecimal");
        return switch (n) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> BigDecimal.valueOf(d);
            case Float f -> new BigDecimal(f.toString());
            default -> BigDecimal.valueOf(n.longValue());
        };
    }

    static boolean bool(Object v) throws SQLException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "t", "true", "1", "yes", "y", "on" -> true;
                case "f", "false", "0", "no", "n", "off" -> false;
                default -> throw cannot(v, "boolean");
            };
        }
        return number(v, "boolean").doubleValue() != 0;
    }

    static Timestamp timestamp(Object v, Calendar cal) throws SQLException {
        return switch (v) {
            case LocalDateTime t -> cal == null ? Timestamp.valueOf(t)
                    : Timestamp.from(t.atZone(cal.getTimeZone().toZoneId()).toInstant());
            case OffsetDateTime t -> Timestamp.from(t.toInstant());
            case Instant i -> Timestamp.from(i);
            case LocalDate d -> Timestamp.valueOf(d.atStartOfDay());
            case String s -> {
                try {
                    yield Timestamp.valueOf(s);
                } catch (IllegalArgumentException e) {
                    throw cannot(v, "Timestamp");
                }
            }
            default -> throw cannot(v, "Timestamp");
        };
    }

    static Date date(Object v, Calendar cal) throws SQLException {
        return switch (v) {
            case LocalDate d -> Date.valueOf(d);
            case LocalDateTime t -> Date.valueOf(t.toLocalDate());
            case OffsetDateTime t -> Date.valueOf(t.atZoneSameInstant(zone(cal)).toLocalDate());
            case String s -> {
                try {
                    yield Date.valueOf(s);
                } catch (IllegalArgumentException e) {
                    throw cannot(v, "Date");
                }
            }
            default -> throw cannot(v, "Date");
        };
    }

    static Time time(Object v, Calendar cal) throws SQLException {
        return switch (v) {
            case LocalTime t -> Time.valueOf(t);
            case OffsetTime t -> Time.valueOf(t.toLocalTime());
            case LocalDateTime t -> Time.valueOf(t.toLocalTime());
            case OffsetDateTime t -> Time.valueOf(t.atZoneSameInstant(zone(cal)).toLocalTime());
            default -> throw cannot(v, "Time");
        };
    }

    private static ZoneId zone(Calendar cal) {
        return cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
    }

    /** {@code getObject(i, type)} for the JDBC types spool-pg's own conversions do not know. */
    static Object convertForJdbc(Object v, Class<?> type) throws SQLException {
        if (type == Timestamp.class) {
            return timestamp(v, null);
        }
        if (type == Date.class) {
            return date(v, null);
        }
        if (type == Time.class) {
            return time(v, null);
        }
        if (type == OffsetDateTime.class && v instanceof LocalDateTime t) {
            return t.atZone(ZoneId.systemDefault()).toOffsetDateTime();
        }
        if (type == LocalDate.class && v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDate();
        }
        if (type == LocalDateTime.class && v instanceof OffsetDateTime t) {
            return t.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (type == UUID.class && v instanceof String s) {
            return UUID.fromString(s);
        }
        if (type == Boolean.class) {
            return bool(v);
        }
        throw cannot(v, type.getName());
    }
}
