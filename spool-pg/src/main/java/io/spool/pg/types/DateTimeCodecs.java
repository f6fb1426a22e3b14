package io.spool.pg.types;

import io.spool.pg.protocol.WriteBuffer;

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

/**
 * The binary forms of the date/time types, all counted from PostgreSQL's epoch 2000-01-01: {@code date} is int32
 * days, {@code timestamp}/{@code timestamptz} int64 microseconds (timestamptz in UTC), {@code time} int64
 * microseconds of the day, {@code timetz} that plus an int32 zone offset in seconds <em>west</em> of UTC (the
 * opposite sign of {@link ZoneOffset}), {@code interval} int64 microseconds, int32 days, int32 months.
 * {@code infinity}/{@code -infinity} are the largest/smallest int64 (int32 for dates) and read as the
 * {@code MAX}/{@code MIN} constants of the Java types. Java values are rounded to the nearest microsecond and
 * checked against PostgreSQL's range (4714-11-24 BC to 294276 AD for timestamps, to 5874897 AD for dates).
 */
final class DateTimeCodecs {
    private DateTimeCodecs() {}

    static final long EPOCH_DAY = 10_957;  // 2000-01-01 as a java.time epoch day
    static final long EPOCH_SECOND = EPOCH_DAY * 86_400;
    static final long MICROS_PER_DAY = 86_400_000_000L;
    /** Julian day 0, PostgreSQL's first date: 4714-11-24 BC, which is ISO year -4713. */
    static final LocalDate MIN_DATE = LocalDate.of(-4713, 11, 24);
    static final LocalDate MAX_DATE = LocalDate.of(5874897, 12, 31);
    static final long MIN_TIMESTAMP = (MIN_DATE.toEpochDay() - EPOCH_DAY) * MICROS_PER_DAY;
    /** Exclusive: the first microsecond of 294277-01-01. */
    static final long END_TIMESTAMP = (LocalDate.of(294277, 1, 1).toEpochDay() - EPOCH_DAY) * MICROS_PER_DAY;

    // ---- decoding ----

    static LocalDate decodeDate(byte[] b, int off, int len) {
        Wire.expect(PgTypes.DATE, len, 4);
        return date(Wire.int4(b, off));
    }

    static LocalDate date(int days) {
        if (days == Integer.MAX_VALUE) {
            return LocalDate.MAX;
        }
        if (days == Integer.MIN_VALUE) {
            return LocalDate.MIN;
        }
        return LocalDate.ofEpochDay(days + EPOCH_DAY);
    }

    static LocalTime decodeTime(byte[] b, int off, int len) {
        Wire.expect(PgTypes.TIME, len, 8);
        return time(PgTypes.TIME, Wire.int8(b, off));
    }

    /** {@code 24:00:00}, which PostgreSQL allows, reads as {@link LocalTime#MAX}. */
    private static LocalTime time(int oid, long micros) {
        if (micros < 0 || micros > MICROS_PER_DAY) {
            throw PgTypeException.malformed(oid, micros + " microseconds is not a time of day");
        }
        return micros == MICROS_PER_DAY ? LocalTime.MAX : LocalTime.ofNanoOfDay(micros * 1000);
    }

    static OffsetTime decodeTimetz(byte[] b, int off, int len) {
        Wire.expect(PgTypes.TIMETZ, len, 12);
        LocalTime time = time(PgTypes.TIMETZ, Wire.int8(b, off));
        int west = Wire.int4(b, off + 8);
        if (west > 18 * 3600 || west < -18 * 3600) {
            throw PgTypeException.malformed(PgTypes.TIMETZ, "zone offset of " + west + " seconds");
        }
        return OffsetTime.of(time, ZoneOffset.ofTotalSeconds(-west));
    }

    static LocalDateTime decodeTimestamp(byte[] b, int off, int len) {
        Wire.expect(PgTypes.TIMESTAMP, len, 8);
        long micros = Wire.int8(b, off);
        if (micros == Long.MAX_VALUE) {
            return LocalDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return LocalDateTime.MIN;
        }
        return localDateTime(micros);
    }

    static OffsetDateTime decodeTimestamptz(byte[] b, int off, int len) {
        Wire.expect(PgTypes.TIMESTAMPTZ, len, 8);
        long micros = Wire.int8(b, off);
        if (micros == Long.MAX_VALUE) {
            return OffsetDateTime.MAX;
        }
        if (micros == Long.MIN_VALUE) {
            return OffsetDateTime.MIN;
        }
        return OffsetDateTime.of(localDateTime(micros), ZoneOffset.UTC);
    }

