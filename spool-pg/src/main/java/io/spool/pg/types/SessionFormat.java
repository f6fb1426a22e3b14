package io.spool.pg.types;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The session settings that shape PostgreSQL's text output of dates, times and intervals, as the server reports
 * them in ParameterStatus: {@code TimeZone}, {@code DateStyle} (output style and field order) and
 * {@code IntervalStyle}. Renders binary-decoded values exactly as the server would print them in that session
 * (what psql shows), and reads the server's text back in any of those styles. Time zone abbreviations come from
 * the JDK, which agrees with the tz database for most zones (EST, CET, JST, UTC...), not for all.
 */
record SessionFormat(ZoneId zone, Style style, boolean dayFirst, IntervalStyle intervalStyle) {
    enum Style { ISO, SQL, POSTGRES, GERMAN }

    enum IntervalStyle { POSTGRES, POSTGRES_VERBOSE, SQL_STANDARD, ISO_8601 }

    /** What the client asks for at startup; timestamptz shown in UTC until the server names the zone. */
    static final SessionFormat DEFAULT = new SessionFormat(ZoneOffset.UTC, Style.ISO, false, IntervalStyle.POSTGRES);

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    /** The format of a session whose parameters are {@code p}; unknown or missing settings keep this one's. */
    SessionFormat with(Map<String, String> p) {
        ZoneId z = zone;
        String tz = p.get("TimeZone");
        if (tz != null) {
            try {
                z = ZoneId.of(tz.equals("localtime") ? ZoneId.systemDefault().getId() : tz);
            } catch (DateTimeException e) {
                z = zone;  // a POSIX-style zone the JDK cannot read: keep the last known
            }
        }
        Style s = style;
        boolean dmy = dayFirst;
        String ds = p.get("DateStyle");
        if (ds != null) {
            String u = ds.toUpperCase(Locale.ROOT);
            s = u.startsWith("SQL") ? Style.SQL : u.startsWith("POSTGRES") ? Style.POSTGRES
                    : u.startsWith("GERMAN") ? Style.GERMAN : Style.ISO;
            dmy = u.contains("DMY");
        }
        IntervalStyle is = intervalStyle;
        String ivs = p.get("IntervalStyle");
        if (ivs != null) {
            try {
                is = IntervalStyle.valueOf(ivs.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                is = intervalStyle;
            }
        }
        return new SessionFormat(z, s, dmy, is);
    }

    /** The server's text for a decoded value of a date/time/interval type; other values as {@link TextFormat}. */
    String output(Object v) {
        if (v instanceof OffsetDateTime ts) {
            return timestamptz(ts);
        }
        if (v instanceof LocalDateTime ts) {
            return style == Style.ISO ? DateTimeText.formatTimestamp(ts) : timestamp(ts, null);
        }
        if (v instanceof LocalDate d) {
            return style == Style.ISO ? DateTimeText.formatDate(d) : date(d);
        }
        if (v instanceof PgInterval i) {
            return interval(i);
        }
        return TextFormat.output(v);
    }

    // ---- dates and timestamps ----

    private String timestamptz(OffsetDateTime ts) {
        if (ts.equals(OffsetDateTime.MAX) || ts.equals(OffsetDateTime.MIN)) {
            return DateTimeText.formatTimestamptz(ts);
        }
        ZonedDateTime local = ts.atZoneSameInstant(zone);
        if (style == Style.ISO) {
            return DateTimeText.formatTimestamptz(local.toOffsetDateTime());
        }
        return timestamp(local.toLocalDateTime(), abbreviation(local));
    }

    /** The zone's abbreviation at that moment as the server prints it (e.g. EST, CEST, UTC). */
    private static String abbreviation(ZonedDateTime t) {
        ZoneId z = t.getZone();
        if (z instanceof ZoneOffset || z.getId().equals("UTC") || z.getId().equals("Etc/UTC")) {
            return z.getId().equals("Z") ? "UTC" : z.getId();
        }
        java.util.List<java.time.zone.ZoneOffsetTransition> transitions = z.getRules().getTransitions();
        if (!transitions.isEmpty() && t.toInstant().isBefore(transitions.get(0).getInstant())) {
            return "LMT";  // local mean time, before the zone's first transition (the JDK has no name for it)
        }
        boolean dst = z.getRules().isDaylightSavings(t.toInstant());
        java.util.TimeZone tz = java.util.TimeZone.getTimeZone(z);
        return tz.getDisplayName(dst, java.util.TimeZone.SHORT, Locale.US);
    }

    private String date(LocalDate d) {
        if (d.equals(LocalDate.MAX) || d.equals(LocalDate.MIN)) {
            return DateTimeText.formatDate(d);
        }
        StringBuilder sb = new StringBuilder(14);
        boolean bc = appendDate(sb, d);
        return bc ? sb.append(" BC").toString() : sb.toString();
    }

    /** SQL {@code mm/dd/yyyy}, German {@code dd.mm.yyyy}, Postgres {@code mm-dd-yyyy} (day first under DMY). */
    private boolean appendDate(StringBuilder sb, LocalDate d) {
        int year = d.getYear();
        boolean bc = year <= 0;
        char sep = style == Style.SQL ? '/' : style == Style.GERMAN ? '.' : '-';
        boolean day = dayFirst || style == Style.GERMAN;
        DateTimeText.pad2(sb, day ? d.getDayOfMonth() : d.getMonthValue());
        sb.append(sep);
        DateTimeText.pad2(sb, day ? d.getMonthValue() : d.getDayOfMonth());
        sb.append(sep);
        DateTimeText.pad4(sb, bc ? 1 - year : year);
        return bc;
    }

    /** A timestamp in the SQL, German or Postgres style, with the zone abbreviation when given. */
    private String timestamp(LocalDateTime ts, String zoneName) {
        if (ts.equals(LocalDateTime.MAX) || ts.equals(LocalDateTime.MIN)) {
            return DateTimeText.formatTimestamp(ts);
        }
        StringBuilder sb = new StringBuilder(36);
        int year = ts.getYear();
        boolean bc = year <= 0;
        if (style == Style.POSTGRES) {
            // Mon Jan 01 07:00:00 2024 EST (day before month under DMY)
            sb.append(DAYS[ts.getDayOfWeek().getValue() - 1]).append(' ');
            String month = MONTHS[ts.getMonthValue() - 1];
            if (dayFirst) {
                DateTimeText.pad2(sb, ts.getDayOfMonth());
                sb.append(' ').append(month);
            } else {
                sb.append(month).append(' ');
                DateTimeText.pad2(sb, ts.getDayOfMonth());
            }
            sb.append(' ');
            DateTimeText.appendTime(sb, ts.toLocalTime());
            sb.append(' ');
            DateTimeText.pad4(sb, bc ? 1 - year : year);
        } else {
            appendDate(sb, ts.toLocalDate());
            sb.append(' ');
            DateTimeText.appendTime(sb, ts.toLocalTime());
        }
        if (zoneName != null) {
            sb.append(' ').append(zoneName);
        }
        return bc ? sb.append(" BC").toString() : sb.toString();
    }

    /** Reads a date printed in this session's DateStyle (ISO is read by {@link DateTimeText}). */
    LocalDate parseDate(String s) {
        return style == Style.ISO || s.endsWith("infinity") ? DateTimeText.parseDate(s) : parseDateTime(s, false).toLocalDate();
    }

    LocalDateTime parseTimestamp(String s) {
        return style == Style.ISO || s.endsWith("infinity") ? DateTimeText.parseTimestamp(s) : parseDateTime(s, true);
    }

    /** A timestamptz printed in this session's style; non-ISO styles name the zone, read as the session's zone. */
    OffsetDateTime parseTimestamptz(String s) {
        if (style == Style.ISO || s.endsWith("infinity")) {
            return DateTimeText.parseTimestamptz(s);
        }
        LocalDateTime local = parseDateTime(s, true);
        String[] words = s.strip().split("\\s+");
        String abbreviation = words[words.length - 1].equals("BC") ? words[words.length - 2] : words[words.length - 1];
        ZonedDateTime earlier = ZonedDateTime.ofLocal(local, zone, null);
        ZonedDateTime later = earlier.withLaterOffsetAtOverlap();
        // in an autumn overlap the abbreviation says which of the two offsets was meant
        ZonedDateTime chosen = !later.equals(earlier) && abbreviation(later).equals(abbreviation) ? later : earlier;
        return chosen.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** The date and (with {@code withTime}) the time of a SQL, German or Postgres style value. */
    private LocalDateTime parseDateTime(String s, boolean withTime) {
        String[] w = s.strip().split("\\s+");
        boolean bc = w[w.length - 1].equals("BC");
        try {
            int year;
            int month;
            int day;
            String time;
            if (style == Style.POSTGRES && w.length >= 4 && Character.isLetter(w[0].charAt(0))) {
                // Mon Jan 01 07:00:00 2024 [EST] [BC], or Mon 01 Jan ... under DMY
                boolean monthFirst = Character.isLetter(w[1].charAt(0));
                month = monthNumber(monthFirst ? w[1] : w[2]);
                day = Integer.parseInt(monthFirst ? w[2] : w[1]);
                time = w[3];
                year = Integer.parseInt(w[4]);
            } else {
                String[] f = w[0].split("[/.\\-]");
                boolean dayFirstHere = dayFirst || style == Style.GERMAN;
                day = Integer.parseInt(dayFirstHere ? f[0] : f[1]);
                month = Integer.parseInt(dayFirstHere ? f[1] : f[0]);
                year = Integer.parseInt(f[2]);
                time = w.length > 1 ? w[1] : "00:00:00";
            }
            LocalDate date = LocalDate.of(bc ? 1 - year : year, month, day);
            return withTime ? date.atTime(LocalTime.parse(time)) : date.atStartOfDay();
        } catch (RuntimeException e) {
            throw new PgTypeException("cannot parse '" + PgTypeException.abbreviate(s) + "' as a date in DateStyle "
                    + style + (dayFirst ? ", DMY" : ", MDY"), e);
        }
    }

    private static int monthNumber(String name) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("unknown month " + name);
    }

    // ---- intervals, as EncodeInterval in PostgreSQL's datetime.c ----

    String interval(PgInterval i) {
        long months = i.months();
        long year = months / 12;
        long mon = months % 12;
        long mday = i.days();
        long micros = i.microseconds();
        long hour = micros / 3_600_000_000L;
        micros -= hour * 3_600_000_000L;
        long min = micros / 60_000_000L;
        micros -= min * 60_000_000L;
        long sec = micros / 1_000_000L;
        long fsec = micros - sec * 1_000_000L;
        return switch (intervalStyle) {
            case POSTGRES -> i.toPostgresString();
            case POSTGRES_VERBOSE -> verbose(year, mon, mday, hour, min, sec, fsec);
            case SQL_STANDARD -> sqlStandard(year, mon, mday, hour, min, sec, fsec);
            case ISO_8601 -> iso8601(year, mon, mday, hour, min, sec, fsec);
        };
    }

    /** {@code sec} and the fraction as PostgreSQL's AppendSeconds: absolute values, trailing zeros dropped. */
    private static void appendSeconds(StringBuilder sb, long sec, long fsec, boolean fillZeros) {
        long s = Math.abs(sec);
        if (fillZeros) {
            DateTimeText.pad2(sb, s);
        } else {
            sb.append(s);
        }
        DateTimeText.appendFraction(sb, Math.abs(fsec) * 1000);
    }

    private static String iso8601(long year, long mon, long mday, long hour, long min, long sec, long fsec) {
        if (year == 0 && mon == 0 && mday == 0 && hour == 0 && min == 0 && sec == 0 && fsec == 0) {
            return "PT0S";
        }
        StringBuilder sb = new StringBuilder("P");
        isoPart(sb, year, 'Y');
        isoPart(sb, mon, 'M');
        isoPart(sb, mday, 'D');
        if (hour != 0 || min != 0 || sec != 0 || fsec != 0) {
            sb.append('T');
        }
        isoPart(sb, hour, 'H');
        isoPart(sb, min, 'M');
        if (sec != 0 || fsec != 0) {
            if (sec < 0 || fsec < 0) {
                sb.append('-');
            }
            appendSeconds(sb, sec, fsec, false);
            sb.append('S');
        }
        return sb.toString();
    }

    private static void isoPart(StringBuilder sb, long value, char unit) {
        if (value != 0) {
            sb.append(value).append(unit);
        }
    }

    private static String sqlStandard(long year, long mon, long mday, long hour, long min, long sec, long fsec) {
        boolean negative = year < 0 || mon < 0 || mday < 0 || hour < 0 || min < 0 || sec < 0 || fsec < 0;
        boolean positive = year > 0 || mon > 0 || mday > 0 || hour > 0 || min > 0 || sec > 0 || fsec > 0;
        boolean yearMonth = year != 0 || mon != 0;
        boolean dayTime = mday != 0 || hour != 0 || min != 0 || sec != 0 || fsec != 0;
        boolean standard = !(negative && positive) && !(yearMonth && dayTime);
        StringBuilder sb = new StringBuilder();
        if (negative && standard) {
            sb.append('-');
            year = -year;
            mon = -mon;
            mday = -mday;
            hour = -hour;
            min = -min;
            sec = -sec;
            fsec = -fsec;
        }
        if (!negative && !positive) {
            sb.append('0');
        } else if (!standard) {
            char yearSign = year < 0 || mon < 0 ? '-' : '+';
            char daySign = mday < 0 ? '-' : '+';
            char secSign = hour < 0 || min < 0 || sec < 0 || fsec < 0 ? '-' : '+';
            sb.append(yearSign).append(Math.abs(year)).append('-').append(Math.abs(mon)).append(' ')
                    .append(daySign).append(Math.abs(mday)).append(' ')
                    .append(secSign).append(Math.abs(hour)).append(':');
            DateTimeText.pad2(sb, Math.abs(min));
            sb.append(':');
            appendSeconds(sb, sec, fsec, true);
        } else if (yearMonth) {
            sb.append(year).append('-').append(mon);
        } else {
            if (mday != 0) {
                sb.append(mday).append(' ');
            }
            sb.append(hour).append(':');
            DateTimeText.pad2(sb, min);
            sb.append(':');
            appendSeconds(sb, sec, fsec, true);
        }
        return sb.toString();
    }

    private static String verbose(long year, long mon, long mday, long hour, long min, long sec, long fsec) {
        StringBuilder sb = new StringBuilder("@");
        boolean[] zeroBefore = {true, false};  // {is_zero, is_before}
        verbosePart(sb, year, "year", zeroBefore);
        verbosePart(sb, mon, "mon", zeroBefore);
        verbosePart(sb, mday, "day", zeroBefore);
        verbosePart(sb, hour, "hour", zeroBefore);
        verbosePart(sb, min, "min", zeroBefore);
        if (sec != 0 || fsec != 0) {
            sb.append(' ');
            if (sec < 0 || (sec == 0 && fsec < 0)) {
                if (zeroBefore[0]) {
                    zeroBefore[1] = true;
                } else if (!zeroBefore[1]) {
                    sb.append('-');
                }
            } else if (zeroBefore[1]) {
                sb.append('-');
            }
            appendSeconds(sb, sec, fsec, false);
            sb.append(" sec").append(Math.abs(sec) != 1 || fsec != 0 ? "s" : "");
            zeroBefore[0] = false;
        }
        if (zeroBefore[0]) {
            sb.append(" 0");
        }
        if (zeroBefore[1]) {
            sb.append(" ago");
        }
        return sb.toString();
    }

    private static void verbosePart(StringBuilder sb, long value, String unit, boolean[] zeroBefore) {
        if (value == 0) {
            return;
        }
        if (zeroBefore[0]) {
            zeroBefore[1] = value < 0;   // the first non-zero field decides "ago"
            value = Math.abs(value);
        } else if (zeroBefore[1]) {
            value = -value;
        }
        sb.append(' ').append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
        zeroBefore[0] = false;
    }
}
