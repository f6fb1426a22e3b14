package io.spool.pg.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static io.spool.pg.types.Bin.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text output as the server prints it, and text-format values parsed into the classes binary gives. */
class TextFormatTest {

    @ParameterizedTest
    @CsvSource({
            "1e20, 1e+20", "1e15, 1e+15", "1e14, 100000000000000", "123456789012345.6, 123456789012345.6",
            "0.0001, 0.0001", "0.00001, 1e-05", "1.5, 1.5", "-2.5e-10, -2.5e-10", "1e100, 1e+100", "100, 100",
            "1.7976931348623157e308, 1.7976931348623157e+308", "4.9e-324, 5e-324", "0.30000000000000004, 0.30000000000000004",
            "-0.0, -0", "0, 0", "12345.678, 12345.678", "1234567.0, 1234567", "0.001, 0.001"})
    void float8LikeTheServer(double value, String expected) {
        assertThat(TextFormat.formatDouble(value)).isEqualTo(expected);
        assertThat(Double.parseDouble(expected)).isEqualTo(value);
    }

    @ParameterizedTest
    @CsvSource({"1e6, 1e+06", "123456, 123456", "0.1, 0.1", "1.17549435E-38, 1.1754944e-38",
            "3.4028235e38, 3.4028235e+38", "-1.5, -1.5", "0.0001, 0.0001", "1234567, 1.234567e+06"})
    void float4LikeTheServer(float value, String expected) {
        assertThat(TextFormat.formatFloat(value)).isEqualTo(expected);
    }

