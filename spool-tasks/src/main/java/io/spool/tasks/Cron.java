package io.spool.tasks;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cron expression: five fields (minute, hour, day of month, month, day of week), or six with a leading seconds
 * field. Each field is {@code *}, a value, a range {@code a-b}, a step {@code * /n}, {@code a-b/n} or
 * {@code a/n} (written without the space), or a comma list of those; months and weekdays also take names
 * ({@code JAN}, {@code MON}); weekday 0 and 7 are Sunday; {@code ?} means {@code *}. As in Vixie cron, when
 * both day fields are restricted a day matching either one matches. The macros {@code @yearly},
 * {@code @monthly}, {@code @weekly}, {@code @daily} ({@code @midnight}) and {@code @hourly} are understood.
 * Times are evaluated in a time zone; a tick that falls in a daylight-saving gap moves to the first instant after,
 * and when clocks go back each wall-clock time ticks once, at its first occurrence (so a schedule every few
 * minutes pauses for the repeated hour; UTC, the default zone, has neither).
 */
public final class Cron {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
            "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
    /** How far from the start time a search goes before deciding the expression never matches (Feb 30th). */
    private static final int SEARCH_YEARS = 8;

    private final String expression;
    private final long seconds;
    private final long minutes;
    private final long hours;
    private final long daysOfMonth;
    private final long months;
    private final long daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;
    private final boolean withSeconds;

    private Cron(String expression, long seconds, long minutes, long hours, long daysOfMonth, long months,
                 long daysOfWeek, boolean domRestricted, boolean dowRestricted, boolean withSeconds) {
        this.expression = expression;
        this.seconds = seconds;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.domRestricted = domRestricted;
        this.dowRestricted = dowRestricted;
        this.withSeconds = withSeconds;
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException naming the field and the part that is wrong
     */
    public static Cron parse(String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("empty cron expression");
        }
        String text = expression.strip();
        String macro = MACROS.get(text.toLowerCase(Locale.ROOT));
        String[] f = (macro != null ? macro : text).split("\\s+");
        if (f.length != 5 && f.length != 6) {
            throw new IllegalArgumentException("cron expression '" + expression + "' has " + f.length
                    + " fields; expected 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)");
        }
        int o = f.length - 5;
        long sec = o == 1 ? field(expression, "second", f[0], 0, 59, null) : 1L;
        long min = field(expression, "minute", f[o], 0, 59, null);
        long hour = field(expression, "hour", f[o + 1], 0, 23, null);
        long dom = field(expression, "day-of-month", f[o + 2], 1, 31, null);
        long mon = field(expression, "month", f[o + 3], 1, 12, MONTHS);
        long dow = field(expression, "day-of-week", f[o + 4], 0, 7, DAYS);
        if ((dow & (1L << 7)) != 0) {
            dow = (dow | 1L) & ~(1L << 7);  // 7 is Sunday too
        }
        return new Cron(expression, sec, min, hour, dom, mon, dow, !isStar(f[o + 2]), !isStar(f[o + 4]), o == 1);
    }

    private static boolean isStar(String field) {
        return field.equals("*") || field.equals("?");
    }

