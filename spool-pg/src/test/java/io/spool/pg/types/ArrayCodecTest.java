package io.spool.pg.types;

import io.spool.pg.protocol.WriteBuffer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.spool.pg.types.Bin.decode;
import static io.spool.pg.types.Bin.encode;
import static io.spool.pg.types.Bin.hex;
import static io.spool.pg.types.Bin.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One-dimensional arrays, NULL elements, empty arrays, and malformed array bytes. */
class ArrayCodecTest {

    /** {1,NULL,3}::int4[]: 1 dimension, has nulls, int4 elements, 3 elements from 1. */
    private static final String INT4_1_NULL_3 = "00000001" + "00000001" + "00000017" + "00000003" + "00000001"
            + "00000004" + "00000001" + "ffffffff" + "00000004" + "00000003";

    @Test
    void int4ArrayVector() {
        assertThat(hex(encode(new Integer[] {1, null, 3}, PgTypes.INT4_ARRAY))).isEqualTo(INT4_1_NULL_3);
        Object decoded = decode(PgTypes.INT4_ARRAY, hex(INT4_1_NULL_3));
        assertThat(decoded).isInstanceOf(Integer[].class);
        assertThat((Integer[]) decoded).containsExactly(1, null, 3);
        assertThat(decode(PgTypes.INT4_ARRAY, hex(INT4_1_NULL_3), String.class)).isEqualTo("{1,NULL,3}");
    }

    @Test
    void emptyArrayHasNoDimensions() {
        assertThat(hex(encode(new Integer[0], PgTypes.INT4_ARRAY))).isEqualTo("00000000" + "00000000" + "00000017");
        assertThat((Integer[]) decode(PgTypes.INT4_ARRAY, hex("00000000 00000000 00000017"))).isEmpty();
        assertThat((String[]) decode(PgTypes.TEXT_ARRAY, hex("00000000 00000000 00000019"))).isEmpty();
        assertThat(decode(PgTypes.INT4_ARRAY, hex("00000000 00000000 00000017"), String.class)).isEqualTo("{}");
        assertThat(roundTrip(List.of(), PgTypes.TEXT_ARRAY)).isEqualTo(new String[0]);
    }

    @Test
    void primitiveArraysAndCollections() {
        assertThat(encode(new int[] {1, 2}, PgTypes.INT4_ARRAY)).isEqualTo(encode(new Integer[] {1, 2}, PgTypes.INT4_ARRAY));
        assertThat(roundTrip(new long[] {Long.MIN_VALUE, Long.MAX_VALUE}, PgTypes.INT8_ARRAY))
                .isEqualTo(new Long[] {Long.MIN_VALUE, Long.MAX_VALUE});
        assertThat(roundTrip(new double[] {Double.NaN, -0.0}, PgTypes.FLOAT8_ARRAY)).isEqualTo(new Double[] {Double.NaN, -0.0});
        assertThat(roundTrip(new short[] {1, 2}, PgTypes.INT2_ARRAY)).isEqualTo(new Short[] {1, 2});
        assertThat(roundTrip(new boolean[] {true, false}, PgTypes.BOOL_ARRAY)).isEqualTo(new Boolean[] {true, false});
        assertThat(roundTrip(new float[] {1.5f}, PgTypes.FLOAT4_ARRAY)).isEqualTo(new Float[] {1.5f});
        assertThat(roundTrip(new int[] {1, 2}, PgTypes.INT8_ARRAY)).isEqualTo(new Long[] {1L, 2L});
        assertThat(roundTrip(List.of("a", "b"), PgTypes.TEXT_ARRAY)).isEqualTo(new String[] {"a", "b"});
    }

