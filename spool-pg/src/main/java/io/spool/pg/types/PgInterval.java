package io.spool.pg.types;

import java.time.Duration;
import java.time.Period;

/**
 * A PostgreSQL {@code interval}: months, days and microseconds, kept apart as the server keeps them, because
 * they do not convert into each other (a month is 28 to 31 days, a day is 23 to 25 hours across a DST change).
 * {@code '1 mon 2 days 03:00:00'} is {@code new PgInterval(1, 2, 10_800_000_000L)}. {@link #toString()} gives
 * ISO 8601 in the form PostgreSQL prints with {@code IntervalStyle = iso_8601}, e.g. {@code P1M2DT3H}.
 */
public record PgInterval(int months, int days, long microseconds) {

    public static final PgInterval ZERO = new PgInterval(0, 0, 0);

    /** The duration as microseconds only (rounded to the nearest microsecond), as {@code '36:00:00'} is. */
    public static PgInterval of(Duration duration) {
        return new PgInterval(0, 0, micros(duration));
    }

    /** The period's years and months as months, its days as days. */
    public static PgInterval of(Period period) {
        long months = period.toTotalMonths();
        if (months != (int) months) {
            throw new PgTypeException("java.time.Period " + period + " has more months than a PostgreSQL interval holds");
        }
        return new PgInterval((int) months, period.getDays(), 0);
    }

    /**
     * This interval as a {@code Duration}, a day counting 24 hours. Throws {@link PgTypeException} when the
     * interval has months, whose length in time is not fixed.
     */
    public Duration toDuration() {
        if (months != 0) {
            throw new PgTypeException("interval " + this + " has months, which have no fixed length;"
                    + " read it as PgInterval, or use justify_days/extract(epoch) in SQL");
        }
        return Duration.ofDays(days).plusSeconds(microseconds / 1_000_000).plusNanos(microseconds % 1_000_000 * 1000);
    }

    /** This interval as a {@code Period}; throws {@link PgTypeException} when it has a time part. */
    public Period toPeriod() {
        if (microseconds != 0) {
            throw new PgTypeException("interval " + this + " has a time part, which a java.time.Period cannot hold");
        }
        return Period.of(months / 12, months % 12, days);
    }

    /** Parses PostgreSQL interval output ({@code IntervalStyle} {@code postgres} or {@code iso_8601}). */
    public static PgInterval parse(String text) {
        return DateTimeText.parseInterval(text);
    }

    static long micros(Duration duration) {
        try {
            long micros = Math.multiplyExact(duration.getSeconds(), 1_000_000L);
            return Math.addExact(micros, (duration.getNano() + 500) / 1000);
        } catch (ArithmeticException e) {
            throw new PgTypeException("java.time.Duration " + duration + " is too long for a PostgreSQL interval", e);
        }
    }

    /** ISO 8601, the way PostgreSQL prints it with {@code IntervalStyle = iso_8601}: each part carries its sign. */
    @Override
    public String toString() {
        if (months == 0 && days == 0 && microseconds == 0) {
            return "PT0S";
        }
        StringBuilder sb = new StringBuilder(24).append('P');
        isoPart(sb, months / 12, 'Y');
        isoPart(sb, months % 12, 'M');
        isoPart(sb, days, 'D');
        if (microseconds != 0) {
            sb.append('T');
            long hours = microseconds / 3_600_000_000L;
            long minutes = microseconds / 60_000_000L % 60;
            long seconds = microseconds / 1_000_000L % 60;
            long fraction = microseconds % 1_000_000L;
            isoPart(sb, hours, 'H');
            isoPart(sb, minutes, 'M');
            if (seconds != 0 || fraction != 0) {
                if (seconds < 0 || fraction < 0) {
                    sb.append('-');
                }
                sb.append(Math.abs(seconds));
                DateTimeText.appendFraction(sb, Math.abs(fraction) * 1000);
                sb.append('S');
            }
        }
        return sb.toString();
    }

    private static void isoPart(StringBuilder sb, long value, char unit) {
        if (value != 0) {
            sb.append(value).append(unit);
        }
    }

    /**
     * The form PostgreSQL prints with its default {@code IntervalStyle = postgres}, e.g.
     * {@code 1 year 2 mons 3 days 04:05:06.5} or {@code -1 days +02:00:00}; also accepted as input.
     */
    public String toPostgresString() {
        StringBuilder sb = new StringBuilder(32);
        boolean[] state = {true, false};  // {nothing printed yet, the previous part was negative}
        postgresPart(sb, months / 12, "year", state);
        postgresPart(sb, months % 12, "mon", state);
        postgresPart(sb, days, "day", state);
        boolean zero = state[0];
        if (zero || microseconds != 0) {
            long hours = microseconds / 3_600_000_000L;
            long minutes = microseconds / 60_000_000L % 60;
            long seconds = microseconds / 1_000_000L % 60;
            long fraction = microseconds % 1_000_000L;
            if (!zero) {
                sb.append(' ');
            }
            if (microseconds < 0) {
                sb.append('-');
            } else if (state[1]) {
                sb.append('+');
            }
            DateTimeText.pad2(sb, Math.abs(hours));
            sb.append(':');
            DateTimeText.pad2(sb, Math.abs(minutes));
            sb.append(':');
            DateTimeText.pad2(sb, Math.abs(seconds));
            DateTimeText.appendFraction(sb, Math.abs(fraction) * 1000);
        }
        return sb.toString();
    }

    private static void postgresPart(StringBuilder sb, int value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        if (!state[0]) {
            sb.append(' ');
        }
        if (state[1] && value > 0) {
            sb.append('+');
        }
        sb.append(value).append(' ').append(unit);
        if (value != 1) {
            sb.append('s');
        }
        state[0] = false;
        state[1] = value < 0;
    }
}