    private static LocalDateTime localDateTime(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds + EPOCH_SECOND, nanos, ZoneOffset.UTC);
    }

    static PgInterval decodeInterval(byte[] b, int off, int len) {
        Wire.expect(PgTypes.INTERVAL, len, 16);
        return new PgInterval(Wire.int4(b, off + 12), Wire.int4(b, off + 8), Wire.int8(b, off));
    }

    // ---- encoding ----

    /** Days since 2000-01-01, or the infinity sentinels for {@code LocalDate.MAX}/{@code MIN}. */
    static int days(LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            return Integer.MAX_VALUE;
        }
        if (date.equals(LocalDate.MIN)) {
            return Integer.MIN_VALUE;
        }
        if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            throw PgTypeException.cannotEncode(date, PgTypes.DATE, "out of range (4714-11-24 BC to 5874897-12-31)");
        }
        return (int) (date.toEpochDay() - EPOCH_DAY);
    }

    /** Microseconds of the day, rounded; {@link LocalTime#MAX} is {@code 24:00:00}. */
    static long micros(LocalTime time) {
        return (time.toNanoOfDay() + 500) / 1000;
    }

    /** Microseconds since 2000-01-01 00:00 of a wall-clock time (timestamp) or of a UTC time (timestamptz). */
    static long micros(LocalDateTime ts, int oid) {
        if (ts.equals(LocalDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return micros(ts.toEpochSecond(ZoneOffset.UTC), ts.getNano(), ts, oid);
    }

    static long micros(Instant instant) {
        if (instant.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        if (instant.equals(Instant.MIN)) {
            return Long.MIN_VALUE;
        }
        return micros(instant.getEpochSecond(), instant.getNano(), instant, PgTypes.TIMESTAMPTZ);
    }

    private static long micros(long epochSecond, int nano, Object value, int oid) {
        long seconds = epochSecond - EPOCH_SECOND;
        // check before multiplying, so years far outside the range cannot overflow into it
        if (seconds < MIN_TIMESTAMP / 1_000_000 - 1 || seconds > END_TIMESTAMP / 1_000_000) {
            throw outOfRange(value, oid);
        }
        long micros = seconds * 1_000_000 + (nano + 500) / 1000;
        if (micros < MIN_TIMESTAMP || micros >= END_TIMESTAMP) {
            throw outOfRange(value, oid);
        }
        return micros;
    }

    private static PgTypeException outOfRange(Object value, int oid) {
        return PgTypeException.cannotEncode(value, oid, "out of range (4714-11-24 BC to 294276-12-31)");
    }

    static long micros(OffsetDateTime ts) {
        if (ts.equals(OffsetDateTime.MAX)) {
            return Long.MAX_VALUE;
        }
        if (ts.equals(OffsetDateTime.MIN)) {
            return Long.MIN_VALUE;
        }
        return micros(ts.toEpochSecond(), ts.getNano(), ts, PgTypes.TIMESTAMPTZ);
    }

    /**
     * Writes a date/time parameter of server type {@code oid}: binary for the matching Java type, text where the
     * server's own conversion is the right meaning (a LocalDateTime for a timestamptz is read in the session's
     * TimeZone), and an exception where the conversion would silently drop information.
     */
    static int encode(Object value, int oid, WriteBuffer out) {
        switch (oid) {
            case PgTypes.DATE -> {
                if (value instanceof LocalDate d) {
                    out.writeInt(days(d));
                    return 1;
                }
            }
            case PgTypes.TIME -> {
                if (value instanceof LocalTime t) {
                    out.writeLong(micros(t));
                    return 1;
                }
            }
            case PgTypes.TIMETZ -> {
                if (value instanceof OffsetTime t) {
                    out.writeLong(micros(t.toLocalTime())).writeInt(-t.getOffset().getTotalSeconds());
                    return 1;
                }
                if (value instanceof LocalTime) {
                    return TextFormat.writeInput(value, oid, out);  // the server adds the session's zone
                }
            }
            case PgTypes.TIMESTAMP -> {
                if (value instanceof LocalDateTime ts) {
                    out.writeLong(micros(ts, oid));
                    return 1;
                }
                if (value instanceof LocalDate d) {
                    out.writeLong(d.equals(LocalDate.MAX) ? Long.MAX_VALUE : d.equals(LocalDate.MIN) ? Long.MIN_VALUE
                            : micros(d.atStartOfDay(), oid));
                    return 1;
                }
                if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
                    throw PgTypeException.cannotEncode(value, oid, "a timestamp without time zone has no offset to"
                            + " put it in; pass a LocalDateTime, or make the column timestamptz");
                }
            }
            case PgTypes.TIMESTAMPTZ -> {
                if (value instanceof Instant i) {
                    out.writeLong(micros(i));
                    return 1;
                }
                if (value instanceof OffsetDateTime ts) {
                    out.writeLong(micros(ts));
                    return 1;
                }
                if (value instanceof ZonedDateTime ts) {
                    out.writeLong(micros(ts.toInstant()));
                    return 1;
                }
                if (value instanceof LocalDateTime || value instanceof LocalDate) {
                    return TextFormat.writeInput(value, oid, out);  // read in the session's TimeZone, as SQL does
                }
            }
            case PgTypes.INTERVAL -> {
                PgInterval interval = value instanceof PgInterval i ? i
                        : value instanceof Duration d ? PgInterval.of(d)
                        : value instanceof Period p ? PgInterval.of(p) : null;
                if (interval != null) {
                    out.writeLong(interval.microseconds()).writeInt(interval.days()).writeInt(interval.months());
                    return 1;
                }
            }
            default -> throw new IllegalStateException("not a date/time type: " + oid);
        }
        throw PgTypeException.cannotEncode(value, oid);
    }
}
