package io.spool.pg.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;

/**
 * Dates, times and intervals in PostgreSQL's text syntax: formatting exactly as the server prints them with
 * {@code DateStyle = ISO} and {@code IntervalStyle = postgres} (years before 1 AD as {@code 0044-03-15 BC},
 * trailing fractional zeros dropped, {@code infinity}), and parsing that output back. Hand-written rather than
 * {@code DateTimeFormatter} because the BC suffix, five-digit years and {@code 24:00:00} are not ISO 8601.
 */
final class DateTimeText {
    private DateTimeText() {}

    // ---- formatting ----

    static void pad2(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        sb.append(v);
    }

    static void pad4(StringBuilder sb, int v) {
        if (v < 1000) {
            sb.append(v < 10 ? "000" : v < 100 ? "00" : "0");
        }
        sb.append(v);
    }

    /** Appends {@code .ddd} for a non-zero fraction of a second given in nanoseconds, without trailing zeros. */
    static void appendFraction(StringBuilder sb, long nanos) {
        if (nanos == 0) {
            return;
        }
        int digits = 9;
        while (nanos % 10 == 0) {
            nanos /= 10;
            digits--;
        }
        sb.append('.');
        String s = Long.toString(nanos);
        for (int i = s.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    /** Appends {@code yyyy-mm-dd} (the year as PostgreSQL counts it) and says whether the date is BC. */
    private static boolean appendDate(StringBuilder sb, LocalDate date) {
        int year = date.getYear();
        boolean bc = year <= 0;
        pad4(sb, bc ? 1 - year : year);
        sb.append('-');
        pad2(sb, date.getMonthValue());
        sb.append('-');
        pad2(sb, date.getDayOfMonth());
        return bc;
    }

    static void appendTime(StringBuilder sb, LocalTime time) {
        if (time.equals(LocalTime.MAX)) {
            sb.append("24:00:00");  // PostgreSQL's end-of-day time, read as LocalTime.MAX
            return;
        }
        pad2(sb, time.getHour());
        sb.append(':');
        pad2(sb, time.getMinute());
        sb.append(':');
        pad2(sb, time.getSecond());
        appendFraction(sb, time.getNano());
    }

    /** Appends a UTC offset as PostgreSQL does: {@code +00}, {@code +05:30}, {@code -00:25:21}. */
    private static void appendOffset(StringBuilder sb, ZoneOffset offset) {
        int east = offset.getTotalSeconds();
        sb.append(east >= 0 ? '+' : '-');
        int abs = Math.abs(east);
        pad2(sb, abs / 3600);
        int minutes = abs / 60 % 60;
        int seconds = abs % 60;
        if (minutes != 0 || seconds != 0) {
            sb.append(':');
            pad2(sb, minutes);
            if (seconds != 0) {
                sb.append(':');
                pad2(sb, seconds);
            }
        }
    }

    static String formatDate(LocalDate date) {
        if (date.equals(LocalDate.MAX)) {
            return "infinity";
        }
        if (date.equals(LocalDate.MIN)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder(13);
        if (appendDate(sb, date)) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    static String formatTime(LocalTime time) {
        StringBuilder sb = new StringBuilder(15);
        appendTime(sb, time);
        return sb.toString();
    }

    static String formatTimetz(OffsetTime time) {
        StringBuilder sb = new StringBuilder(21);
        appendTime(sb, time.toLocalTime());
        appendOffset(sb, time.getOffset());
        return sb.toString();
    }

    static String formatTimestamp(LocalDateTime ts) {
        if (ts.equals(LocalDateTime.MAX)) {
            return "infinity";
        }
        if (ts.equals(LocalDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder(29);
        boolean bc = appendDate(sb, ts.toLocalDate());
        sb.append(' ');
        appendTime(sb, ts.toLocalTime());
        if (bc) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    static String formatTimestamptz(OffsetDateTime ts) {
        if (ts.equals(OffsetDateTime.MAX)) {
            return "infinity";
        }
        if (ts.equals(OffsetDateTime.MIN)) {
            return "-infinity";
        }
        StringBuilder sb = new StringBuilder(32);
        boolean bc = appendDate(sb, ts.toLocalDate());
        sb.append(' ');
        appendTime(sb, ts.toLocalTime());
        appendOffset(sb, ts.getOffset());
        if (bc) {
            sb.append(" BC");
        }
        return sb.toString();
    }

    // ---- parsing ----

    private static final String ISO = " (expected ISO format, as with DateStyle = ISO)";

    /** A read position in the text being parsed. */
    private static final class Cursor {
        final String s;
        final String what;
        int i;

        Cursor(String s, String what) {
            this.s = s.strip();
            this.what = what;
        }

        boolean more() {
            return i < s.length();
        }

        char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        boolean take(char c) {
            if (peek() == c) {
                i++;
                return true;
            }
            return false;
        }

        void expect(char c) {
            if (!take(c)) {
                throw fail();
            }
        }

        /** Reads between {@code min} and {@code max} digits. */
        long digits(int min, int max) {
            int start = i;
            long v = 0;
            while (i < s.length() && i - start < max && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                v = v * 10 + (s.charAt(i++) - '0');
            }
            if (i - start < min) {
                throw fail();
            }
            return v;
        }

        /** Reads an optional {@code .fraction} as nanoseconds (digits past the ninth are dropped). */
        long fraction() {
            if (!take('.')) {
                return 0;
            }
            long nanos = 0;
            int n = 0;
            int start = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                if (n < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                    n++;
                }
                i++;
            }
            if (i == start) {
                throw fail();
            }
            for (; n < 9; n++) {
                nanos *= 10;
            }
            return nanos;
        }

        /** Consumes an era suffix and says whether it was BC. */
        boolean era() {
            String rest = s.substring(i).strip();
            if (rest.equalsIgnoreCase("BC")) {
                i = s.length();
                return true;
            }
            if (rest.equalsIgnoreCase("AD")) {
                i = s.length();
            }
            return false;
        }

        void end() {
            if (more()) {
                throw fail();
            }
        }

        PgTypeException fail() {
            return new PgTypeException("cannot parse '" + s + "' as PostgreSQL " + what);
        }
    }

    private static int infinity(String s) {
        String t = s.strip();
        if (t.equalsIgnoreCase("infinity") || t.equalsIgnoreCase("+infinity")) {
            return 1;
        }
        return t.equalsIgnoreCase("-infinity") ? -1 : 0;
    }

    /** Reads {@code yyyy-mm-dd} as {year, month, day}; the era follows later in the text. */
    private static int[] readDate(Cursor c) {
        int year = (int) c.digits(1, 9);
        c.expect('-');
        int month = (int) c.digits(1, 2);
        c.expect('-');
        int day = (int) c.digits(1, 2);
        return new int[] {year, month, day};
    }

    /** The date of fields read by {@link #readDate}; PostgreSQL's year 1 BC is ISO year 0. */
    private static LocalDate date(Cursor c, int[] ymd, boolean bc) {
        try {
            return LocalDate.of(bc ? 1 - ymd[0] : ymd[0], ymd[1], ymd[2]);
        } catch (DateTimeException e) {
            throw c.fail();
        }
    }

    /** Reads {@code hh:mm[:ss[.fraction]]} as nanoseconds of the day; {@code 24:00:00} is allowed. */
    private static long readTime(Cursor c) {
        long hour = c.digits(1, 2);
        c.expect(':');
        long minute = c.digits(2, 2);
        long second = 0;
        long nanos = 0;
        if (c.take(':')) {
            second = c.digits(2, 2);
            nanos = c.fraction();
        }
        long total = ((hour * 60 + minute) * 60 + second) * 1_000_000_000L + nanos;
        if (minute > 59 || second > 60 || total > 86_400_000_000_000L) {
            throw c.fail();
        }
        return total;
    }

    private static LocalTime toLocalTime(long nanoOfDay) {
        return nanoOfDay >= 86_400_000_000_000L ? LocalTime.MAX : LocalTime.ofNanoOfDay(nanoOfDay);
    }

    /** Reads {@code Z}, {@code +hh}, {@code +hh:mm}, {@code +hh:mm:ss} or {@code +hhmm}. */
    private static ZoneOffset readOffset(Cursor c) {
        if (c.take('Z') || c.take('z')) {
            return ZoneOffset.UTC;
        }
        int sign;
        if (c.take('+')) {
            sign = 1;
        } else if (c.take('-')) {
            sign = -1;
        } else {
            throw c.fail();
        }
        int hours = (int) c.digits(1, 2);
        int minutes = 0;
        int seconds = 0;
        if (c.take(':')) {
            minutes = (int) c.digits(2, 2);
            if (c.take(':')) {
                seconds = (int) c.digits(2, 2);
            }
        } else if (Character.isDigit(c.peek())) {
            minutes = (int) c.digits(2, 2);
        }
        try {
            return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
        } catch (DateTimeException e) {
            throw c.fail();
        }
    }

    private static void separator(Cursor c) {
        if (!c.take('T') && !c.take('t') && !c.take(' ')) {
            throw c.fail();
        }
    }

    static LocalDate parseDate(String s) {
        int inf = infinity(s);
        if (inf != 0) {
            return inf > 0 ? LocalDate.MAX : LocalDate.MIN;
        }
        Cursor c = new Cursor(s, "date" + ISO);
        int[] ymd = readDate(c);
        boolean bc = c.era();
        c.end();
        return date(c, ymd, bc);
    }

    static LocalTime parseTime(String s) {
        Cursor c = new Cursor(s, "time" + ISO);
        long nanos = readTime(c);
        c.end();
        return toLocalTime(nanos);
    }

    static OffsetTime parseTimetz(String s) {
        Cursor c = new Cursor(s, "timetz" + ISO);
        long nanos = readTime(c);
        ZoneOffset offset = readOffset(c);
        c.end();
        return OffsetTime.of(toLocalTime(nanos), offset);
    }

    static LocalDateTime parseTimestamp(String s) {
        int inf = infinity(s);
        if (inf != 0) {
            return inf > 0 ? LocalDateTime.MAX : LocalDateTime.MIN;
        }
        Cursor c = new Cursor(s, "timestamp" + ISO);
        int[] ymd = readDate(c);
        long nanos = 0;
        if (c.more() && (c.peek() == ' ' || c.peek() == 'T' || c.peek() == 't') && !c.s.startsWith(" BC", c.i)
                && !c.s.startsWith(" AD", c.i)) {
            separator(c);
            nanos = readTime(c);
        }
        boolean bc = c.era();
        c.end();
        return date(c, ymd, bc).atStartOfDay().plusNanos(nanos);
    }

    /** Parses timestamptz output in whatever offset it was printed, and returns the same instant in UTC. */
    static OffsetDateTime parseTimestamptz(String s) {
        int inf = infinity(s);
        if (inf != 0) {
            return inf > 0 ? OffsetDateTime.MAX : OffsetDateTime.MIN;
        }
        Cursor c = new Cursor(s, "timestamptz" + ISO);
        int[] ymd = readDate(c);
        separator(c);
        long nanos = readTime(c);
        ZoneOffset offset = readOffset(c);
        boolean bc = c.era();
        c.end();
        LocalDateTime local = date(c, ymd, bc).atStartOfDay().plusNanos(nanos);
        return OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /**
     * Parses interval output in {@code IntervalStyle} {@code postgres} ({@code 1 year 2 mons -3 days +04:05:06.5})
     * or {@code iso_8601} ({@code P1Y2M-3DT4H5M6.5S}).
     */
    static PgInterval parseInterval(String s) {
        String t = s.strip();
        boolean iso = !t.isEmpty() && (t.charAt(0) == 'P' || t.charAt(0) == 'p');
        Cursor c = new Cursor(t, iso ? "interval (ISO 8601)" : "interval (expected IntervalStyle postgres or iso_8601)");
        try {
            return iso ? isoInterval(c) : postgresInterval(c);
        } catch (ArithmeticException e) {
            throw c.fail();
        }
    }

    private static PgInterval postgresInterval(Cursor c) {
        long months = 0;
        long days = 0;
        long micros = 0;
        if (!c.more()) {
            throw c.fail();
        }
        while (c.more()) {
            boolean negative = c.take('-');
            if (!negative) {
                c.take('+');
            }
            long number = c.digits(1, 10);
            long sign = negative ? -1 : 1;
            if (c.take(':')) {  // the time part: [+-]hh:mm:ss[.ffffff], hours unbounded
                long minutes = c.digits(2, 2);
                long seconds = 0;
                long nanos = 0;
                if (c.take(':')) {
                    seconds = c.digits(2, 2);
                    nanos = c.fraction();
                }
                // signed before scaling, so the most negative interval (-2562047788:00:54.775808) fits
                long value = Math.addExact(Math.multiplyExact(sign * ((number * 60 + minutes) * 60 + seconds), 1_000_000L),
                        sign * ((nanos + 500) / 1000));
                micros = Math.addExact(micros, value);
            } else {
                c.expect(' ');
                int unitStart = c.i;
                while (c.more() && Character.isLetter(c.peek())) {
                    c.i++;
                }
                switch (c.s.substring(unitStart, c.i)) {
                    case "year", "years" -> months += sign * number * 12;
                    case "mon", "mons" -> months += sign * number;
                    case "day", "days" -> days += sign * number;
                    default -> throw c.fail();
                }
            }
            if (c.more()) {
                c.expect(' ');
            }
        }
        return interval(c, months, days, micros);
    }

    private static PgInterval isoInterval(Cursor c) {
        c.i = 1;
        long months = 0;
        long days = 0;
        long micros = 0;
        boolean time = false;
        while (c.more()) {
            if (!time && (c.take('T') || c.take('t'))) {
                time = true;
                continue;
            }
            boolean negative = c.take('-');
            if (!negative) {
                c.take('+');
            }
            long number = c.digits(1, 10);
            long nanos = c.peek() == '.' ? c.fraction() : 0;
            char unit = Character.toUpperCase(c.peek());
            c.i++;
            long sign = negative ? -1 : 1;
            if (nanos != 0 && !(time && unit == 'S')) {
                throw c.fail();  // PostgreSQL never prints fractions of other units
            }
            long add = 0;
            if (!time) {
                switch (unit) {
                    case 'Y' -> months += sign * number * 12;
                    case 'M' -> months += sign * number;
                    case 'W' -> days += sign * number * 7;
                    case 'D' -> days += sign * number;
                    default -> throw c.fail();
                }
            } else {
                add = switch (unit) {
                    case 'H' -> Math.multiplyExact(number, 3_600_000_000L);
                    case 'M' -> Math.multiplyExact(number, 60_000_000L);
                    case 'S' -> Math.addExact(Math.multiplyExact(number, 1_000_000L), (nanos + 500) / 1000);
                    default -> throw c.fail();
                };
            }
            micros = Math.addExact(micros, sign * add);
        }
        return interval(c, months, days, micros);
    }

    private static PgInterval interval(Cursor c, long months, long days, long micros) {
        if (months != (int) months || days != (int) days) {
            throw c.fail();
        }
        return new PgInterval((int) months, (int) days, micros);
    }
}
