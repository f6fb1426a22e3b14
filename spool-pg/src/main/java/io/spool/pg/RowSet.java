package io.spool.pg;

import io.spool.pg.protocol.Bytes;
import io.spool.pg.types.Codecs;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The complete result of one statement: its columns, its rows, the command tag and the rows it affected.
 * Rows are kept as the raw DataRow bytes in one growing array and decoded only when a value is read, so
 * reading a result allocates almost nothing per row. A {@code RowSet} is immutable once returned and may be
 * read from any thread.
 */
public final class RowSet extends AbstractList<Row> {
    private final Column[] columns;
    private final Codecs codecs;
    private Map<String, Integer> indexByName;
    private byte[] data = EMPTY;
    private int dataSize;
    /** Per row and column: the value's offset in {@code data}, or -1 for NULL; lengths follow in {@code lengths}. */
    private int[] offsets = NO_INTS;
    private int[] lengths = NO_INTS;
    private int rows;
    private String commandTag = "";
    private long rowsAffected;

    private static final byte[] EMPTY = new byte[0];
    private static final int[] NO_INTS = new int[0];

    public RowSet(Column[] columns, Codecs codecs) {
        this.columns = columns;
        this.codecs = codecs;
    }

    /**
     * Appends one DataRow body ({@code buf[start, end)}: a column count, then each value's length and bytes).
     * Called by the protocol engine; throws {@link io.spool.pg.protocol.ProtocolException} on a malformed row.
     */
    public void addDataRow(byte[] buf, int start, int end) {
        int n = columns.length;
        if (end - start < 2 || Bytes.uint16(buf, start) != n) {
            throw new io.spool.pg.protocol.ProtocolException("DataRow has a column count other than " + n);
        }
        int body = end - start - 2;
        ensureData(body);
        System.arraycopy(buf, start + 2, data, dataSize, body);
        if ((rows + 1) * n > offsets.length) {
            int cap = Math.max(16 * Math.max(n, 1), offsets.length * 2);
            offsets = Arrays.copyOf(offsets, cap);
            lengths = Arrays.copyOf(lengths, cap);
        }
        int pos = dataSize;
        int limit = dataSize + body;
        int slot = rows * n;
        for (int i = 0; i < n; i++, slot++) {
            if (limit - pos < 4) {
                throw new io.spool.pg.protocol.ProtocolException("DataRow is truncated at column " + i);
            }
            int len = Bytes.int32(data, pos);
            pos += 4;
            if (len == -1) {
                offsets[slot] = -1;
                lengths[slot] = 0;
            } else if (len < 0 || len > limit - pos) {
                throw new io.spool.pg.protocol.ProtocolException("DataRow column " + i + " has a bad length " + len);
            } else {
                offsets[slot] = pos;
                lengths[slot] = len;
                pos += len;
            }
        }
        if (pos != limit) {
            throw new io.spool.pg.protocol.ProtocolException("DataRow has " + (limit - pos) + " bytes past its last column");
        }
        dataSize = limit;
        rows++;
    }

    private void ensureData(int extra) {
        if (data.length - dataSize >= extra) {
            return;
        }
        long wanted = Math.max((long) data.length * 2, (long) dataSize + extra);
        wanted = Math.max(wanted, 256);
        if (wanted > Integer.MAX_VALUE - 16) {
            throw new PgException("54000", "result set larger than 2 GiB; use a cursor or LIMIT");
        }
        data = Arrays.copyOf(data, (int) wanted);
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

    boolean isNull(int row, int column) {
        column(column);
        return offsets[row * columns.length + column] < 0;
    }

    Object value(int row, int column) {
        Column c = column(column);
        int slot = row * columns.length + column;
        int off = offsets[slot];
        return off < 0 ? null : codecs.decode(c.typeOid(), c.binary(), data, off, lengths[slot]);
    }

    <T> T value(int row, int column, Class<T> type) {
        Column c = column(column);
        int slot = row * columns.length + column;
        int off = offsets[slot];
        return off < 0 ? null : codecs.decode(c.typeOid(), c.binary(), data, off, lengths[slot], type);
    }

    @Override
    public String toString() {
        return "RowSet[" + commandTag + ", " + rows + " rows, columns " + Arrays.toString(columns) + "]";
    }
}
