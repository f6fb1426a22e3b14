package io.spool.pg;

import io.spool.pg.protocol.Bytes;
import io.spool.pg.protocol.ProtocolException;
import io.spool.pg.types.Codecs;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete result of one statement: its columns, its rows, the command tag and the rows it affected.
 * Rows are kept as the raw DataRow bytes in chunks that are never copied again and decoded only when a value
 * is read, so holding a result costs its bytes plus eight per row. A {@code RowSet} is immutable once returned and may be
 * read from any thread.
 */
public final class RowSet extends AbstractList<Row> {
    private static final int FIRST_CHUNK = 512;
    private static final int MAX_CHUNK = 64 * 1024;
    private static final byte[][] NO_CHUNKS = new byte[0][];
    private static final long[] NO_ROWS = new long[0];

    private final Column[] columns;
    private final Codecs codecs;
    private Map<String, Integer> indexByName;
    /** Row bytes live in chunks that are never copied once filled; a row never spans two chunks. */
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

    public RowSet(Column[] columns, Codecs codecs) {
        this.columns = columns;
        this.codecs = codecs;
    }

    /**
     * Appends one DataRow body ({@code buf[start, end)}: a column count, then each value's length and bytes).
     * Called by the protocol engine; throws {@link ProtocolException} on a malformed row.
     */
    public void addDataRow(byte[] buf, int start, int end) {
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
            rowRefs = Arrays.copyOf(rowRefs, Math.max(16, rows * 2));
        }
        rowRefs[rows++] = ((long) (chunkCount - 1) << 32) | chunkUsed;
        chunkUsed += body;
    }

    /** The current chunk if {@code size} more bytes fit, else a new one (doubling up to 64 KiB, or as big as the row). */
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

    /** The heap this set holds for its rows: the row chunks plus eight bytes per row slot. */
    public long retainedBytes() {
        return chunkBytes + 8L * rowRefs.length;
    }

    /** Records the CommandComplete tag, e.g. {@code "INSERT 0 3"}; the trailing number is the rows affected. */
    public void complete(String tag) {
        this.commandTag = tag;
        this.rowsAffected = io.spool.pg.protocol.CommandTag.rowsAffected(tag);
    }

    @Override
    public Row get(int index) {
        return row(index);
    }

    @Override
    public int size() {
        return rows;
    }

    /** The row at {@code index} (a light view over this set's bytes). */
    public Row row(int index) {
        if (index < 0 || index >= rows) {
            throw new IndexOutOfBoundsException("row " + index + " of " + rows);
        }
        return new Row(this, index);
    }

    /** The first row, or {@code null} when there is none. */
    public Row first() {
        return rows == 0 ? null : new Row(this, 0);
    }

    public List<Column> columns() {
        return List.of(columns);
    }

    public int columnCount() {
        return columns.length;
    }

    /** The command tag of CommandComplete, e.g. {@code "SELECT 5"} or {@code "UPDATE 2"}. */
    public String commandTag() {
        return commandTag;
    }

    /** Rows inserted, updated, deleted, selected, moved, fetched or copied, as the command tag says. */
    public long rowsAffected() {
        return rowsAffected;
    }

    /** The index of column {@code name} (case-sensitive first, then ignoring case). */
    public int columnIndex(String name) {
        Map<String, Integer> map = indexByName;
        if (map == null) {
            map = new HashMap<>();
            for (int i = columns.length - 1; i >= 0; i--) {
                map.put(columns[i].name(), i);
            }
            indexByName = map;
        }
        Integer i = map.get(name);
        if (i == null) {
            for (int c = 0; c < columns.length; c++) {
                if (columns[c].name().equalsIgnoreCase(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("no column named '" + name + "'; columns are " + columns());
        }
        return i;
    }

    Column column(int index) {
        if (index < 0 || index >= columns.length) {
            throw new IndexOutOfBoundsException("column " + index + " of " + columns.length);
        }
        return columns[index];
    }

    /** The chunk holding {@code row}. */
    byte[] chunkOf(int row) {
        return chunks[(int) (rowRefs[row] >>> 32)];
    }

    /**
     * The offset in {@link #chunkOf} of the column's 4-byte length, found by walking the lengths from
     * {@code fromColumn}, whose length is at {@code fromPos} ({@code fromColumn <= column}; column 0's is at
     * {@link #rowStart}). A {@link Row} passes the last column it found, so reading the columns in order, or one
     * column twice, walks each length once instead of from the row's start every time.
     */
    int lengthAt(int row, int column, int fromColumn, int fromPos) {
        column(column);
        byte[] chunk = chunkOf(row);
        int pos = fromPos;
        for (int i = fromColumn; i < column; i++) {
            pos += 4 + Math.max(0, Bytes.int32(chunk, pos));
        }
        return pos;
    }

    /** The offset in {@link #chunkOf} where {@code row}'s first column's length is. */
    int rowStart(int row) {
        return (int) rowRefs[row];
    }

    boolean isNullAt(int row, int at) {
        return Bytes.int32(chunkOf(row), at) < 0;
    }

    /** The decoded value of {@code column}, whose length is at offset {@code at} of the row's chunk. */
    Object valueAt(int row, int column, int at) {
        byte[] chunk = chunkOf(row);
        int len = Bytes.int32(chunk, at);
        Column c = columns[column];
        return len < 0 ? null : codecs.decode(c.typeOid(), c.binary(), chunk, at + 4, len);
    }

    /** As {@link #valueAt(int, int, int)}, converted to {@code type}. */
    <T> T valueAt(int row, int column, int at, Class<T> type) {
        byte[] chunk = chunkOf(row);
        int len = Bytes.int32(chunk, at);
        Column c = columns[column];
        return len < 0 ? null : codecs.decode(c.typeOid(), c.binary(), chunk, at + 4, len, type);
    }

    @Override
    public String toString() {
        return "RowSet[" + commandTag + ", " + rows + " rows, columns " + Arrays.toString(columns) + "]";
    }
}
