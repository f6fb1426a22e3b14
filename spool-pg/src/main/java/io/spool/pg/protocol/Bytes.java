package io.spool.pg.protocol;

/** Big-endian reads from byte arrays, shared by the message reader and the row accessors. */
public final class Bytes {
    private Bytes() {}

    public static int int32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    public static int uint16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
