package io.spool.web;

import io.netty.util.AsciiString;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/**
 * HTTP dates (RFC 9110 §5.6.7): written as IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}, the day always two
 * digits), read in that form and the two obsolete ones a recipient must accept (RFC 850 and asctime). The
 * {@code Date} header of the current second is formatted once per second, not per response.
 */
final class HttpDates {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US);
    private static final List<DateTimeFormatter> OBSOLETE = List.of(
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-")   // RFC 850: a two-digit year, 1970-2069
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970).appendPattern(" HH:mm:ss 'GMT'")
                    .toFormatter(Locale.US),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss uuuu", Locale.US));   // asctime

    private record Stamp(long second, AsciiString text) {}

    private static volatile Stamp current = new Stamp(-1, null);

    private HttpDates() {}

    static String format(long epochSecond) {
        return IMF_FIXDATE.format(LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC));
    }

    /** The {@code Date} header's value now. */
    static AsciiString now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp s = current;
        if (s.second != second) {   // a race formats the same second twice, harmlessly
            s = new Stamp(second, AsciiString.cached(format(second)));
            current = s;
        }
        return s.text;
    }

    /** Seconds since the epoch, or -1 when {@code value} is no HTTP date. */
    static long parse(String value) {
        try {
            return LocalDateTime.parse(value, IMF_FIXDATE).toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            for (DateTimeFormatter f : OBSOLETE) {
                try {
                    return LocalDateTime.parse(value, f).toEpochSecond(ZoneOffset.UTC);
                } catch (DateTimeParseException ignored) {
                    // try the next form
                }
            }
            return -1;
        }
    }
}
