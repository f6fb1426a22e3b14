package io.spool.pg.types;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static io.spool.pg.types.Bin.decode;
import static io.spool.pg.types.Bin.encode;
import static io.spool.pg.types.Bin.hex;
import static io.spool.pg.types.Bin.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** date, time, timetz, timestamp, timestamptz and interval, counted from 2000-01-01. */
class DateTimeCodecsTest {

    @Test
    void dateVectors() {
        assertThat(hex(encode(LocalDate.of(2000, 1, 1), PgTypes.DATE))).isEqualTo("00000000");
        assertThat(hex(encode(LocalDate.of(1999, 12, 31), PgTypes.DATE))).isEqualTo("ffffffff");
        assertThat(hex(encode(LocalDate.of(2024, 1, 1), PgTypes.DATE))).isEqualTo("0000223e");
        assertThat(hex(encode(LocalDate.MAX, PgTypes.DATE))).isEqualTo("7fffffff");
        assertThat(hex(encode(LocalDate.MIN, PgTypes.DATE))).isEqualTo("80000000");
        assertThat(decode(PgTypes.DATE, hex("0000223e"))).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(decode(PgTypes.DATE, hex("7fffffff"))).isEqualTo(LocalDate.MAX);
        assertThat(decode(PgTypes.DATE, hex("80000000"))).isEqualTo(LocalDate.MIN);
    }