    @Test
    void everyElementTypeRoundTrips() {
        UUID u = UUID.randomUUID();
        check(PgTypes.BOOL_ARRAY, new Boolean[] {true, null, false});
        check(PgTypes.INT2_ARRAY, new Short[] {Short.MIN_VALUE, null});
        check(PgTypes.INT8_ARRAY, new Long[] {null, 5L});
        check(PgTypes.OID_ARRAY, new Long[] {4294967295L});
        check(PgTypes.FLOAT4_ARRAY, new Float[] {Float.NaN, null});
        check(PgTypes.FLOAT8_ARRAY, new Double[] {Double.NEGATIVE_INFINITY});
        check(PgTypes.NUMERIC_ARRAY, new BigDecimal[] {new BigDecimal("1.50"), null, new BigDecimal("-1000")});
        check(PgTypes.TEXT_ARRAY, new String[] {"Zoë ✓ 日本 🎉", "", null, "NULL", "a,b", "{\"}"});
        check(PgTypes.VARCHAR_ARRAY, new String[] {"x"});
        check(PgTypes.BPCHAR_ARRAY, new String[] {"x  "});
        check(PgTypes.NAME_ARRAY, new String[] {"pg_class"});
        check(PgTypes.JSON_ARRAY, new String[] {"{\"a\":1}"});
        check(PgTypes.JSONB_ARRAY, new String[] {"{\"a\": 1}", null});
        check(PgTypes.BYTEA_ARRAY, new byte[][] {{1, 2}, null, {}});
        check(PgTypes.UUID_ARRAY, new UUID[] {u, null});
        check(PgTypes.DATE_ARRAY, new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.MAX, null});
        check(PgTypes.TIME_ARRAY, new LocalTime[] {LocalTime.NOON});
        check(PgTypes.TIMETZ_ARRAY, new OffsetTime[] {OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHours(-3))});
        check(PgTypes.TIMESTAMP_ARRAY, new LocalDateTime[] {LocalDateTime.of(2024, 1, 1, 1, 1), LocalDateTime.MIN});
        check(PgTypes.TIMESTAMPTZ_ARRAY, new OffsetDateTime[] {OffsetDateTime.of(2024, 1, 1, 1, 1, 0, 0, ZoneOffset.UTC)});
        check(PgTypes.INTERVAL_ARRAY, new PgInterval[] {new PgInterval(1, 2, 3), null});
    }

    private static void check(int oid, Object[] value) {
        Object back = roundTrip(value, oid);
        assertThat(back).as(PgTypes.name(oid)).isInstanceOf(value.getClass()).isEqualTo(value);
        assertThat(PgTypes.elementOf(oid)).isNotZero();
        assertThat(PgTypes.arrayOf(PgTypes.elementOf(oid))).isEqualTo(oid);
        assertThat(Bin.CODECS.decodesBinary(oid)).isTrue();
    }

    @Test
    void stringElementsForANonStringArrayGoAsTextLiteral() {
        assertThat(Bin.encodeText(new Object[] {"1", null, 3}, PgTypes.INT4_ARRAY)).isEqualTo("{1,NULL,3}");
        assertThat(Bin.encodeText(new String[] {"2024-01-01", "a b"}, PgTypes.DATE_ARRAY)).isEqualTo("{2024-01-01,\"a b\"}");
        // and the buffer holds only the text: the binary attempt was rolled back
        WriteBuffer out = new WriteBuffer();
        out.writeInt(0xCAFE);
        assertThat(Bin.CODECS.encode(new Object[] {1, "2"}, PgTypes.INT4_ARRAY, out)).isZero();
        assertThat(new String(out.toByteArray(), 4, out.size() - 4)).isEqualTo("{1,2}");
        assertThat(Bin.encodeText("{1,2,3}", PgTypes.INT4_ARRAY)).isEqualTo("{1,2,3}");
    }

    @Test
    void elementErrorsNameTheElement() {
        assertThatThrownBy(() -> encode(new Object[] {1, new byte[1]}, PgTypes.INT4_ARRAY))
                .isInstanceOf(PgTypeException.class).hasMessageContaining("element 1").hasMessageContaining("int4[]");
        assertThatThrownBy(() -> encode(new Long[] {1L << 40}, PgTypes.INT4_ARRAY)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("range");
        assertThatThrownBy(() -> encode(5, PgTypes.INT4_ARRAY)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void multiDimensionalArraysAreNestedJavaArrays() {
        // {{1,2},{3,NULL}}
        String twoByTwo = "00000002 00000001 00000017 00000002 00000001 00000002 00000001"
                + "00000004 00000001 00000004 00000002 00000004 00000003 ffffffff";
        assertThat(hex(encode(new Integer[][] {{1, 2}, {3, null}}, PgTypes.INT4_ARRAY))).isEqualTo(hex(hex(twoByTwo)));
        assertThat(decode(PgTypes.INT4_ARRAY, hex(twoByTwo))).isEqualTo(new Integer[][] {{1, 2}, {3, null}});
        assertThat(decode(PgTypes.INT4_ARRAY, hex(twoByTwo), String.class)).isEqualTo("{{1,2},{3,NULL}}");
        assertThatThrownBy(() -> encode(new int[][] {{1}, {2, 3}}, PgTypes.INT4_ARRAY)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("rectangular");
        assertThatThrownBy(() -> encode(new Object[] {List.of(1), 2}, PgTypes.INT4_ARRAY)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("rectangular");
    }

    @Test
    void malformedArraysAreTypeErrors() {
        String[] bad = {
                "000000010000000000000017",                                 // no dimension
                "00000001 00000000 00000017 00000002 00000001 00000004 00000001", // says 2 elements, has 1
                "00000001 00000000 00000017 00000001 00000001 00000004 000000",    // element cut short
                "00000001 00000000 00000017 00000001 00000001 00000003 000001",    // int4 element of 3 bytes
                "00000001 00000000 00000017 00000001 00000001 fffffffe",          // negative length
                "00000001 00000000 00000017 7fffffff 00000001 00000004 00000001", // huge count, few bytes
                "00000001 00000000 00000017 ffffffff 00000001",                   // negative count
                "00000001 00000002 00000017 00000001 00000001 00000004 00000001", // bad flags
                "00000007 00000000 00000017",                                      // too many dimensions
                "ffffffff 00000000 00000017",                                      // negative dimensions
                "00000001 00000000 00000017 00000001 00000001 00000004 00000001 00", // a byte after the end
                "00000001 00000000 00000369 00000001 00000001 00000001 00",         // inet elements
                "0000000100000000",                                                // header cut short
        };
        for (String b : bad) {
            assertThatThrownBy(() -> decode(PgTypes.INT4_ARRAY, hex(b))).as(b).isInstanceOf(PgTypeException.class)
                    .hasMessageContaining("int4[]");
        }
    }

    @Test
    void numericArraysWithNaN() {
        byte[] b = encode(new Object[] {BigDecimal.ONE, Double.NaN}, PgTypes.NUMERIC_ARRAY);
        assertThatThrownBy(() -> decode(PgTypes.NUMERIC_ARRAY, b)).isInstanceOf(PgTypeException.class).hasMessageContaining("NaN");
        assertThat(decode(PgTypes.NUMERIC_ARRAY, b, Double[].class)).containsExactly(1.0, Double.NaN);
        assertThat(decode(PgTypes.NUMERIC_ARRAY, b, String.class)).isEqualTo("{1,NaN}");
    }

    @Test
    void typedArrayReads() {
        byte[] b = hex(INT4_1_NULL_3);
        assertThat(decode(PgTypes.INT4_ARRAY, b, Long[].class)).containsExactly(1L, null, 3L);
        assertThat(decode(PgTypes.INT4_ARRAY, b, String[].class)).containsExactly("1", null, "3");
        assertThat(decode(PgTypes.INT4_ARRAY, b, Object[].class)).containsExactly(1, null, 3);
        assertThat(decode(PgTypes.INT4_ARRAY, b, List.class).toArray()).containsExactly(1, null, 3);
        assertThatThrownBy(() -> decode(PgTypes.INT4_ARRAY, b, int[].class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("NULL");
        byte[] full = encode(new int[] {4, 5}, PgTypes.INT4_ARRAY);
        assertThat(decode(PgTypes.INT4_ARRAY, full, int[].class)).containsExactly(4, 5);
        assertThat(decode(PgTypes.INT4_ARRAY, full, long[].class)).containsExactly(4L, 5L);
        byte[] texts = encode(new String[] {"7", "8"}, PgTypes.TEXT_ARRAY);
        assertThat(decode(PgTypes.TEXT_ARRAY, texts, Integer[].class)).containsExactly(7, 8);
        byte[] intervals = encode(new Duration[] {Duration.ofSeconds(1)}, PgTypes.INTERVAL_ARRAY);
        assertThat(decode(PgTypes.INTERVAL_ARRAY, intervals, Duration[].class)).containsExactly(Duration.ofSeconds(1));
        assertThatThrownBy(() -> decode(PgTypes.INT4_ARRAY, b, Integer.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("int4[]").hasMessageContaining("java.lang.Integer");
    }

    @Test
    void textOutputQuotesLikeTheServer() {
        byte[] b = encode(new String[] {"a", "", null, "NULL", "null", "a b", "x\"y", "back\\slash", "{}", "c,d", "Zoë"},
                PgTypes.TEXT_ARRAY);
        assertThat(decode(PgTypes.TEXT_ARRAY, b, String.class))
                .isEqualTo("{a,\"\",NULL,\"NULL\",\"null\",\"a b\",\"x\\\"y\",\"back\\\\slash\",\"{}\",\"c,d\",Zoë}");
        assertThat(decode(PgTypes.BYTEA_ARRAY, encode(new byte[][] {{1}}, PgTypes.BYTEA_ARRAY), String.class))
                .isEqualTo("{\"\\\\x01\"}");
        assertThat(decode(PgTypes.TIMESTAMP_ARRAY, encode(new LocalDateTime[] {LocalDateTime.of(2024, 1, 1, 0, 0)},
                PgTypes.TIMESTAMP_ARRAY), String.class)).isEqualTo("{\"2024-01-01 00:00:00\"}");
        assertThat(decode(PgTypes.BOOL_ARRAY, encode(new boolean[] {true, false}, PgTypes.BOOL_ARRAY), String.class))
                .isEqualTo("{t,f}");
    }
}
