package io.spool.pg.protocol;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over the body of one backend message inside a larger byte array. Every read is bounds-checked
 * against the message end, so a message that lies about its contents fails with a {@link ProtocolException}
 * instead of reading a neighbour's bytes.
 */
public final class MessageReader {
    private byte[] buf;
    private int pos;
    private int end;
    private byte type;

    void reset(byte type, byte[] buf, int start, int end) {
        this.type = type;
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    /** The message type byte, e.g. {@code 'D'} for DataRow. */
    public byte type() {
        return type;
    }

    public byte[] array() {
        return buf;
    }

    public int position() {
        return pos;
    }

    public int end() {
        return end;
    }

    public int remaining() {
        return end - pos;
    }

    private void need(int n) {
        if (n < 0 || end - pos < n) {
            throw new ProtocolException("message '" + (char) type + "' is truncated: needs " + n
                    + " more bytes, has " + (end - pos));
        }
    }

    public int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public int readInt16() {
        need(2);
        int v = (short) (((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF));
        pos += 2;
        return v;
    }

    public int readUnsignedInt16() {
        return readInt16() & 0xFFFF;
    }

    public int readInt32() {
        need(4);
        int v = Bytes.int32(buf, pos);
        pos += 4;
        return v;
    }

    public void skip(int n) {
        need(n);
        pos += n;
    }

    public byte[] readBytes(int n) {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** Reads a NUL-terminated UTF-8 string. */
    public String readCString() {
        for (int i = pos; i < end; i++) {
            if (buf[i] == 0) {
                String s = new String(buf, pos, i - pos, StandardCharsets.UTF_8);
                pos = i + 1;
                return s;
            }
        }
        throw new ProtocolException("message '" + (char) type + "' has an unterminated string");
    }

    /** Reads the rest of the message as UTF-8. */
    public String readRemainingString() {
        String s = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
        pos = end;
        return s;
    }
}
