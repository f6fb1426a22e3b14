package io.spool.pg.types;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads of a value's bytes, and the length checks that turn a malformed binary value into a
 * {@link PgTypeException} instead of an index error. The var handles compile to single loads with a byte swap.
 */
final class Wire {
    private Wire() {}

    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    static short int2(byte[] b, int at) {
        return (short) SHORT.get(b, at);
    }

    static int uint2(byte[] b, int at) {
        return ((short) SHORT.get(b, at)) & 0xFFFF;
    }

    static int int4(byte[] b, int at) {
        return (int) INT.get(b, at);
    }

    static long int8(byte[] b, int at) {
        return (long) LONG.get(b, at);
    }

    /** Throws unless a fixed-size value of type {@code oid} is exactly {@code expected} bytes. */
    static void expect(int oid, int length, int expected) {
        if (length != expected) {
            throw PgTypeException.badLength(oid, length, expected);
        }
    }

    static String utf8(byte[] b, int offset, int length) {
        return new String(b, offset, length, StandardCharsets.UTF_8);
    }

    /** Guards the public entry points: a slice outside the array is a caller bug reported as a type error. */
    static void checkSlice(int oid, byte[] b, int offset, int length) {
        if (b == null || (offset | length) < 0 || offset > b.length - length) {
            throw new PgTypeException("value of type " + PgTypes.name(oid) + " at offset " + offset + " length "
                    + length + " lies outside its buffer of " + (b == null ? "null" : b.length + " bytes"));
        }
    }
}