    @Test
    void dateExtremes() {
        LocalDate first = LocalDate.of(-4713, 11, 24);  // 4714-11-24 BC, Julian day 0
        LocalDate last = LocalDate.of(5874897, 12, 31);
        assertThat(roundTrip(first, PgTypes.DATE)).isEqualTo(first);
        assertThat(roundTrip(last, PgTypes.DATE)).isEqualTo(last);
        assertThat(Wire.int4(encode(first, PgTypes.DATE), 0)).isEqualTo(-2451545);
        assertThatThrownBy(() -> encode(first.minusDays(1), PgTypes.DATE)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("date").hasMessageContaining("range");
        assertThatThrownBy(() -> encode(last.plusDays(1), PgTypes.DATE)).isInstanceOf(PgTypeException.class);
        assertThat(decode(PgTypes.DATE, encode(first, PgTypes.DATE), String.class)).isEqualTo("4714-11-24 BC");
        assertThat(decode(PgTypes.DATE, encode(last, PgTypes.DATE), String.class)).isEqualTo("5874897-12-31");
        assertThat(decode(PgTypes.DATE, hex("7fffffff"), String.class)).isEqualTo("infinity");
        assertThat(decode(PgTypes.DATE, hex("80000000"), String.class)).isEqualTo("-infinity");
    }

    @Test
    void timestampVectors() {
        assertThat(hex(encode(LocalDateTime.of(2000, 1, 1, 0, 0), PgTypes.TIMESTAMP))).isEqualTo("0000000000000000");
        assertThat(hex(encode(LocalDateTime.of(2000, 1, 1, 0, 0, 1), PgTypes.TIMESTAMP))).isEqualTo("00000000000f4240");
        assertThat(hex(encode(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000), PgTypes.TIMESTAMP)))
                .isEqualTo("ffffffffffffffff");
        LocalDateTime leap = LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000);
        assertThat(hex(encode(leap, PgTypes.TIMESTAMP))).isEqualTo("0002b58341728608");
        assertThat(decode(PgTypes.TIMESTAMP, hex("0002b58341728608"))).isEqualTo(leap);
        assertThat(hex(encode(LocalDateTime.MAX, PgTypes.TIMESTAMP))).isEqualTo("7fffffffffffffff");
        assertThat(hex(encode(LocalDateTime.MIN, PgTypes.TIMESTAMP))).isEqualTo("8000000000000000");
        assertThat(decode(PgTypes.TIMESTAMP, hex("7fffffffffffffff"))).isEqualTo(LocalDateTime.MAX);
        assertThat(decode(PgTypes.TIMESTAMP, hex("8000000000000000"))).isEqualTo(LocalDateTime.MIN);
        assertThat(decode(PgTypes.TIMESTAMP, hex("7fffffffffffffff"), String.class)).isEqualTo("infinity");
        assertThat(decode(PgTypes.TIMESTAMP, hex("8000000000000000"), String.class)).isEqualTo("-infinity");
    }

    @Test
    void timestampExtremesAndRounding() {
        LocalDateTime first = LocalDateTime.of(-4713, 11, 24, 0, 0);
        LocalDateTime last = LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000);
        assertThat(roundTrip(first, PgTypes.TIMESTAMP)).isEqualTo(first);
        assertThat(roundTrip(last, PgTypes.TIMESTAMP)).isEqualTo(last);
        assertThat(Wire.int8(encode(first, PgTypes.TIMESTAMP), 0)).isEqualTo(-211813488000000000L);
        assertThat(Wire.int8(encode(last, PgTypes.TIMESTAMP), 0)).isEqualTo(9223371331199999999L);
        assertThatThrownBy(() -> encode(first.minusNanos(1000), PgTypes.TIMESTAMP)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("timestamp").hasMessageContaining("range");
        assertThatThrownBy(() -> encode(last.plusNanos(1000), PgTypes.TIMESTAMP)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(LocalDateTime.of(999_999_999, 1, 1, 0, 0), PgTypes.TIMESTAMP))
                .isInstanceOf(PgTypeException.class);
        assertThat(decode(PgTypes.TIMESTAMP, encode(first, PgTypes.TIMESTAMP), String.class)).isEqualTo("4714-11-24 00:00:00 BC");
        assertThat(decode(PgTypes.TIMESTAMP, encode(last, PgTypes.TIMESTAMP), String.class)).isEqualTo("294276-12-31 23:59:59.999999");
        // nanoseconds round to the nearest microsecond
        assertThat(roundTrip(LocalDateTime.of(2020, 5, 5, 1, 2, 3, 1_499), PgTypes.TIMESTAMP))
                .isEqualTo(LocalDateTime.of(2020, 5, 5, 1, 2, 3, 1_000));
        assertThat(roundTrip(LocalDateTime.of(2020, 5, 5, 1, 2, 3, 999_999_500), PgTypes.TIMESTAMP))
                .isEqualTo(LocalDateTime.of(2020, 5, 5, 1, 2, 4));
        // before 2000 the microseconds are negative; floor division keeps the fraction right
        LocalDateTime old = LocalDateTime.of(1969, 7, 20, 20, 17, 40, 123_456_000);
        assertThat(roundTrip(old, PgTypes.TIMESTAMP)).isEqualTo(old);
        assertThat(roundTrip(LocalDate.of(2021, 3, 4), PgTypes.TIMESTAMP)).isEqualTo(LocalDateTime.of(2021, 3, 4, 0, 0));
    }

    @Test
    void timestamptzIsUtc() {
        Instant instant = Instant.parse("2024-02-29T12:34:56.789Z");
        assertThat(hex(encode(instant, PgTypes.TIMESTAMPTZ))).isEqualTo("0002b58341728608");
        OffsetDateTime expected = OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000, ZoneOffset.UTC);
        assertThat(decode(PgTypes.TIMESTAMPTZ, hex("0002b58341728608"))).isEqualTo(expected);
        assertThat(roundTrip(expected.withOffsetSameInstant(ZoneOffset.ofHours(9)), PgTypes.TIMESTAMPTZ)).isEqualTo(expected);
        assertThat(roundTrip(ZonedDateTime.of(2024, 2, 29, 13, 34, 56, 789_000_000, ZoneId.of("Europe/Paris")),
                PgTypes.TIMESTAMPTZ)).isEqualTo(expected);
        byte[] b = encode(instant, PgTypes.TIMESTAMPTZ);
        assertThat(decode(PgTypes.TIMESTAMPTZ, b, Instant.class)).isEqualTo(instant);
        assertThat(decode(PgTypes.TIMESTAMPTZ, b, ZonedDateTime.class)).isEqualTo(expected.toZonedDateTime());
        assertThat(decode(PgTypes.TIMESTAMPTZ, b, String.class)).isEqualTo("2024-02-29 12:34:56.789+00");
        assertThat(decode(PgTypes.TIMESTAMPTZ, hex("7fffffffffffffff"))).isEqualTo(OffsetDateTime.MAX);
        assertThat(decode(PgTypes.TIMESTAMPTZ, hex("8000000000000000"))).isEqualTo(OffsetDateTime.MIN);
        assertThat(decode(PgTypes.TIMESTAMPTZ, hex("7fffffffffffffff"), Instant.class)).isEqualTo(Instant.MAX);
        assertThat(decode(PgTypes.TIMESTAMPTZ, hex("8000000000000000"), String.class)).isEqualTo("-infinity");
        assertThat(hex(encode(Instant.MAX, PgTypes.TIMESTAMPTZ))).isEqualTo("7fffffffffffffff");
        assertThat(hex(encode(OffsetDateTime.MIN, PgTypes.TIMESTAMPTZ))).isEqualTo("8000000000000000");
        assertThatThrownBy(() -> encode(Instant.parse("+300000-01-01T00:00:00Z"), PgTypes.TIMESTAMPTZ))
                .isInstanceOf(PgTypeException.class).hasMessageContaining("range");
        Instant bc = LocalDateTime.of(-100, 3, 1, 10, 0).toInstant(ZoneOffset.UTC);
        assertThat(decode(PgTypes.TIMESTAMPTZ, encode(bc, PgTypes.TIMESTAMPTZ), String.class)).isEqualTo("0101-03-01 10:00:00+00 BC");
    }

    @Test
    void zonedValuesAreNotSilentlyDroppedIntoATimestamp() {
        assertThatThrownBy(() -> encode(Instant.EPOCH, PgTypes.TIMESTAMP)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("java.time.Instant").hasMessageContaining("timestamp");
        assertThat(Bin.encodeText(LocalDateTime.of(2024, 1, 2, 3, 4, 5), PgTypes.TIMESTAMPTZ)).isEqualTo("2024-01-02 03:04:05");
        assertThat(Bin.encodeText(LocalTime.of(3, 4), PgTypes.TIMETZ)).isEqualTo("03:04:00");
        assertThatThrownBy(() -> encode(LocalDateTime.of(2024, 1, 2, 3, 4), PgTypes.DATE)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void timeAndTimetz() {
        assertThat(hex(encode(LocalTime.NOON, PgTypes.TIME))).isEqualTo("0000000a0eebb000");
        assertThat(decode(PgTypes.TIME, hex("0000000a0eebb000"))).isEqualTo(LocalTime.NOON);
        assertThat(roundTrip(LocalTime.MIDNIGHT, PgTypes.TIME)).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(roundTrip(LocalTime.of(23, 59, 59, 999_999_000), PgTypes.TIME)).isEqualTo(LocalTime.of(23, 59, 59, 999_999_000));
        // 24:00:00 is a valid PostgreSQL time: it reads as LocalTime.MAX, which is written back as 24:00:00
        assertThat(hex(encode(LocalTime.MAX, PgTypes.TIME))).isEqualTo("000000141dd76000");
        assertThat(decode(PgTypes.TIME, hex("000000141dd76000"))).isEqualTo(LocalTime.MAX);
        assertThat(decode(PgTypes.TIME, hex("000000141dd76000"), String.class)).isEqualTo("24:00:00");
        assertThatThrownBy(() -> decode(PgTypes.TIME, hex("000000141dd76001"))).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.TIME, hex("ffffffffffffffff"))).isInstanceOf(PgTypeException.class);

        // the zone is seconds WEST of UTC: +02:00 is -7200
        OffsetTime t = OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHours(2));
        assertThat(hex(encode(t, PgTypes.TIMETZ))).isEqualTo("0000000a0eebb000" + "ffffe3e0");
        assertThat(decode(PgTypes.TIMETZ, hex("0000000a0eebb000ffffe3e0"))).isEqualTo(t);
        OffsetTime odd = OffsetTime.of(1, 2, 3, 456_000, ZoneOffset.ofHoursMinutesSeconds(-5, -30, -15));
        assertThat(roundTrip(odd, PgTypes.TIMETZ)).isEqualTo(odd);
        assertThat(decode(PgTypes.TIMETZ, encode(odd, PgTypes.TIMETZ), String.class)).isEqualTo("01:02:03.000456-05:30:15");
        assertThat(decode(PgTypes.TIMETZ, encode(t, PgTypes.TIMETZ), String.class)).isEqualTo("12:00:00+02");
        assertThatThrownBy(() -> decode(PgTypes.TIMETZ, hex("0000000a0eebb000 00010000"))).isInstanceOf(PgTypeException.class);
    }

    @Test
    void interval() {
        PgInterval i = new PgInterval(1, 2, 3_000_000);
        assertThat(hex(encode(i, PgTypes.INTERVAL))).isEqualTo("00000000002dc6c0" + "00000002" + "00000001");
        assertThat(decode(PgTypes.INTERVAL, hex("00000000002dc6c0 00000002 00000001"))).isEqualTo(i);
        assertThat(roundTrip(Duration.ofHours(36).plusNanos(1_000), PgTypes.INTERVAL))
                .isEqualTo(new PgInterval(0, 0, 129_600_000_001L));
        assertThat(roundTrip(Period.of(1, 2, 3), PgTypes.INTERVAL)).isEqualTo(new PgInterval(14, 3, 0));
        PgInterval extreme = new PgInterval(Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE);
        assertThat(roundTrip(extreme, PgTypes.INTERVAL)).isEqualTo(extreme);
        assertThat(decode(PgTypes.INTERVAL, encode(i, PgTypes.INTERVAL), String.class)).isEqualTo("1 mon 2 days 00:00:03");
        assertThat(decode(PgTypes.INTERVAL, encode(Duration.ofMinutes(90), PgTypes.INTERVAL), Duration.class))
                .isEqualTo(Duration.ofMinutes(90));
        assertThatThrownBy(() -> decode(PgTypes.INTERVAL, encode(i, PgTypes.INTERVAL), Duration.class))
                .isInstanceOf(PgTypeException.class).hasMessageContaining("months");
        assertThatThrownBy(() -> encode(Duration.ofSeconds(Long.MAX_VALUE), PgTypes.INTERVAL)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void wrongLengthsAreTypeErrors() {
        assertThatThrownBy(() -> decode(PgTypes.DATE, hex("000000"))).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("date").hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> decode(PgTypes.TIMESTAMP, hex("00"))).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.TIMESTAMPTZ, new byte[9])).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.TIME, new byte[4])).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.TIMETZ, new byte[8])).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.INTERVAL, new byte[12])).isInstanceOf(PgTypeException.class);
    }

    @Test
    void typedConversions() {
        byte[] d = encode(LocalDate.of(2024, 1, 1), PgTypes.DATE);
        assertThat(decode(PgTypes.DATE, d, LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 1, 0, 0));
        assertThat(decode(PgTypes.DATE, d, String.class)).isEqualTo("2024-01-01");
        assertThatThrownBy(() -> decode(PgTypes.DATE, d, Instant.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("date").hasMessageContaining("java.time.Instant");
        byte[] ts = encode(LocalDateTime.of(2024, 1, 1, 10, 0), PgTypes.TIMESTAMP);
        assertThatThrownBy(() -> decode(PgTypes.TIMESTAMP, ts, Instant.class)).isInstanceOf(PgTypeException.class);
        assertThat(decode(PgTypes.TIMESTAMP, ts, String.class)).isEqualTo("2024-01-01 10:00:00");
    }
}
