package io.spool.pg.types;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
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
import java.util.List;
import java.util.UUID;

import static io.spool.pg.types.Bin.CODECS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry: names, binary support, parameter hints, and agreement between binary and text forms. */
class CodecsTest {

    @Test
    void names() {
        assertThat(PgTypes.name(PgTypes.INT4)).isEqualTo("int4");
        assertThat(PgTypes.name(PgTypes.TIMESTAMPTZ)).isEqualTo("timestamptz");
        assertThat(PgTypes.name(PgTypes.INT4_ARRAY)).isEqualTo("int4[]");
        assertThat(PgTypes.name(PgTypes.JSONB_ARRAY)).isEqualTo("jsonb[]");
        assertThat(PgTypes.name(12345)).isEqualTo("oid 12345");
        assertThat(PgTypes.isArray(PgTypes.UUID_ARRAY)).isTrue();
        assertThat(PgTypes.isArray(PgTypes.UUID)).isFalse();
        assertThat(PgTypes.arrayOf(PgTypes.INET)).isZero();
    }

    @Test
    void binaryForEveryCodec() {
        int[] binary = {PgTypes.BOOL, PgTypes.BYTEA, PgTypes.CHAR, PgTypes.NAME, PgTypes.INT8, PgTypes.INT2, PgTypes.INT4,
                PgTypes.TEXT, PgTypes.OID, PgTypes.JSON, PgTypes.FLOAT4, PgTypes.FLOAT8, PgTypes.UNKNOWN, PgTypes.BPCHAR,
                PgTypes.VARCHAR, PgTypes.DATE, PgTypes.TIME, PgTypes.TIMESTAMP, PgTypes.TIMESTAMPTZ, PgTypes.INTERVAL,
                PgTypes.TIMETZ, PgTypes.NUMERIC, PgTypes.UUID, PgTypes.JSONB, PgTypes.INT4_ARRAY, PgTypes.TEXT_ARRAY,
                PgTypes.JSONB_ARRAY};
        for (int oid : binary) {
            assertThat(CODECS.decodesBinary(oid)).as(PgTypes.name(oid)).isTrue();
        }
        for (int oid : new int[] {0, PgTypes.XML, PgTypes.INET, PgTypes.MONEY, PgTypes.RECORD, 2287, 99999}) {
            assertThat(CODECS.decodesBinary(oid)).as(PgTypes.name(oid)).isFalse();
        }
    }

    @Test
    void hints() {
        assertThat(CODECS.hintOid(1)).isEqualTo(PgTypes.INT4);
        assertThat(CODECS.hintOid(1L)).isEqualTo(PgTypes.INT8);
        assertThat(CODECS.hintOid((short) 1)).isEqualTo(PgTypes.INT2);
        assertThat(CODECS.hintOid(true)).isEqualTo(PgTypes.BOOL);
        assertThat(CODECS.hintOid(1.0)).isEqualTo(PgTypes.FLOAT8);
        assertThat(CODECS.hintOid(1.0f)).isEqualTo(PgTypes.FLOAT4);
        assertThat(CODECS.hintOid(BigDecimal.ONE)).isEqualTo(PgTypes.NUMERIC);
        assertThat(CODECS.hintOid(BigInteger.ONE)).isEqualTo(PgTypes.NUMERIC);
        assertThat(CODECS.hintOid(UUID.randomUUID())).isEqualTo(PgTypes.UUID);
        assertThat(CODECS.hintOid(LocalDate.now())).isEqualTo(PgTypes.DATE);
        assertThat(CODECS.hintOid(LocalTime.now())).isEqualTo(PgTypes.TIME);
        assertThat(CODECS.hintOid(OffsetTime.now())).isEqualTo(PgTypes.TIMETZ);
        assertThat(CODECS.hintOid(LocalDateTime.now())).isEqualTo(PgTypes.TIMESTAMP);
        assertThat(CODECS.hintOid(Instant.now())).isEqualTo(PgTypes.TIMESTAMPTZ);
        assertThat(CODECS.hintOid(OffsetDateTime.now())).isEqualTo(PgTypes.TIMESTAMPTZ);
        assertThat(CODECS.hintOid(ZonedDateTime.now())).isEqualTo(PgTypes.TIMESTAMPTZ);
        assertThat(CODECS.hintOid(new byte[0])).isEqualTo(PgTypes.BYTEA);
        assertThat(CODECS.hintOid(new PgInterval(0, 0, 0))).isEqualTo(PgTypes.INTERVAL);
        assertThat(CODECS.hintOid(Duration.ZERO)).isEqualTo(PgTypes.INTERVAL);
        assertThat(CODECS.hintOid(Period.ZERO)).isEqualTo(PgTypes.INTERVAL);
        assertThat(CODECS.hintOid(new Integer[0])).isEqualTo(PgTypes.INT4_ARRAY);
        assertThat(CODECS.hintOid(new int[0])).isEqualTo(PgTypes.INT4_ARRAY);
        assertThat(CODECS.hintOid(new long[0])).isEqualTo(PgTypes.INT8_ARRAY);
        assertThat(CODECS.hintOid(new String[0])).isEqualTo(PgTypes.TEXT_ARRAY);
        assertThat(CODECS.hintOid(new UUID[0])).isEqualTo(PgTypes.UUID_ARRAY);
        assertThat(CODECS.hintOid(new byte[0][])).isEqualTo(PgTypes.BYTEA_ARRAY);
        assertThat(CODECS.hintOid(new BigDecimal[0])).isEqualTo(PgTypes.NUMERIC_ARRAY);
        assertThat(CODECS.hintOid(new Instant[0])).isEqualTo(PgTypes.TIMESTAMPTZ_ARRAY);
        assertThat(CODECS.hintOid(new boolean[0])).isEqualTo(PgTypes.BOOL_ARRAY);
        assertThat(CODECS.hintOid(new double[0])).isEqualTo(PgTypes.FLOAT8_ARRAY);
        assertThat(CODECS.hintOid(new Duration[0])).isEqualTo(PgTypes.INTERVAL_ARRAY);
        assertThat(CODECS.hintOid("x")).isZero();
        assertThat(CODECS.hintOid(null)).isZero();
        assertThat(CODECS.hintOid(new Object())).isZero();
        assertThat(CODECS.hintOid(new Object[0])).isZero();
        assertThat(CODECS.hintOid(new int[0][])).isEqualTo(PgTypes.INT4_ARRAY);   // multi-dimensional: the same type
        assertThat(CODECS.hintOid(new String[0][][])).isEqualTo(PgTypes.TEXT_ARRAY);
        assertThat(CODECS.hintOid(List.of(1))).isZero();
    }

