package io.spool.pg.protocol;

import io.spool.pg.types.Codecs;

import java.util.Arrays;

/**
 * The rows of one statement as the engine collects them: the raw DataRow bytes in chunks that are never copied
 * again (a row never spans two chunks), eight bytes of index per row, and the command tag once the statement
 * completes. The engine appends; once the command is done the set is only read (the client API's
 * {@code DataRows} is a view over it that decodes values on access).
 */
public final class DataRows {
    /** Small: most results of a web request are a row or a few (a one-row result held a 512-byte chunk). */
    private static final int FIRST_CHUNK = 64;
    private static final int FIRST_ROW_SLOTS = 4;
    private static final int MAX_CHUNK = 64 * 1024;
    private static final byte[][] NO_CHUNKS = new byte[0][];
    private static final long[] NO_ROWS = new long[0];
    private static final ColumnDescription[] NO_COLUMNS = new ColumnDescription[0];

    private final ColumnDescription[] columns;
    private final Codecs codecs;
    private byte[][] chunks = NO_CHUNKS;
    private int chunkCount;
    private int chunkUsed;
    /** Bytes of all chunks allocated so far, used or not. */
    private long chunkBytes;
    /** Per row: chunk index in the high 32 bits, offset of its first column's length in the low 32. */
    private long[] rowRefs = NO_ROWS;
    private int rows;
    private String commandTag = "";
    private long rowsAffected;

    DataRows(ColumnDescription[] columns, Codecs codecs) {
        this.columns = columns;
        this.codecs = codecs;
    }

    /** The result of a statement that returns no rows. */
    static DataRows none(Codecs codecs) {
        return new DataRows(NO_COLUMNS, codecs);
    }

    /** Appends one DataRow body ({@code buf[start, end)}); throws {@link ProtocolException} on a malformed row. */
    void addDataRow(byte[] buf, int start, int end) {
        int n = columns.length;
        if (end - start < 2 || Bytes.uint16(buf, start) != n) {
            throw new ProtocolException("DataRow has a column count other than " + n);
        }
        int pos = start + 2;
        for (int i = 0; i < n; i++) {
            if (end - pos < 4) {
                throw new ProtocolException("DataRow is truncated at column " + i);
            }
            int len = Bytes.int32(buf, pos);
            pos += 4;
            if (len < -1 || (len > 0 && len > end - pos)) {
                throw new ProtocolException("DataRow column " + i + " has a bad length " + len);
            }
            pos += Math.max(len, 0);
        }
        if (pos != end) {
            throw new ProtocolException("DataRow has " + (end - pos) + " bytes past its last column");
        }
        int body = end - start - 2;
        byte[] chunk = chunkFor(body);
        System.arraycopy(buf, start + 2, chunk, chunkUsed, body);
        if (rows == rowRefs.length) {
            rowRefs = Arrays.copyOf(rowRefs, Math.max(FIRST_ROW_SLOTS, rows * 2));
        }
        rowRefs[rows++] = ((long) (chunkCount - 1) << 32) | chunkUsed;
        chunkUsed += body;
    }

    /** The current chunk if {@code size} more bytes fit, else a new one (doubling from 64 bytes up to 64 KiB, or as big as the row). */
    private byte[] chunkFor(int size) {
        if (chunkCount > 0 && chunks[chunkCount - 1].length - chunkUsed >= size) {
            return chunks[chunkCount - 1];
        }
        int last = chunkCount == 0 ? FIRST_CHUNK / 2 : chunks[chunkCount - 1].length;
        byte[] chunk = new byte[Math.max(size, Math.min(MAX_CHUNK, last * 2))];
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, Math.max(4, chunkCount * 2));
        }
        chunks[chunkCount++] = chunk;
        chunkUsed = 0;
        chunkBytes += chunk.length;
        return chunk;
    }

    /** Records the CommandComplete tag, e.g. {@code "INSERT 0 3"}; the trailing number is the rows affected. */
    void complete(String tag) {
        this.commandTag = tag;
        this.rowsAffected = CommandTag.rowsAffected(tag);
    }

    /** The heap this set holds for its rows: the row chunks plus eight bytes per row slot. */
    public long retainedBytes() {
        return chunkBytes + 8L * rowRefs.length;
    }

    public int size() {
        return rows;
    }

    /** The columns (the array itself: callers do not change it). */
    public ColumnDescription[] columns() {
        return columns;
    }

    /** The codecs of the session when the statement began (its TimeZone, DateStyle, IntervalStyle). */
    public Codecs codecs() {
        return codecs;
    }

    public String commandTag() {
        return commandTag;
    }

    public long rowsAffected() {
        return rowsAffected;
    }

    /** The chunk holding {@code row}. */
    public byte[] chunkOf(int row) {
        return chunks[(int) (rowRefs[row] >>> 32)];
    }

    /**
     * The offset in {@link #chunkOf} of the column's 4-byte length, found by walking the lengths from
     * {@code fromColumn}, whose length is at {@code fromPos} ({@code fromColumn <= column}; column 0's is at
     * {@link #rowStart}). A reader that passes the last column it found walks each length once when it reads the
     * columns in order, instead of from the row's start every time.
     */
    public int lengthAt(int row, int column, int fromColumn, int fromPos) {
        byte[] chunk = chunkOf(row);
        int pos = fromPos;
        for (int i = fromColumn; i < column; i++) {
            pos += 4 + Math.max(0, Bytes.int32(chunk, pos));
        }
        return pos;
    }

    /** The offset in {@link #chunkOf} where {@code row}'s first column's length is. */
    public int rowStart(int row) {
        return (int) rowRefs[row];
    }
}