    private static long field(String expr, String name, String text, int min, int max, String[] names) {
        long bits = 0;
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(expr, name, part.substring(slash + 1), 1, max, null);
            }
            int lo;
            int hi;
            if (range.equals("*") || range.equals("?")) {
                lo = min;
                hi = max;
            } else if (range.indexOf('-') > 0) {
                int dash = range.indexOf('-');
                lo = number(expr, name, range.substring(0, dash), min, max, names);
                hi = number(expr, name, range.substring(dash + 1), min, max, names);
                if (hi < lo) {
                    throw new IllegalArgumentException("cron expression '" + expr + "': " + name + " range '" + range
                            + "' runs backwards");
                }
            } else {
                lo = number(expr, name, range, min, max, names);
                hi = slash >= 0 ? max : lo;  // "a/n" means from a to the end in steps of n
            }
            for (int v = lo; v <= hi; v += step) {
                bits |= 1L << v;
            }
        }
        return bits;
    }

    private static int number(String expr, String name, String text, int min, int max, String[] names) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equalsIgnoreCase(text)) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        int v;
        try {
            v = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cron expression '" + expr + "': " + name + " value '" + text
                    + "' is not a number" + (names == null ? "" : " or a name"));
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("cron expression '" + expr + "': " + name + " value " + v
                    + " is outside " + min + ".." + max);
        }
        return v;
    }

    public String expression() {
        return expression;
    }

    /** True when the expression has a seconds field. */
    public boolean hasSeconds() {
        return withSeconds;
    }

    /** Whether the local date-time (at whole seconds) is a tick. */
    public boolean matches(LocalDateTime t) {
        return t.getNano() == 0 && bit(seconds, t.getSecond()) && bit(minutes, t.getMinute())
                && bit(hours, t.getHour()) && dayMatches(t) && bit(months, t.getMonthValue());
    }

    private boolean dayMatches(LocalDateTime t) {
        boolean dom = bit(daysOfMonth, t.getDayOfMonth());
        boolean dow = bit(daysOfWeek, t.getDayOfWeek() == DayOfWeek.SUNDAY ? 0 : t.getDayOfWeek().getValue());
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static boolean bit(long bits, int v) {
        return (bits & (1L << v)) != 0;
    }

    /** The first tick strictly after {@code after}, in {@code after}'s zone; empty if there is none. */
    public Optional<ZonedDateTime> next(ZonedDateTime after) {
        ZoneId zone = after.getZone();
        LocalDateTime t = after.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        int limit = t.getYear() + SEARCH_YEARS;
        while (t.getYear() <= limit) {
            if (!bit(months, t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!bit(hours, t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!bit(minutes, t.getMinute())) {
                t = t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            } else if (!bit(seconds, t.getSecond())) {
                int s = nextBit(seconds, t.getSecond());
                t = s < 0 ? t.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1) : t.withSecond(s);
            } else {
                ZonedDateTime z = t.atZone(zone);
                if (z.isAfter(after)) {
                    return Optional.of(z);
                }
                t = t.plusSeconds(1);  // a repeated hour when clocks go back: already past this one
            }
        }
        return Optional.empty();
    }

    /** The last tick at or before {@code at}, in {@code at}'s zone; empty if there is none. */
    public Optional<ZonedDateTime> previous(ZonedDateTime at) {
        ZoneId zone = at.getZone();
        LocalDateTime t = at.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
        int limit = t.getYear() - SEARCH_YEARS;
        while (t.getYear() >= limit) {
            if (!bit(months, t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).minusSeconds(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).minusSeconds(1);
            } else if (!bit(hours, t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).minusSeconds(1);
            } else if (!bit(minutes, t.getMinute())) {
                t = t.truncatedTo(ChronoUnit.MINUTES).minusSeconds(1);
            } else if (!bit(seconds, t.getSecond())) {
                int s = previousBit(seconds, t.getSecond());
                t = s < 0 ? t.truncatedTo(ChronoUnit.MINUTES).minusSeconds(1) : t.withSecond(s);
            } else {
                ZonedDateTime z = t.atZone(zone);
                if (!z.isAfter(at)) {
                    return Optional.of(z);
                }
                t = t.minusSeconds(1);  // a gap moved this tick past 'at'
            }
        }
        return Optional.empty();
    }

    private static int nextBit(long bits, int from) {
        long rest = bits & (-1L << from);
        return rest == 0 ? -1 : Long.numberOfTrailingZeros(rest);
    }

    private static int previousBit(long bits, int from) {
        long rest = from >= 63 ? bits : bits & ((1L << (from + 1)) - 1);
        return rest == 0 ? -1 : 63 - Long.numberOfLeadingZeros(rest);
    }

    @Override
    public String toString() {
        return expression;
    }
}
