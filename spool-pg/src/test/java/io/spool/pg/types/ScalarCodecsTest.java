package io.spool.pg.types;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static io.spool.pg.types.Bin.decode;
import static io.spool.pg.types.Bin.encode;
import static io.spool.pg.types.Bin.hex;
import static io.spool.pg.types.Bin.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bool, integers, oid, floats, uuid, bytea, the text types, jsonb and "char". */
class ScalarCodecsTest {

    @Test
    void bool() {
        assertThat(hex(encode(true, PgTypes.BOOL))).isEqualTo("01");
        assertThat(hex(encode(false, PgTypes.BOOL))).isEqualTo("00");
        assertThat(decode(PgTypes.BOOL, hex("01"))).isEqualTo(true);
        assertThat(decode(PgTypes.BOOL, hex("00"))).isEqualTo(false);
        assertThat(decode(PgTypes.BOOL, hex("01"), String.class)).isEqualTo("t");
        assertThat(decode(PgTypes.BOOL, hex("00"), boolean.class)).isFalse();
        assertThatThrownBy(() -> decode(PgTypes.BOOL, hex("0100"))).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(1, PgTypes.BOOL)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("java.lang.Integer").hasMessageContaining("bool");
        assertThatThrownBy(() -> decode(PgTypes.BOOL, hex("01"), Integer.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("bool").hasMessageContaining("java.lang.Integer");
    }

    @Test
    void integers() {
        assertThat(hex(encode((short) -2, PgTypes.INT2))).isEqualTo("fffe");
        assertThat(hex(encode(0x01020304, PgTypes.INT4))).isEqualTo("01020304");
        assertThat(hex(encode(-1L, PgTypes.INT8))).isEqualTo("ffffffffffffffff");
        assertThat(decode(PgTypes.INT2, hex("8000"))).isEqualTo(Short.MIN_VALUE);
        assertThat(decode(PgTypes.INT4, hex("7fffffff"))).isEqualTo(Integer.MAX_VALUE);
        assertThat(decode(PgTypes.INT4, hex("80000000"))).isEqualTo(Integer.MIN_VALUE);
        assertThat(decode(PgTypes.INT8, hex("8000000000000000"))).isEqualTo(Long.MIN_VALUE);
        assertThat(roundTrip(Long.MAX_VALUE, PgTypes.INT8)).isEqualTo(Long.MAX_VALUE);
        assertThat(roundTrip(Short.MAX_VALUE, PgTypes.INT2)).isEqualTo(Short.MAX_VALUE);
        assertThat(decode(PgTypes.INT8, hex("8000000000000000"), String.class)).isEqualTo("-9223372036854775808");
    }

    @Test
    void integerWideningAndCheckedNarrowing() {
        assertThat(roundTrip(7, PgTypes.INT8)).isEqualTo(7L);
        assertThat(roundTrip((short) 7, PgTypes.INT4)).isEqualTo(7);
        assertThat(roundTrip((byte) -7, PgTypes.INT2)).isEqualTo((short) -7);
        assertThat(roundTrip(7L, PgTypes.INT4)).isEqualTo(7);
        assertThat(roundTrip(new BigDecimal("12.000"), PgTypes.INT4)).isEqualTo(12);
        assertThat(roundTrip(BigInteger.TEN, PgTypes.INT2)).isEqualTo((short) 10);
        assertThat(roundTrip(3.0, PgTypes.INT8)).isEqualTo(3L);
        assertThatThrownBy(() -> encode(1L << 31, PgTypes.INT4)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("2147483648").hasMessageContaining("int4").hasMessageContaining("range");
        assertThatThrownBy(() -> encode(40_000, PgTypes.INT2)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(3.5, PgTypes.INT4)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(new BigDecimal("0.5"), PgTypes.INT8)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(BigInteger.ONE.shiftLeft(64), PgTypes.INT8)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(new byte[4], PgTypes.INT4)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("[B").hasMessageContaining("int4");
        assertThatThrownBy(() -> encode(true, PgTypes.INT4)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void typedIntegerReadsAreRangeChecked() {
        byte[] big = encode(1L << 40, PgTypes.INT8);
        assertThat(decode(PgTypes.INT8, big, Long.class)).isEqualTo(1L << 40);
        assertThat(decode(PgTypes.INT8, big, BigDecimal.class)).isEqualTo(BigDecimal.valueOf(1L << 40));
        assertThat(decode(PgTypes.INT8, big, Double.class)).isEqualTo(0x1p40);
        assertThatThrownBy(() -> decode(PgTypes.INT8, big, Integer.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("int8").hasMessageContaining("java.lang.Integer").hasMessageContaining("range");
        byte[] small = encode(5L, PgTypes.INT8);
        assertThat(decode(PgTypes.INT8, small, int.class)).isEqualTo(5);
        assertThat(decode(PgTypes.INT8, small, Short.class)).isEqualTo((short) 5);
        assertThat(decode(PgTypes.INT2, encode((short) 5, PgTypes.INT2), Long.class)).isEqualTo(5L);
        assertThat(decode(PgTypes.INT4, encode(5, PgTypes.INT4), Long.class)).isEqualTo(5L);
        assertThat(decode(PgTypes.INT4, encode(5, PgTypes.INT4), Object.class)).isEqualTo(5);
        assertThat(decode(PgTypes.INT4, encode(5, PgTypes.INT4), Number.class)).isEqualTo(5);
    }

    @Test
    void oidIsUnsigned() {
        assertThat(decode(PgTypes.OID, hex("ffffffff"))).isEqualTo(4294967295L);
        assertThat(hex(encode(4294967295L, PgTypes.OID))).isEqualTo("ffffffff");
        assertThat(roundTrip(16384, PgTypes.OID)).isEqualTo(16384L);
        assertThatThrownBy(() -> encode(-1, PgTypes.OID)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(1L << 32, PgTypes.OID)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void floats() {
        assertThat(hex(encode(1.5, PgTypes.FLOAT8))).isEqualTo("3ff8000000000000");
        assertThat(hex(encode(1.5f, PgTypes.FLOAT4))).isEqualTo("3fc00000");
        assertThat(decode(PgTypes.FLOAT8, hex("3ff8000000000000"))).isEqualTo(1.5);
        assertThat(decode(PgTypes.FLOAT4, hex("3fc00000"))).isEqualTo(1.5f);
        for (double d : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
                Double.MAX_VALUE, -0.0, 0.1}) {
            assertThat(roundTrip(d, PgTypes.FLOAT8)).isEqualTo(Double.valueOf(d));
        }
        for (float f : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, Float.MAX_VALUE}) {
            assertThat(roundTrip(f, PgTypes.FLOAT4)).isEqualTo(Float.valueOf(f));
        }
        assertThat(roundTrip(3, PgTypes.FLOAT8)).isEqualTo(3.0);
        assertThat(roundTrip(new BigDecimal("0.25"), PgTypes.FLOAT8)).isEqualTo(0.25);
        assertThat(roundTrip(0.5, PgTypes.FLOAT4)).isEqualTo(0.5f);
        assertThatThrownBy(() -> encode(1e300, PgTypes.FLOAT4)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(new BigDecimal("1E+400"), PgTypes.FLOAT8)).isInstanceOf(PgTypeException.class);
        assertThat(decode(PgTypes.FLOAT8, encode(Double.NaN, PgTypes.FLOAT8), String.class)).isEqualTo("NaN");
        assertThat(decode(PgTypes.FLOAT8, encode(1e20, PgTypes.FLOAT8), String.class)).isEqualTo("1e+20");
        assertThat(decode(PgTypes.FLOAT4, encode(0.1f, PgTypes.FLOAT4), Double.class)).isEqualTo((double) 0.1f);
        assertThat(decode(PgTypes.FLOAT4, encode(0.1f, PgTypes.FLOAT4), BigDecimal.class)).isEqualTo(new BigDecimal("0.1"));
        assertThatThrownBy(() -> decode(PgTypes.FLOAT8, encode(Double.NaN, PgTypes.FLOAT8), BigDecimal.class))
                .isInstanceOf(PgTypeException.class).hasMessageContaining("NaN");
        assertThat(decode(PgTypes.FLOAT8, encode(4.0, PgTypes.FLOAT8), Integer.class)).isEqualTo(4);
        assertThatThrownBy(() -> decode(PgTypes.FLOAT8, encode(4.5, PgTypes.FLOAT8), Integer.class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.FLOAT8, hex("3ff80000"))).isInstanceOf(PgTypeException.class);
    }

    @Test
    void uuid() {
        UUID u = UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(hex(encode(u, PgTypes.UUID))).isEqualTo("a0eebc999c0b4ef8bb6d6bb9bd380a11");
        assertThat(decode(PgTypes.UUID, hex("a0eebc999c0b4ef8bb6d6bb9bd380a11"))).isEqualTo(u);
        assertThat(decode(PgTypes.UUID, hex("a0eebc999c0b4ef8bb6d6bb9bd380a11"), String.class)).isEqualTo(u.toString());
        assertThat(Bin.encodeText("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", PgTypes.UUID)).isEqualTo(u.toString());
        assertThatThrownBy(() -> decode(PgTypes.UUID, new byte[15])).isInstanceOf(PgTypeException.class).hasMessageContaining("uuid");
        assertThatThrownBy(() -> encode(u.toString().getBytes(), PgTypes.UUID)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void bytea() {
        byte[] b = {0, 1, (byte) 0xFF, 0x7F, '\\'};
        assertThat(encode(b, PgTypes.BYTEA)).isEqualTo(b);
        assertThat(decode(PgTypes.BYTEA, b)).isEqualTo(b);
        assertThat(decode(PgTypes.BYTEA, new byte[0])).isEqualTo(new byte[0]);
        assertThat(decode(PgTypes.BYTEA, b, String.class)).isEqualTo("\\x0001ff7f5c");
        ByteBuffer buffer = ByteBuffer.wrap(b, 1, 3);
        assertThat(encode(buffer, PgTypes.BYTEA)).isEqualTo(new byte[] {1, (byte) 0xFF, 0x7F});
        assertThat(buffer.position()).isEqualTo(1);
        assertThatThrownBy(() -> encode(5, PgTypes.BYTEA)).isInstanceOf(PgTypeException.class);
        // the decoded array is a copy, not a view of the row buffer
        byte[] row = {9, 1, 2, 9};
        byte[] value = Bin.CODECS.decode(PgTypes.BYTEA, true, row, 1, 2, byte[].class);
        row[1] = 7;
        assertThat(value).isEqualTo(new byte[] {1, 2});
    }

    @Test
    void textTypesAreUtf8() {
        String s = "Zoë ✓ 日本 🎉";
        for (int oid : new int[] {PgTypes.TEXT, PgTypes.VARCHAR, PgTypes.BPCHAR, PgTypes.NAME, PgTypes.JSON, PgTypes.UNKNOWN}) {
            assertThat(encode(s, oid)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
            assertThat(roundTrip(s, oid)).isEqualTo(s);
        }
        assertThat(roundTrip("", PgTypes.TEXT)).isEqualTo("");
        assertThat(roundTrip('x', PgTypes.TEXT)).isEqualTo("x");
        assertThat(decode(PgTypes.TEXT, s.getBytes(StandardCharsets.UTF_8), byte[].class)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        // values of other types go to a text column in text form
        assertThat(Bin.encodeText(42, PgTypes.TEXT)).isEqualTo("42");
        assertThat(Bin.encodeText(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), PgTypes.VARCHAR))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThatThrownBy(() -> encode(new byte[] {1}, PgTypes.TEXT)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void textParsedIntoAskedClass() {
        assertThat(decode(PgTypes.TEXT, "42".getBytes(), Integer.class)).isEqualTo(42);
        assertThat(decode(PgTypes.VARCHAR, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11".getBytes(), UUID.class))
                .isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
        assertThat(decode(PgTypes.TEXT, "x".getBytes(), Character.class)).isEqualTo('x');
        assertThat(decode(PgTypes.TEXT, "READ".getBytes(), java.nio.file.AccessMode.class)).isEqualTo(java.nio.file.AccessMode.READ);
        assertThatThrownBy(() -> decode(PgTypes.TEXT, "forty".getBytes(), Integer.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("text").hasMessageContaining("java.lang.Integer");
        assertThatThrownBy(() -> decode(PgTypes.TEXT, "x".getBytes(), Thread.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("java.lang.Thread");
    }

    @Test
    void jsonb() {
        String json = "{\"a\": [1, \"ü\"]}";
        byte[] b = encode(json, PgTypes.JSONB);
        assertThat(b[0]).isEqualTo((byte) 1);
        assertThat(new String(b, 1, b.length - 1, StandardCharsets.UTF_8)).isEqualTo(json);
        assertThat(decode(PgTypes.JSONB, b)).isEqualTo(json);
        assertThatThrownBy(() -> decode(PgTypes.JSONB, hex("027b7d"))).isInstanceOf(PgTypeException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> decode(PgTypes.JSONB, new byte[0])).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> encode(java.util.Map.of(), PgTypes.JSONB)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("String");
    }

    @Test
    void internalChar() {
        assertThat(decode(PgTypes.CHAR, hex("61"))).isEqualTo("a");
        assertThat(decode(PgTypes.CHAR, hex("00"))).isEqualTo("");
        assertThat(decode(PgTypes.CHAR, new byte[0])).isEqualTo("");
        assertThat(decode(PgTypes.CHAR, hex("e9"))).isEqualTo("\\351");
        assertThat(Bin.encodeText("r", PgTypes.CHAR)).isEqualTo("r");
        assertThatThrownBy(() -> decode(PgTypes.CHAR, hex("6162"))).isInstanceOf(PgTypeException.class);
    }

    @Test
    void sliceOutsideBufferIsATypeError() {
        assertThatThrownBy(() -> Bin.CODECS.decode(PgTypes.INT4, true, new byte[4], 2, 4)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> Bin.CODECS.decode(PgTypes.INT4, true, new byte[4], -1, 4)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> Bin.CODECS.decode(PgTypes.TEXT, false, new byte[4], 0, -1, String.class)).isInstanceOf(PgTypeException.class);
    }

    @Test
    void int4WithThreeBytesIsATypeError() {
        assertThatThrownBy(() -> decode(PgTypes.INT4, hex("000001"))).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("int4").hasMessageContaining("3 bytes");
        assertThatThrownBy(() -> decode(PgTypes.INT4, hex("000001"), Integer.class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.INT8, hex("00000001"), Long.class)).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.INT2, hex("00"))).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.OID, hex("00"))).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(PgTypes.FLOAT4, hex("00"))).isInstanceOf(PgTypeException.class);
    }

    @Test
    void unknownTypesAreTextOnly() {
        assertThat(Bin.CODECS.decodesBinary(PgTypes.INET)).isFalse();
        assertThat(Bin.CODECS.decodesBinary(123456)).isFalse();
        assertThat(Bin.CODECS.decode(123456, false, "happy".getBytes(), 0, 5)).isEqualTo("happy");
        assertThatThrownBy(() -> decode(123456, "x".getBytes())).isInstanceOf(PgTypeException.class).hasMessageContaining("oid 123456");
        assertThat(Bin.encodeText("happy", 123456)).isEqualTo("happy");
        assertThat(Bin.encodeText(java.nio.file.AccessMode.READ, 123456)).isEqualTo("READ");
        assertThat(Bin.encodeText(new int[] {1, 2}, 123456)).isEqualTo("{1,2}");
        assertThatThrownBy(() -> encode(new Object(), 123456)).isInstanceOf(PgTypeException.class).hasMessageContaining("java.lang.Object");
    }
}
