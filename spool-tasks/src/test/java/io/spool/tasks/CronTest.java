package io.spool.tasks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cron parser and tick arithmetic, without a database. */
class CronTest {
    private static ZonedDateTime utc(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneOffset.UTC);
    }

    private static List<String> ticks(String expr, String from, int n) {
        Cron c = Cron.parse(expr);
        List<String> out = new ArrayList<>();
        ZonedDateTime t = utc(from);
        for (int i = 0; i < n; i++) {
            t = c.next(t).orElseThrow();
            out.add(t.toLocalDateTime().toString());
        }
        return out;
    }

    @Test
    void everyMinuteAndSteps() {
        assertThat(ticks("* * * * *", "2025-03-01T10:00:30", 3))
                .containsExactly("2025-03-01T10:01", "2025-03-01T10:02", "2025-03-01T10:03");
        assertThat(ticks("*/15 * * * *", "2025-03-01T10:07", 3))
                .containsExactly("2025-03-01T10:15", "2025-03-01T10:30", "2025-03-01T10:45");
        assertThat(ticks("5/20 9-10 * * *", "2025-03-01T09:50", 4))
                .containsExactly("2025-03-01T10:05", "2025-03-01T10:25", "2025-03-01T10:45", "2025-03-02T09:05");
    }

    @Test
    void listsRangesNamesAndMacros() {
        assertThat(ticks("0 9 * * MON-FRI", "2025-03-07T09:00", 2))  // a Friday
                .containsExactly("2025-03-10T09:00", "2025-03-11T09:00");
        assertThat(ticks("30 8,20 1 JAN,jul *", "2025-01-01T08:30", 3))
                .containsExactly("2025-01-01T20:30", "2025-07-01T08:30", "2025-07-01T20:30");
        assertThat(ticks("@daily", "2025-12-31T12:00", 1)).containsExactly("2026-01-01T00:00");
        assertThat(ticks("@hourly", "2025-12-31T23:10", 1)).containsExactly("2026-01-01T00:00");
        assertThat(ticks("0 0 * * 7", "2025-03-01T00:00", 1)).containsExactly("2025-03-02T00:00");  // 7 = Sunday
        assertThat(ticks("0 0 29 2 *", "2025-01-01T00:00", 1)).containsExactly("2028-02-29T00:00");
    }

    @Test
    void bothDayFieldsRestrictedMatchEither() {
        // the 13th, or any Friday
        assertThat(ticks("0 0 13 * FRI", "2025-06-01T00:00", 3))
                .containsExactly("2025-06-06T00:00", "2025-06-13T00:00", "2025-06-20T00:00");
    }

    @Test
    void sixFieldsHaveSeconds() {
        Cron c = Cron.parse("*/20 * * * * *");
        assertThat(c.hasSeconds()).isTrue();
        assertThat(ticks("*/20 * * * * *", "2025-03-01T10:00:05", 4))
                .containsExactly("2025-03-01T10:00:20", "2025-03-01T10:00:40", "2025-03-01T10:01", "2025-03-01T10:01:20");
    }

    @Test
    void previousIsTheLatestTickAtOrBefore() {
        Cron c = Cron.parse("0 3 * * *");
        assertThat(c.previous(utc("2025-03-05T02:59:59")).orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2025-03-04T03:00"));
        assertThat(c.previous(utc("2025-03-05T03:00")).orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2025-03-05T03:00"));
        assertThat(Cron.parse("*/10 * * * * *").previous(utc("2025-03-05T03:00:29")).orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2025-03-05T03:00:20"));
        assertThat(Cron.parse("0 0 1 JAN *").previous(utc("2025-03-05T03:00")).orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2025-01-01T00:00"));
    }

    @Test
    void zonesAndDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Cron c = Cron.parse("30 2 * * *");  // 02:30 does not exist on 2025-03-30 in Berlin
        ZonedDateTime next = c.next(ZonedDateTime.of(LocalDateTime.parse("2025-03-29T12:00"), berlin)).orElseThrow();
        assertThat(next.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-30T03:30"));
        ZonedDateTime after = c.next(next).orElseThrow();
        assertThat(after.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-03-31T02:30"));
    }

    @Test
    void whenClocksGoBackEachWallClockTimeTicksOnceAtItsFirstOccurrence() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");   // 2025-10-26 03:00 CEST becomes 02:00 CET
        ZonedDateTime firstPass = ZonedDateTime.ofStrict(LocalDateTime.parse("2025-10-26T02:30"),
                ZoneOffset.ofHours(2), berlin);
        Cron daily = Cron.parse("30 2 * * *");
        ZonedDateTime tick = daily.next(firstPass.minusMinutes(1)).orElseThrow();
        assertThat(tick).isEqualTo(firstPass);
        assertThat(daily.next(tick).orElseThrow().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-10-27T02:30"));
        Cron every20 = Cron.parse("*/20 * * * *");   // the repeated hour is not ticked through a second time
        ZonedDateTime afterRepeat = every20.next(firstPass.plusMinutes(10)).orElseThrow();
        assertThat(afterRepeat.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2025-10-26T03:00"));
        assertThat(Duration.between(firstPass.plusMinutes(10), afterRepeat)).isEqualTo(Duration.ofMinutes(80));
    }

    @Test
    void badExpressionsNameTheFieldAtFault() {
        assertThatThrownBy(() -> Cron.parse("* * *")).hasMessageContaining("has 3 fields");
        assertThatThrownBy(() -> Cron.parse("60 * * * *")).hasMessageContaining("minute value 60 is outside 0..59");
        assertThatThrownBy(() -> Cron.parse("* 25 * * *")).hasMessageContaining("hour value 25");
        assertThatThrownBy(() -> Cron.parse("* * * FOO *")).hasMessageContaining("month value 'FOO' is not a number or a name");
        assertThatThrownBy(() -> Cron.parse("5-1 * * * *")).hasMessageContaining("runs backwards");
        assertThatThrownBy(() -> Cron.parse("*/0 * * * *")).hasMessageContaining("outside 1..59");
        assertThatThrownBy(() -> Cron.parse("")).hasMessageContaining("empty");
        assertThat(Cron.parse("0 0 31 2 *").next(utc("2025-01-01T00:00"))).isEmpty();  // never
    }
}
