package io.spool.pg.types;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PgIntervalTest {
    private static final long HMS = ((4 * 60 + 5) * 60 + 6) * 1_000_000L;  // 04:05:06

    @Test
    void isoStringLikeIntervalStyleIso8601() {
        assertThat(new PgInterval(14, 3, HMS + 789_000)).hasToString("P1Y2M3DT4H5M6.789S");
        assertThat(PgInterval.ZERO).hasToString("PT0S");
        assertThat(new PgInterval(-14, -3, -HMS - 500_000)).hasToString("P-1Y-2M-3DT-4H-5M-6.5S");
        assertThat(new PgInterval(0, 0, -500_000)).hasToString("PT-0.5S");
        assertThat(new PgInterval(1, 0, 0)).hasToString("P1M");
        assertThat(new PgInterval(0, 0, 3_600_000_000L)).hasToString("PT1H");
    }

    @Test
    void postgresStyle() {
        assertThat(new PgInterval(14, 3, HMS + 789_000).toPostgresString()).isEqualTo("1 year 2 mons 3 days 04:05:06.789");
        assertThat(new PgInterval(0, -1, 7_200_000_000L).toPostgresString()).isEqualTo("-1 days +02:00:00");
        assertThat(PgInterval.ZERO.toPostgresString()).isEqualTo("00:00:00");
        assertThat(new PgInterval(1, 0, 0).toPostgresString()).isEqualTo("1 mon");
        assertThat(new PgInterval(-1, 0, 0).toPostgresString()).isEqualTo("-1 mons");
        assertThat(new PgInterval(12, 1, 0).toPostgresString()).isEqualTo("1 year 1 day");
        assertThat(new PgInterval(0, 0, -1_000_000).toPostgresString()).isEqualTo("-00:00:01");
        assertThat(new PgInterval(0, 0, 360_000_000_000L).toPostgresString()).isEqualTo("100:00:00");
        assertThat(new PgInterval(-12, 5, 0).toPostgresString()).isEqualTo("-1 years +5 days");
        assertThat(new PgInterval(0, 0, Long.MIN_VALUE).toPostgresString()).isEqualTo("-2562047788:00:54.775808");
    }

    @Test
    void bothStylesParseBack() {
        PgInterval[] samples = {PgInterval.ZERO, new PgInterval(14, 3, HMS + 789_000), new PgInterval(-14, -3, -HMS - 1),
                new PgInterval(0, -1, 7_200_000_000L), new PgInterval(Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE),
                new PgInterval(-12, 5, 0), new PgInterval(0, 0, -500_000)};
        for (PgInterval i : samples) {
            assertThat(PgInterval.parse(i.toString())).as(i.toString()).isEqualTo(i);
            assertThat(PgInterval.parse(i.toPostgresString())).as(i.toPostgresString()).isEqualTo(i);
        }
        assertThat(PgInterval.parse("P2W")).isEqualTo(new PgInterval(0, 14, 0));
        assertThatThrownBy(() -> PgInterval.parse("")).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> PgInterval.parse("3 fortnights")).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> PgInterval.parse("P1.5Y")).isInstanceOf(PgTypeException.class);
    }

    @Test
    void javaTimeConversions() {
        assertThat(PgInterval.of(Duration.ofHours(36))).isEqualTo(new PgInterval(0, 0, 129_600_000_000L));
        assertThat(PgInterval.of(Duration.ofNanos(1_500))).isEqualTo(new PgInterval(0, 0, 2));
        assertThat(PgInterval.of(Duration.ofNanos(-1_500))).isEqualTo(new PgInterval(0, 0, -1));
        assertThat(PgInterval.of(Period.of(1, 2, 3))).isEqualTo(new PgInterval(14, 3, 0));
        assertThat(new PgInterval(0, 2, 1_500_000).toDuration()).isEqualTo(Duration.ofDays(2).plusMillis(1500));
        assertThat(new PgInterval(0, 0, -1).toDuration()).isEqualTo(Duration.ofNanos(-1000));
        assertThatThrownBy(() -> new PgInterval(1, 0, 0).toDuration()).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("months");
        assertThat(new PgInterval(14, 3, 0).toPeriod()).isEqualTo(Period.of(1, 2, 3));
        assertThatThrownBy(() -> new PgInterval(0, 0, 1).toPeriod()).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> PgInterval.of(Period.ofYears(Integer.MAX_VALUE))).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> PgInterval.of(Duration.ofSeconds(Long.MAX_VALUE / 1000))).isInstanceOf(PgTypeException.class);
    }
}
