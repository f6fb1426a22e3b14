package io.spool.pg.types;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static io.spool.pg.types.Bin.decode;
import static io.spool.pg.types.Bin.encode;
import static io.spool.pg.types.Bin.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** numeric's binary form: ndigits, weight, sign, dscale, base-10000 digits. */
class NumericCodecTest {
    private static final int N = PgTypes.NUMERIC;

    @Test
    void knownVectors() {
        // 12345.678 = 1 * 10000^1 + 2345 * 10000^0 + 6780 * 10000^-1, display scale 3
        assertThat(hex(encode(new BigDecimal("12345.678"), N))).isEqualTo("0003" + "0001" + "0000" + "0003" + "0001" + "0929" + "1a7c");
        // -0.0001 = 1 * 10000^-1, negative, scale 4
        assertThat(hex(encode(new BigDecimal("-0.0001"), N))).isEqualTo("0001" + "ffff" + "4000" + "0004" + "0001");
        assertThat(hex(encode(BigDecimal.ZERO, N))).isEqualTo("0000" + "0000" + "0000" + "0000");
        assertThat(hex(encode(new BigDecimal("0.00"), N))).isEqualTo("0000" + "0000" + "0000" + "0002");
        // 1e20 = 1 * 10000^5, scale 0: trailing zero digits are implied by the weight
        assertThat(hex(encode(new BigDecimal("1E+20"), N))).isEqualTo("0001" + "0005" + "0000" + "0000" + "0001");
        assertThat(hex(encode(new BigDecimal("10000"), N))).isEqualTo("0001" + "0001" + "0000" + "0000" + "0001");
        assertThat(hex(encode(new BigDecimal("0.00001"), N))).isEqualTo("0001" + "fffe" + "0000" + "0005" + "03e8");
        assertThat(hex(encode(Double.NaN, N))).isEqualTo("0000" + "0000" + "c000" + "0000");
        assertThat(hex(encode(Double.POSITIVE_INFINITY, N))).isEqualTo("0000" + "0000" + "d000" + "0000");
        assertThat(hex(encode(Double.NEGATIVE_INFINITY, N))).isEqualTo("0000" + "0000" + "f000" + "0000");
    }

