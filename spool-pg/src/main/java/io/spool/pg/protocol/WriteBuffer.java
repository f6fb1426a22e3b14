package io.spool.pg.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable big-endian byte buffer that frontend messages and parameter values are written into. Bytes are
 * appended at the end and taken from the front, so one buffer serves as the engine's outbound queue.
 */
public final class WriteBuffer {
    private byte[] bytes;
    private int start;
    private int end;

    public WriteBuffer() {
        this(256);
    }

    public WriteBuffer(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    /** Bytes written and not yet taken. */
    public int size() {
        return end - start;
    }

    public boolean isEmpty() {
        return end == start;
    }

    /** The position the next byte is written at, relative to the unread start; use with {@link #putInt(int, int)}. */
    public int position() {
        return end - start;
    }

    private void ensure(int extra) {
        if (bytes.length - end >= extra) {
            return;
        }
        int used = end - start;
        if (start > 0 && bytes.length - used >= extra && start >= bytes.length / 2) {
            System.arraycopy(bytes, start, bytes, 0, used);
        } else {
            long wanted = Math.max((long) bytes.length * 2, (long) used + extra);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("write buffer would exceed 2 GiB");
            }
            byte[] grown = new byte[(int) wanted];
            System.arraycopy(bytes, start, grown, 0, used);
            bytes = grown;
        }
        end = used;
        start = 0;
    }

    public WriteBuffer writeByte(int b) {
        ensure(1);
        bytes[end++] = (byte) b;
        return this;
    }

    public WriteBuffer writeShort(int v) {
        ensure(2);
        bytes[end++] = (byte) (v >>> 8);
        bytes[end++] = (byte) v;
        return this;
    }

    public WriteBuffer writeInt(int v) {
        ensure(4);
        bytes[end++] = (byte) (v >>> 24);
        bytes[end++] = (byte) (v >>> 16);
        bytes[end++] = (byte) (v >>> 8);
        bytes[end++] = (byte) v;
        return this;
    }

    public WriteBuffer writeLong(long v) {
        writeInt((int) (v >>> 32));
        return writeInt((int) v);
    }

    public WriteBuffer writeFloat(float v) {
        return writeInt(Float.floatToRawIntBits(v));
    }

    public WriteBuffer writeDouble(double v) {
        return writeLong(Double.doubleToRawLongBits(v));
    }

    public WriteBuffer writeBytes(byte[] src) {
        return writeBytes(src, 0, src.length);
    }

    public WriteBuffer writeBytes(byte[] src, int offset, int length) {
        ensure(length);
        System.arraycopy(src, offset, bytes, end, length);
        end += length;
        return this;
    }

    /** Writes UTF-8 bytes of {@code s} without a terminator. */
    public WriteBuffer writeUtf8(String s) {
        return writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code s} as a NUL-terminated UTF-8 string, as protocol messages carry names and SQL. */
    public WriteBuffer writeCString(String s) {
        writeUtf8(s);
        return writeByte(0);
    }

    /** Overwrites four bytes at {@code position} (as returned by {@link #position()}), for length prefixes. */
    public void putInt(int position, int v) {
        int at = start + position;
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    /** Overwrites two bytes at {@code position}. */
    public void putShort(int position, int v) {
        int at = start + position;
        bytes[at] = (byte) (v >>> 8);
        bytes[at + 1] = (byte) v;
    }

    /** A view of the unread bytes (do not write into it), for writing to a channel; follow with {@link #consume(int)}. */
    public ByteBuffer readable() {
        return ByteBuffer.wrap(bytes, start, end - start);
    }

    /** Drops {@code n} bytes from the front, after they were sent. */
    public void consume(int n) {
        if (n < 0 || n > end - start) {
            throw new IllegalArgumentException("consume " + n + " of " + (end - start));
        }
        start += n;
        if (start == end) {
            start = end = 0;
        }
    }

    /** Drops everything written after {@code position}, to undo a message that failed half-way. */
    public void truncate(int position) {
        if (position < 0 || position > end - start) {
            throw new IllegalArgumentException("truncate to " + position + " of " + (end - start));
        }
        end = start + position;
    }

    /** A copy of the unread bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOfRange(bytes, start, end);
    }

    /** Drops everything and releases a buffer that grew large, so one huge message does not pin memory. */
    public void clear() {
        start = end = 0;
        if (bytes.length > 1 << 20) {
            bytes = new byte[8192];
        }
    }
}