    @Test
    void specialFloats() {
        assertThat(TextFormat.formatDouble(Double.NaN)).isEqualTo("NaN");
        assertThat(TextFormat.formatDouble(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
        assertThat(TextFormat.formatFloat(Float.NEGATIVE_INFINITY)).isEqualTo("-Infinity");
    }

    @Test
    void parametersInInputSyntax() {
        assertThat(TextFormat.input(true)).isEqualTo("true");
        assertThat(TextFormat.input(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(TextFormat.input(LocalDate.of(-43, 3, 15))).isEqualTo("0044-03-15 BC");
        assertThat(TextFormat.input(LocalDate.of(12345, 1, 2))).isEqualTo("12345-01-02");
        assertThat(TextFormat.input(Instant.parse("2024-01-02T03:04:05.000006Z"))).isEqualTo("2024-01-02 03:04:05.000006+00");
        assertThat(TextFormat.input(Instant.MAX)).isEqualTo("infinity");
        assertThat(TextFormat.input(LocalTime.of(1, 2, 3, 4))).isEqualTo("01:02:03.000000004");
        assertThat(TextFormat.input(new Object[] {"a b", null, 1})).isEqualTo("{\"a b\",NULL,1}");
        assertThat(TextFormat.input(new Object())).isNull();
    }

    @Test
    void textIntegers() {
        assertThat(text(PgTypes.INT4, "42", Integer.class)).isEqualTo(42);
        assertThat(text(PgTypes.INT4, "-42", int.class)).isEqualTo(-42);
        assertThat(text(PgTypes.INT8, "-9223372036854775808", Long.class)).isEqualTo(Long.MIN_VALUE);
        assertThat(text(PgTypes.INT8, "9223372036854775807", Long.class)).isEqualTo(Long.MAX_VALUE);
        assertThat(text(PgTypes.INT2, "7", Long.class)).isEqualTo(7L);
        assertThat(text(PgTypes.INT8, "42", Integer.class)).isEqualTo(42);
        assertThat(text(PgTypes.INT4, "42", BigDecimal.class)).isEqualTo(new BigDecimal(42));
        assertThat(text(PgTypes.INT4, "42", String.class)).isEqualTo("42");
        assertThat(text(PgTypes.INT4, "42", Object.class)).isEqualTo("42");
        assertThatThrownBy(() -> text(PgTypes.INT8, "9223372036854775807", Integer.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> text(PgTypes.INT8, "92233720368547758070", Long.class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> text(PgTypes.INT4, "4x", Integer.class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> text(PgTypes.INT4, "", Integer.class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> text(PgTypes.INT4, "-", Integer.class)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void textScalars() {
        assertThat(text(PgTypes.BOOL, "t", Boolean.class)).isTrue();
        assertThat(text(PgTypes.BOOL, "f", boolean.class)).isFalse();
        assertThat(text(PgTypes.NUMERIC, "12.50", BigDecimal.class)).isEqualTo(new BigDecimal("12.50"));
        assertThat(text(PgTypes.NUMERIC, "NaN", Double.class)).isNaN();
        assertThat(text(PgTypes.NUMERIC, "-Infinity", Double.class)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> text(PgTypes.NUMERIC, "NaN", BigDecimal.class)).isInstanceOf(PgTypeException.class);
        assertThat(text(PgTypes.FLOAT8, "1e+20", Double.class)).isEqualTo(1e20);
        assertThat(text(PgTypes.FLOAT8, "-Infinity", Double.class)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(text(PgTypes.FLOAT4, "NaN", Float.class)).isNaN();
        assertThat(text(PgTypes.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", UUID.class))
                .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(text(PgTypes.TEXT, "{A0EEBC99-9C0B4EF8-BB6D6BB9-BD380A11}", UUID.class))
                .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThatThrownBy(() -> text(PgTypes.TEXT, "1-1-1-1-1", UUID.class)).isInstanceOf(PgTypeException.class);
        assertThat(text(PgTypes.BYTEA, "\\x0102ff", byte[].class)).containsExactly(1, 2, 0xFF);
        assertThat(text(PgTypes.BYTEA, "a\\000\\\\\\377", byte[].class)).containsExactly('a', 0, '\\', 0xFF);
        assertThatThrownBy(() -> text(PgTypes.BYTEA, "\\x0", byte[].class)).isInstanceOf(PgTypeException.class);
        assertThat(text(PgTypes.OID, "4294967295", Long.class)).isEqualTo(4294967295L);
    }

    @Test
    void textDatesAndTimes() {
        assertThat(text(PgTypes.DATE, "2024-01-02", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(text(PgTypes.DATE, "0044-03-15 BC", LocalDate.class)).isEqualTo(LocalDate.of(-43, 3, 15));
        assertThat(text(PgTypes.DATE, "0001-02-29 BC", LocalDate.class)).isEqualTo(LocalDate.of(0, 2, 29));
        assertThat(text(PgTypes.DATE, "infinity", LocalDate.class)).isEqualTo(LocalDate.MAX);
        assertThat(text(PgTypes.DATE, "-infinity", LocalDate.class)).isEqualTo(LocalDate.MIN);
        assertThat(text(PgTypes.DATE, "5874897-12-31", LocalDate.class)).isEqualTo(LocalDate.of(5874897, 12, 31));
        assertThat(text(PgTypes.TIMESTAMP, "2024-01-02 03:04:05.123456", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
        assertThat(text(PgTypes.TIMESTAMP, "4714-11-24 00:00:00 BC", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(-4713, 11, 24, 0, 0));
        assertThat(text(PgTypes.TIMESTAMP, "294276-12-31 23:59:59.999999", LocalDateTime.class))
                .isEqualTo(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(text(PgTypes.TIMESTAMP, "infinity", LocalDateTime.class)).isEqualTo(LocalDateTime.MAX);
        assertThat(text(PgTypes.TIMESTAMPTZ, "2024-01-02 03:04:05.5+05:30", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(2024, 1, 1, 21, 34, 5, 500_000_000, ZoneOffset.UTC));
        assertThat(text(PgTypes.TIMESTAMPTZ, "2024-01-02 03:04:05-08", Instant.class))
                .isEqualTo(Instant.parse("2024-01-02T11:04:05Z"));
        assertThat(text(PgTypes.TIMESTAMPTZ, "0101-03-01 10:00:00+00 BC", OffsetDateTime.class))
                .isEqualTo(OffsetDateTime.of(-100, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        assertThat(text(PgTypes.TIMESTAMPTZ, "-infinity", OffsetDateTime.class)).isEqualTo(OffsetDateTime.MIN);
        assertThat(text(PgTypes.TIME, "24:00:00", LocalTime.class)).isEqualTo(LocalTime.MAX);
        assertThat(text(PgTypes.TIME, "13:14:15.5", LocalTime.class)).isEqualTo(LocalTime.of(13, 14, 15, 500_000_000));
        assertThat(text(PgTypes.TIMETZ, "01:02:03-05:30:15", OffsetTime.class))
                .isEqualTo(OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHoursMinutesSeconds(-5, -30, -15)));
        assertThat(text(PgTypes.TEXT, "2024-01-02T03:04:05Z", Instant.class)).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
        // DateStyle other than ISO is refused clearly, not misread
        assertThatThrownBy(() -> text(PgTypes.DATE, "01/02/2024", LocalDate.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("ISO");
        assertThatThrownBy(() -> text(PgTypes.DATE, "2023-02-29", LocalDate.class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> text(PgTypes.TIME, "25:00:00", LocalTime.class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> text(PgTypes.TIMESTAMPTZ, "2024-01-02 03:04:05", OffsetDateTime.class))
                .isInstanceOf(PgTypeException.class);
    }

    @Test
    void textIntervals() {
        assertThat(text(PgTypes.INTERVAL, "1 year 2 mons -3 days +04:05:06.5", PgInterval.class))
                .isEqualTo(new PgInterval(14, -3, 14_706_500_000L));
        assertThat(text(PgTypes.INTERVAL, "-1 days -00:00:01", PgInterval.class)).isEqualTo(new PgInterval(0, -1, -1_000_000));
        assertThat(text(PgTypes.INTERVAL, "00:00:00", PgInterval.class)).isEqualTo(PgInterval.ZERO);
        assertThat(text(PgTypes.INTERVAL, "P1Y2M-3DT4H5M6.5S", PgInterval.class)).isEqualTo(new PgInterval(14, -3, 14_706_500_000L));
        assertThat(text(PgTypes.INTERVAL, "2562047788:00:54.775807", PgInterval.class)).isEqualTo(new PgInterval(0, 0, Long.MAX_VALUE));
        assertThat(text(PgTypes.INTERVAL, "01:30:00", java.time.Duration.class)).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThatThrownBy(() -> text(PgTypes.INTERVAL, "@ 1 year ago", PgInterval.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("IntervalStyle");
        assertThatThrownBy(() -> text(PgTypes.INTERVAL, "99999999999:00:00", PgInterval.class)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void textArrays() {
        assertThat(text(PgTypes.INT4_ARRAY, "{1,NULL,3}", Integer[].class)).containsExactly(1, null, 3);
        assertThat(text(PgTypes.INT4_ARRAY, "{1,2}", int[].class)).containsExactly(1, 2);
        assertThat(text(PgTypes.INT4_ARRAY, "[0:1]={1,2}", Long[].class)).containsExactly(1L, 2L);
        assertThat(text(PgTypes.INT4_ARRAY, "{}", Integer[].class)).isEmpty();
        assertThat(text(PgTypes.INT4_ARRAY, " { 1 , 2 } ", Integer[].class)).containsExactly(1, 2);
        assertThat(text(PgTypes.TEXT_ARRAY, "{\"a b\",\"x\\\"y\",NULL,\"NULL\",\"\",plain,\"back\\\\slash\"}", String[].class))
                .containsExactly("a b", "x\"y", null, "NULL", "", "plain", "back\\slash");
        assertThat(text(PgTypes.TIMESTAMP_ARRAY, "{\"2024-01-01 00:00:00\",infinity}", LocalDateTime[].class))
                .containsExactly(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.MAX);
        assertThat(text(PgTypes.NUMERIC_ARRAY, "{1.5,NaN}", Double[].class)).containsExactly(1.5, Double.NaN);
        assertThat(text(PgTypes.BYTEA_ARRAY, "{\"\\\\x01\"}", byte[][].class)).isEqualTo(new byte[][] {{1}});
        assertThat(text(PgTypes.INT4_ARRAY, "{{1},{2}}", Integer[][].class)).isEqualTo(new Integer[][] {{1}, {2}});
        assertThat(text(PgTypes.TEXT_ARRAY, "[0:0][1:2]={{a,\"b}\"}}", String[][].class)).isEqualTo(new String[][] {{"a", "b}"}});
        assertThatThrownBy(() -> text(PgTypes.INT4_ARRAY, "{{1},{2,3}}", Integer[][].class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> text(PgTypes.INT4_ARRAY, "{{1},2}", Integer[][].class)).isInstanceOf(PgTypeException.class);
        for (String bad : new String[] {"", "{", "{1,2", "{1,2}x", "1,2", "{\"a}", "{a\"b}"}) {
            assertThatThrownBy(() -> text(PgTypes.TEXT_ARRAY, bad, String[].class)).as(bad).isInstanceOf(PgTypeException.class);
        }
    }
}