    @Test
    void decodesKnownVectors() {
        assertThat(decode(N, hex("0003 0001 0000 0003 0001 0929 1a7c"))).isEqualTo(new BigDecimal("12345.678"));
        assertThat(decode(N, hex("0001 ffff 4000 0004 0001"))).isEqualTo(new BigDecimal("-0.0001"));
        assertThat(decode(N, hex("0000 0000 0000 0000"))).isEqualTo(new BigDecimal("0"));
        assertThat(decode(N, hex("0000 0000 0000 0003"))).isEqualTo(new BigDecimal("0.000"));
        // the display scale is kept: 1e20 reads with scale 0, as the server prints 100000000000000000000
        assertThat(decode(N, hex("0001 0005 0000 0000 0001"))).isEqualTo(new BigDecimal("100000000000000000000"));
        // trailing zeros up to the display scale: 1.50 is digits [1, 5000] with dscale 2
        assertThat(decode(N, hex("0002 0000 0000 0002 0001 1388"))).isEqualTo(new BigDecimal("1.50"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "-1", "9999", "10000", "-10001", "0.1", "0.01", "12345.678", "-0.0001",
            "3.14159265358979323846264338327950288419716939937510", "123456789012345678901234567890.12345",
            "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1.000000", "0.000000001",
            "100000000000000000000", "99999999999999999999.9999", "1E+20", "5E-7", "1.23E+1000", "-7.5E-300"})
    void roundTrips(String literal) {
        BigDecimal value = new BigDecimal(literal);
        BigDecimal back = (BigDecimal) Bin.roundTrip(value, N);
        assertThat(back).isEqualByComparingTo(value);
        assertThat(back.scale()).isEqualTo(Math.max(0, value.scale()));
    }

    @Test
    void integersAndFloatsWiden() {
        assertThat(Bin.roundTrip(42, N)).isEqualTo(new BigDecimal("42"));
        assertThat(Bin.roundTrip(Long.MIN_VALUE, N)).isEqualTo(new BigDecimal(Long.MIN_VALUE));
        assertThat(Bin.roundTrip(Long.MAX_VALUE, N)).isEqualTo(new BigDecimal(Long.MAX_VALUE));
        assertThat(Bin.roundTrip((short) -7, N)).isEqualTo(new BigDecimal("-7"));
        assertThat(Bin.roundTrip(new BigInteger("123456789012345678901234567890"), N))
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(Bin.roundTrip(0.1, N)).isEqualTo(new BigDecimal("0.1"));
        assertThat(Bin.roundTrip(0.1f, N)).isEqualTo(new BigDecimal("0.1"));
        assertThat(Bin.roundTrip(1e20, N)).isEqualTo(new BigDecimal("100000000000000000000"));
    }

    @Test
    void specialValuesRefuseBigDecimalButReadAsDouble() {
        byte[] nan = hex("0000 0000 c000 0000");
        assertThatThrownBy(() -> decode(N, nan)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("NaN").hasMessageContaining("numeric").hasMessageContaining("BigDecimal");
        assertThatThrownBy(() -> decode(N, nan, BigDecimal.class)).isInstanceOf(PgTypeException.class);
        assertThat(decode(N, nan, Double.class)).isNaN();
        assertThat(decode(N, nan, String.class)).isEqualTo("NaN");
        assertThat(decode(N, hex("0000 0000 d000 0000"), Double.class)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(decode(N, hex("0000 0000 f000 0000"), double.class)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(decode(N, hex("0000 0000 f000 0000"), String.class)).isEqualTo("-Infinity");
        assertThatThrownBy(() -> decode(N, hex("0000 0000 d000 0000"))).hasMessageContaining("Infinity");
    }

    @Test
    void malformedValuesAreTypeErrors() {
        assertThatThrownBy(() -> decode(N, hex("0001 0000 0000"))).isInstanceOf(PgTypeException.class);
        // says 2 digits, carries 1
        assertThatThrownBy(() -> decode(N, hex("0002 0000 0000 0000 0001"))).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("numeric");
        assertThatThrownBy(() -> decode(N, hex("0001 0000 0000 0000 2710"))).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("10000");
        assertThatThrownBy(() -> decode(N, hex("0001 0000 8000 0000 0001"))).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("sign");
        assertThatThrownBy(() -> decode(N, hex("0000 0000 0000 4000"))).isInstanceOf(PgTypeException.class);
        assertThatThrownBy(() -> decode(N, new byte[0])).isInstanceOf(PgTypeException.class);
    }

    @Test
    void valuesOutsideNumericsRangeAreRefused() {
        assertThatThrownBy(() -> encode(new BigDecimal("1E-20000"), N)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("numeric");
        assertThatThrownBy(() -> encode(new BigDecimal("1E+200000"), N)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("range");
    }

    @Test
    void typedReadsOfNumeric() {
        byte[] v = encode(new BigDecimal("12345.678"), N);
        assertThat(decode(N, v, Double.class)).isEqualTo(12345.678);
        assertThat(decode(N, v, String.class)).isEqualTo("12345.678");
        assertThatThrownBy(() -> decode(N, v, Integer.class)).isInstanceOf(PgTypeException.class)
                .hasMessageContaining("numeric").hasMessageContaining("java.lang.Integer");
        byte[] whole = encode(new BigDecimal("42.000"), N);
        assertThat(decode(N, whole, Integer.class)).isEqualTo(42);
        assertThat(decode(N, whole, Long.class)).isEqualTo(42L);
        assertThat(decode(N, whole, BigInteger.class)).isEqualTo(BigInteger.valueOf(42));
        assertThatThrownBy(() -> decode(N, encode(new BigDecimal("1E+20"), N), Long.class))
                .isInstanceOf(PgTypeException.class);
    }
}
