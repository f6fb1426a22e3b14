package io.spool.pg.types;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import io.spool.pg.PgException;
import io.spool.pg.Row;
import io.spool.pg.RowSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every type against a real server: Java values sent as parameters and read back in binary, server-made
 * literals (infinities, extremes, NULLs, arrays, non-ASCII), the binary value read as String against the
 * server's own {@code ::text}, and the same values read through the simple protocol (text format).
 */
@ExtendWith(PostgresExtension.class)
class TypeRoundTripTest {

    private static PgConnection conn;

    @BeforeAll
    static void connect(TestDatabase db) {
        conn = PgConnection.connect(db.url());
        conn.execute("SET TimeZone = 'UTC'");
    }

    @AfterAll
    static void close() {
        if (conn != null) {
            conn.close();
        }
    }

    /** One case: a SQL type, a Java value to send, and what binary decoding should give back. */
    private record Case(String type, Object value, Object expected) {
        @Override
        public String toString() {
            return type + " " + PgTypeException.abbreviate(value);
        }
    }

    private static List<Case> cases() {
        UUID uuid = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        List<Case> c = new ArrayList<>();
        c.add(new Case("bool", true, true));
        c.add(new Case("bool", false, false));
        c.add(new Case("int2", Short.MIN_VALUE, Short.MIN_VALUE));
        c.add(new Case("int2", Short.MAX_VALUE, Short.MAX_VALUE));
        c.add(new Case("int4", Integer.MIN_VALUE, Integer.MIN_VALUE));
        c.add(new Case("int4", Integer.MAX_VALUE, Integer.MAX_VALUE));
        c.add(new Case("int8", Long.MIN_VALUE, Long.MIN_VALUE));
        c.add(new Case("int8", Long.MAX_VALUE, Long.MAX_VALUE));
        c.add(new Case("oid", 4294967295L, 4294967295L));
        c.add(new Case("float4", Float.MAX_VALUE, Float.MAX_VALUE));
        c.add(new Case("float4", Float.MIN_VALUE, Float.MIN_VALUE));
        c.add(new Case("float4", Float.NaN, Float.NaN));
        c.add(new Case("float4", 0.1f, 0.1f));
        c.add(new Case("float8", Double.MIN_VALUE, Double.MIN_VALUE));
        c.add(new Case("float8", Double.MAX_VALUE, Double.MAX_VALUE));
        c.add(new Case("float8", Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY));
        c.add(new Case("float8", Double.NaN, Double.NaN));
        c.add(new Case("float8", 0.1 + 0.2, 0.1 + 0.2));
        c.add(new Case("float8", 1e20, 1e20));
        c.add(new Case("float8", -0.0, -0.0));
        c.add(new Case("numeric", new BigDecimal("12345.678"), new BigDecimal("12345.678")));
        c.add(new Case("numeric", new BigDecimal("-0.0001"), new BigDecimal("-0.0001")));
        c.add(new Case("numeric", new BigDecimal("0.00"), new BigDecimal("0.00")));
        c.add(new Case("numeric", new BigDecimal("1E+20"), new BigDecimal("100000000000000000000")));
        c.add(new Case("numeric", new BigDecimal("-3.14159265358979323846264338327950288419716939937510"),
                new BigDecimal("-3.14159265358979323846264338327950288419716939937510")));
        c.add(new Case("numeric", new BigDecimal("123456789012345678901234567890.000000000000000000001"),
                new BigDecimal("123456789012345678901234567890.000000000000000000001")));
        c.add(new Case("numeric", new BigDecimal("9.999E-1000"), new BigDecimal("9.999E-1000")));
        c.add(new Case("text", "Zoë ✓ 日本 🎉", "Zoë ✓ 日本 🎉"));
        c.add(new Case("text", "", ""));
        c.add(new Case("varchar", "a'b\"c\\d", "a'b\"c\\d"));
        c.add(new Case("bpchar", "ab", "ab"));  // (bpchar::text drops trailing blanks; char(5) padding is checked below)
        c.add(new Case("name", "pg_class", "pg_class"));
        c.add(new Case("\"char\"", "x", "x"));
        c.add(new Case("json", "{\"b\": 1, \"a\": [1, 2]}", "{\"b\": 1, \"a\": [1, 2]}"));
        c.add(new Case("jsonb", "{\"b\":1,\"a\":[true,null,\"ü\"]}", "{\"a\": [true, null, \"ü\"], \"b\": 1}"));
        c.add(new Case("bytea", new byte[] {0, 1, (byte) 0xFF, '\\', '\''}, new byte[] {0, 1, (byte) 0xFF, '\\', '\''}));
        c.add(new Case("bytea", new byte[0], new byte[0]));
        c.add(new Case("uuid", uuid, uuid));
        c.add(new Case("date", LocalDate.of(2024, 2, 29), LocalDate.of(2024, 2, 29)));
        c.add(new Case("date", LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 1)));
        c.add(new Case("date", LocalDate.of(-4713, 11, 24), LocalDate.of(-4713, 11, 24)));
        c.add(new Case("date", LocalDate.of(5874897, 12, 31), LocalDate.of(5874897, 12, 31)));
        c.add(new Case("date", LocalDate.MAX, LocalDate.MAX));
        c.add(new Case("date", LocalDate.MIN, LocalDate.MIN));
        c.add(new Case("time", LocalTime.of(23, 59, 59, 999_999_000), LocalTime.of(23, 59, 59, 999_999_000)));
        c.add(new Case("time", LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
        c.add(new Case("time", LocalTime.MAX, LocalTime.MAX));
        c.add(new Case("timetz", OffsetTime.of(12, 0, 0, 1000, ZoneOffset.ofHoursMinutes(5, 30)),
                OffsetTime.of(12, 0, 0, 1000, ZoneOffset.ofHoursMinutes(5, 30))));
        c.add(new Case("timetz", OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHours(-12)), OffsetTime.of(0, 0, 0, 0, ZoneOffset.ofHours(-12))));
        c.add(new Case("timestamp", LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000), LocalDateTime.of(2024, 2, 29, 12, 34, 56, 789_000)));
        c.add(new Case("timestamp", LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000),
                LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000)));
        c.add(new Case("timestamp", LocalDateTime.of(-4713, 11, 24, 0, 0), LocalDateTime.of(-4713, 11, 24, 0, 0)));
        c.add(new Case("timestamp", LocalDateTime.of(1969, 7, 20, 20, 17, 40, 1000), LocalDateTime.of(1969, 7, 20, 20, 17, 40, 1000)));
        c.add(new Case("timestamp", LocalDateTime.MAX, LocalDateTime.MAX));
        c.add(new Case("timestamp", LocalDateTime.MIN, LocalDateTime.MIN));
        c.add(new Case("timestamptz", Instant.parse("2024-02-29T12:34:56.789Z"),
                OffsetDateTime.of(2024, 2, 29, 12, 34, 56, 789_000_000, ZoneOffset.UTC)));
        c.add(new Case("timestamptz", OffsetDateTime.of(2024, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(9)),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)));
        c.add(new Case("timestamptz", LocalDateTime.of(-4713, 11, 24, 0, 0).atOffset(ZoneOffset.UTC),
                LocalDateTime.of(-4713, 11, 24, 0, 0).atOffset(ZoneOffset.UTC)));
        c.add(new Case("timestamptz", OffsetDateTime.MAX, OffsetDateTime.MAX));
        c.add(new Case("timestamptz", Instant.MIN, OffsetDateTime.MIN));
        c.add(new Case("interval", new PgInterval(14, -3, 14_706_500_000L), new PgInterval(14, -3, 14_706_500_000L)));
        c.add(new Case("interval", Duration.ofHours(36), new PgInterval(0, 0, 129_600_000_000L)));
        c.add(new Case("interval", Period.of(1, 2, 3), new PgInterval(14, 3, 0)));
        c.add(new Case("interval", new PgInterval(0, 0, Long.MIN_VALUE + 1), new PgInterval(0, 0, Long.MIN_VALUE + 1)));
        c.add(new Case("int4[]", new Integer[] {1, null, 3}, new Integer[] {1, null, 3}));
        c.add(new Case("int4[]", new int[0], new Integer[0]));
        c.add(new Case("int8[]", new long[] {Long.MIN_VALUE, 0}, new Long[] {Long.MIN_VALUE, 0L}));
        c.add(new Case("int2[]", new short[] {1}, new Short[] {1}));
        c.add(new Case("bool[]", new Boolean[] {true, null}, new Boolean[] {true, null}));
        c.add(new Case("float8[]", new double[] {Double.NaN, 1.5}, new Double[] {Double.NaN, 1.5}));
        c.add(new Case("float4[]", new Float[] {1.5f}, new Float[] {1.5f}));
        c.add(new Case("numeric[]", new BigDecimal[] {new BigDecimal("1.50"), null}, new BigDecimal[] {new BigDecimal("1.50"), null}));
        c.add(new Case("text[]", new String[] {"a b", "", null, "NULL", "x\"y", "back\\slash", "{}", "Zoë ✓ 🎉"},
                new String[] {"a b", "", null, "NULL", "x\"y", "back\\slash", "{}", "Zoë ✓ 🎉"}));
        c.add(new Case("varchar[]", List.of("x", "y"), new String[] {"x", "y"}));
        c.add(new Case("uuid[]", new UUID[] {uuid, null}, new UUID[] {uuid, null}));
        c.add(new Case("bytea[]", new byte[][] {{1, 2}, null}, new byte[][] {{1, 2}, null}));
        c.add(new Case("date[]", new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.MAX}, new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.MAX}));
        c.add(new Case("timestamp[]", new LocalDateTime[] {LocalDateTime.of(2024, 1, 1, 0, 0)}, new LocalDateTime[] {LocalDateTime.of(2024, 1, 1, 0, 0)}));
        c.add(new Case("timestamptz[]", new Instant[] {Instant.EPOCH}, new OffsetDateTime[] {Instant.EPOCH.atOffset(ZoneOffset.UTC)}));
        c.add(new Case("time[]", new LocalTime[] {LocalTime.NOON}, new LocalTime[] {LocalTime.NOON}));
        c.add(new Case("timetz[]", new OffsetTime[] {OffsetTime.of(1, 0, 0, 0, ZoneOffset.UTC)}, new OffsetTime[] {OffsetTime.of(1, 0, 0, 0, ZoneOffset.UTC)}));
        c.add(new Case("interval[]", new PgInterval[] {new PgInterval(1, 2, 3)}, new PgInterval[] {new PgInterval(1, 2, 3)}));
        c.add(new Case("jsonb[]", new String[] {"{\"a\":1}"}, new String[] {"{\"a\": 1}"}));
        c.add(new Case("json[]", new String[] {"[1,2]"}, new String[] {"[1,2]"}));
        c.add(new Case("name[]", new String[] {"pg_class"}, new String[] {"pg_class"}));
        c.add(new Case("oid[]", new Long[] {1L, 4294967295L}, new Long[] {1L, 4294967295L}));
        c.add(new Case("bpchar[]", new String[] {"ab"}, new String[] {"ab"}));
        return c;
    }

    @Test
    void parametersComeBackAsSent() {
        for (Case c : cases()) {
            RowSet rs = conn.query("SELECT $1::" + c.type, c.value);
            assertThat(rs.size()).as(c.toString()).isEqualTo(1);
            assertThat(rs.columns().get(0).binary()).as(c + " in binary").isTrue();
            assertThat(rs.row(0).get(0)).as(c.toString()).isEqualTo(c.expected);
        }
    }

    /**
     * The same value read in text format (the simple protocol, from a literal of the server's own text): the
     * binary value read as String is that text, and the text read as the binary value's class is that value.
     */
    @Test
    void binaryAndTextFormatsAgree() {
        for (Case c : cases()) {
            Row binary = conn.query("SELECT $1::" + c.type + ", ($1::" + c.type + ")::text", c.value).row(0);
            Object natural = binary.get(0);
            String literal = ((String) binary.get(1)).replace("'", "''");
            RowSet text = conn.simpleQuery("SELECT '" + literal + "'::" + c.type).get(0);
            assertThat(text.columns().get(0).binary()).isFalse();
            assertThat(binary.getString(0)).as(c.toString()).isEqualTo(text.row(0).get(0));
            assertThat(text.row(0).get(0, natural.getClass())).as(c.toString()).isEqualTo(natural);
        }
    }

    /** Offsets other than UTC in the text output still read as the right instant. */
    @Test
    void timestamptzTextInAnotherZone() {
        try {
            conn.execute("SET TimeZone = 'America/St_Johns'");
            Instant instant = Instant.parse("2024-07-01T12:00:00.5Z");
            Row row = conn.query("SELECT $1::timestamptz, $1::timestamptz::text, '12:00:00+05:45'::timetz", instant).row(0);
            assertThat(row.getString(1)).isEqualTo("2024-07-01 09:30:00.5-02:30");
            assertThat(row.get(1, Instant.class)).isEqualTo(instant);
            assertThat(row.get(0, Instant.class)).isEqualTo(instant);
            // the binary value printed as the server prints it in this session's TimeZone (as psql shows it)
            assertThat(row.getString(0)).isEqualTo("2024-07-01 09:30:00.5-02:30");
            assertThat(row.get(2)).isEqualTo(OffsetTime.of(12, 0, 0, 0, ZoneOffset.ofHoursMinutes(5, 45)));
            Row text = conn.simpleQuery("SELECT '1890-01-01 00:00:00+00'::timestamptz").get(0).row(0);
            assertThat(text.getString(0)).isEqualTo("1889-12-31 20:29:08-03:30:52");
            assertThat(text.get(0, Instant.class)).isEqualTo(Instant.parse("1890-01-01T00:00:00Z"));
            // a LocalDateTime for a timestamptz is read in the session's zone, as SQL reads a literal
            assertThat(conn.query("SELECT $1::text::timestamptz = $2", "2024-01-01 00:00:00",
                    OffsetDateTime.of(2024, 1, 1, 3, 30, 0, 0, ZoneOffset.UTC)).row(0).get(0)).isEqualTo(true);
        } finally {
            conn.execute("SET TimeZone = 'UTC'");
        }
    }

    @Test
    void serverLiterals() {
        assertThat(one("SELECT 'infinity'::timestamp")).isEqualTo(LocalDateTime.MAX);
        assertThat(one("SELECT '-infinity'::timestamp")).isEqualTo(LocalDateTime.MIN);
        assertThat(one("SELECT 'infinity'::timestamptz")).isEqualTo(OffsetDateTime.MAX);
        assertThat(one("SELECT '-infinity'::date")).isEqualTo(LocalDate.MIN);
        assertThat(one("SELECT '4714-11-24 BC'::date")).isEqualTo(LocalDate.of(-4713, 11, 24));
        assertThat(one("SELECT '0001-01-01 BC'::date")).isEqualTo(LocalDate.of(0, 1, 1));
        assertThat(one("SELECT '294276-12-31 23:59:59.999999'::timestamp")).isEqualTo(LocalDateTime.of(294276, 12, 31, 23, 59, 59, 999_999_000));
        assertThat(one("SELECT '24:00:00'::time")).isEqualTo(LocalTime.MAX);
        assertThat(one("SELECT '{1,NULL,3}'::int4[]")).isEqualTo(new Integer[] {1, null, 3});
        assertThat(one("SELECT '[0:2]={1,2,3}'::int4[]")).isEqualTo(new Integer[] {1, 2, 3});
        assertThat(one("SELECT '{}'::text[]")).isEqualTo(new String[0]);
        assertThat(one("SELECT ARRAY[NULL]::uuid[]")).isEqualTo(new UUID[] {null});
        assertThat(one("SELECT 'Zoë ✓ 日本 🎉'::text")).isEqualTo("Zoë ✓ 日本 🎉");
        assertThat(one("SELECT 12345.678::numeric")).isEqualTo(new BigDecimal("12345.678"));
        assertThat(one("SELECT 1e20::numeric")).isEqualTo(new BigDecimal("100000000000000000000"));
        assertThat(one("SELECT 0.000::numeric(10,3)")).isEqualTo(new BigDecimal("0.000"));
        assertThat(one("SELECT '1 year 2 mons -3 days 04:05:06.5'::interval")).isEqualTo(new PgInterval(14, -3, 14_706_500_000L));
        assertThat(one("SELECT 'a'::\"char\"")).isEqualTo("a");
        assertThat(one("SELECT 'abc'::char(5)")).isEqualTo("abc  ");
        assertThat(one("SELECT '00000000-0000-0000-0000-000000000000'::uuid")).isEqualTo(new UUID(0, 0));
        assertThat(one("SELECT 42::oid")).isEqualTo(42L);
        assertThat(one("SELECT '\\xdeadbeef'::bytea")).isEqualTo(new byte[] {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF});
    }

    @Test
    void nulls() {
        Row row = conn.query("SELECT NULL::int4, NULL::text, NULL::int4[], $1::uuid", (Object) null).row(0);
        for (int i = 0; i < 4; i++) {
            assertThat(row.get(i)).isNull();
            assertThat(row.get(i, String.class)).isNull();
            assertThat(row.isNull(i)).isTrue();
        }
    }

    @Test
    void numericSpecialValues() {
        Row row = conn.query("SELECT 'NaN'::numeric, 'Infinity'::numeric, '-Infinity'::numeric, '{1,NaN}'::numeric[]").row(0);
        assertThatThrownBy(() -> row.get(0)).isInstanceOf(PgTypeException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> row.getBigDecimal(1)).isInstanceOf(PgTypeException.class).hasMessageContaining("Infinity");
        assertThat(row.getDouble(0)).isNaN();
        assertThat(row.getDouble(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(row.getDouble(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(row.getString(2)).isEqualTo("-Infinity");
        assertThatThrownBy(() -> row.get(3)).isInstanceOf(PgTypeException.class);
        assertThat(row.get(3, Double[].class)).containsExactly(1.0, Double.NaN);
        assertThat(row.getString(3)).isEqualTo("{1,NaN}");
        // and sent: the text NaN for a numeric parameter
        assertThat(conn.query("SELECT $1::numeric::text", "NaN").row(0).get(0)).isEqualTo("NaN");
    }

    @Test
    void multiDimensionalArraysRoundTrip() {
        Row row = conn.query("SELECT '{{1,2},{3,NULL}}'::int4[]").row(0);
        assertThat(row.get(0)).isEqualTo(new Integer[][] {{1, 2}, {3, null}});
        assertThat(row.getString(0)).isEqualTo("{{1,2},{3,NULL}}");
        assertThat(conn.query("SELECT $1::int4[]", (Object) new int[][] {{1}, {2}}).row(0).getString(0)).isEqualTo("{{1},{2}}");
    }

    @Test
    void stringsForTypedParametersGoAsText() {
        assertThat(one("SELECT $1::date", "2024-01-01")).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(one("SELECT $1::uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
                .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(one("SELECT $1::int4[]", "{1,2}")).isEqualTo(new Integer[] {1, 2});
        assertThat(one("SELECT $1::interval", "1 day")).isEqualTo(new PgInterval(0, 1, 0));
        assertThat(one("SELECT $1::jsonb", "{\"a\":1}")).isEqualTo("{\"a\": 1}");
        assertThat(one("SELECT $1 = 'hello'", "hello")).isEqualTo(true);
    }

    @Test
    void typedGetters() {
        Row row = conn.query("SELECT 5::int8, 3000000000::int8, 7::int2, 2.50::numeric, now(), current_date, "
                + "'2 hours'::interval, 'true'::text").row(0);
        assertThat(row.getInteger(0)).isEqualTo(5);
        assertThatThrownBy(() -> row.getInteger(1)).isInstanceOf(PgTypeException.class).hasMessageContaining("range");
        assertThat(row.getLong(2)).isEqualTo(7L);
        assertThat(row.getDouble(3)).isEqualTo(2.5);
        assertThat(row.getBigDecimal(0)).isEqualTo(BigDecimal.valueOf(5));
        assertThat(row.getInstant(4)).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(row.getLocalDate(5)).isNotNull();
        assertThat(row.getLocalDateTime(5)).isEqualTo(row.getLocalDate(5).atStartOfDay());
        assertThat(row.get(6, Duration.class)).isEqualTo(Duration.ofHours(2));
        assertThat(row.getBoolean(7)).isTrue();
        assertThatThrownBy(() -> row.getUuid(0)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("int8").hasMessageContaining("java.util.UUID");
    }

    @Test
    void batchParametersNarrowOnlyWhenTheyFit() {
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS narrowing (i int4, n numeric, t timestamptz)");
        conn.execute("TRUNCATE narrowing");
        // the statement is prepared with the first set's types (int4, numeric, timestamptz); later sets widen/narrow
        conn.batch("INSERT INTO narrowing VALUES ($1, $2, $3)", List.of(
                new Object[] {1, new BigDecimal("1.5"), Instant.EPOCH},
                new Object[] {2L, 7, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1))},
                new Object[] {(short) 3, 2.25, "2001-01-01 00:00:00+00"}));
        RowSet rs = conn.query("SELECT i, n, t FROM narrowing ORDER BY i");
        assertThat(rs.size()).isEqualTo(3);
        assertThat(rs.row(1).get(1)).isEqualTo(new BigDecimal("7"));
        assertThat(rs.row(2).get(1)).isEqualTo(new BigDecimal("2.25"));
        assertThat(rs.row(1).getInstant(2)).isEqualTo(Instant.parse("1999-12-31T23:00:00Z"));
        assertThatThrownBy(() -> conn.batch("INSERT INTO narrowing VALUES ($1, $2, $3)", List.of(
                new Object[] {1, BigDecimal.ONE, Instant.EPOCH},
                new Object[] {1L << 40, BigDecimal.ONE, Instant.EPOCH})))
                .isInstanceOf(PgException.class).hasMessageContaining("int4").hasMessageContaining("range");
        assertThat(conn.query("SELECT count(*) FROM narrowing").row(0).get(0)).isEqualTo(3L);
    }

    private static Object one(String sql, Object... params) {
        RowSet rs = conn.query(sql, params);
        assertThat(rs.size()).isEqualTo(1);
        return rs.row(0).get(0);
    }
}