    @Test
    void nullIsNotEncoded() {
        assertThatThrownBy(() -> CODECS.encode(null, PgTypes.INT4, new io.spool.pg.protocol.WriteBuffer()))
                .isInstanceOf(PgTypeException.class);
    }

    /**
     * For every type: a binary value read as String is the server's text output, and that text read back in text
     * format gives the same value as the binary decode.
     */
    @Test
    void binaryAndTextFormsAgree() {
        Object[][] samples = {
                {PgTypes.BOOL, true}, {PgTypes.INT2, (short) -3}, {PgTypes.INT4, Integer.MIN_VALUE}, {PgTypes.INT8, Long.MAX_VALUE},
                {PgTypes.OID, 4294967295L}, {PgTypes.FLOAT4, 3.4028235e38f}, {PgTypes.FLOAT4, 1e-10f}, {PgTypes.FLOAT8, 0.1 + 0.2},
                {PgTypes.FLOAT8, Double.MIN_VALUE}, {PgTypes.FLOAT8, -1e300}, {PgTypes.FLOAT8, Double.NaN},
                {PgTypes.NUMERIC, new BigDecimal("-12345678901234567890.000001")}, {PgTypes.NUMERIC, new BigDecimal("0.00")},
                {PgTypes.TEXT, "Zoë ✓ 日本 🎉"}, {PgTypes.BYTEA, new byte[] {0, 1, -1}}, {PgTypes.UUID, UUID.randomUUID()},
                {PgTypes.DATE, LocalDate.of(-4713, 11, 24)}, {PgTypes.DATE, LocalDate.MAX}, {PgTypes.DATE, LocalDate.of(2024, 2, 29)},
                {PgTypes.TIME, LocalTime.of(1, 2, 3, 4000)}, {PgTypes.TIME, LocalTime.MAX},
                {PgTypes.TIMETZ, OffsetTime.of(23, 0, 0, 0, ZoneOffset.ofHoursMinutes(-9, -30))},
                {PgTypes.TIMESTAMP, LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000)}, {PgTypes.TIMESTAMP, LocalDateTime.MIN},
                {PgTypes.TIMESTAMP, LocalDateTime.of(-104, 2, 29, 0, 0, 0, 10_000)},
                {PgTypes.TIMESTAMPTZ, Instant.parse("1900-01-01T00:00:00.5Z")}, {PgTypes.TIMESTAMPTZ, OffsetDateTime.MAX},
                {PgTypes.INTERVAL, new PgInterval(-14, 3, -1)}, {PgTypes.INTERVAL, new PgInterval(0, 0, Long.MIN_VALUE)},
                {PgTypes.INT4_ARRAY, new Integer[] {1, null}}, {PgTypes.TEXT_ARRAY, new String[] {"a \"b\"", null, "NULL", "", "x\\y"}},
                {PgTypes.DATE_ARRAY, new LocalDate[] {LocalDate.of(1, 1, 1), LocalDate.of(0, 12, 31)}},
                {PgTypes.INTERVAL_ARRAY, new PgInterval[] {new PgInterval(1, -1, 1)}},
                {PgTypes.BYTEA_ARRAY, new byte[][] {{1, 2}, {}}},
        };
        for (Object[] sample : samples) {
            int oid = (Integer) sample[0];
            byte[] bytes = Bin.encode(sample[1], oid);
            Object natural = Codecs.binaryValue(oid, bytes, 0, bytes.length);
            String text = Bin.decode(oid, bytes, String.class);
            Object parsed = TextParser.natural(oid, text);
            assertThat(parsed).as(PgTypes.name(oid) + " " + text).isEqualTo(natural);
            assertThat(Bin.text(oid, text, natural.getClass())).as(PgTypes.name(oid) + " " + text).isEqualTo(natural);
        }
    }
}
