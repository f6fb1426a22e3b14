package io.spool.pg;

import io.spool.pg.protocol.Bytes;
import io.spool.pg.protocol.ColumnDescription;
import io.spool.pg.protocol.DataRows;

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
    private final DataRows data;
    private final Column[] columns;
    private Map<String, Integer> indexByName;

    private RowSet(DataRows data) {
        this.data = data;
        ColumnDescription[] described = data.columns();
        this.columns = new Column[described.length];
        for (int i = 0; i < described.length; i++) {
            ColumnDescription d = described[i];
            columns[i] = new Column(d.name(), d.typeOid(), d.binary(), d.tableOid(), d.columnNumber(), d.typeModifier());
        }
    }

    /**
     * The client's view of rows the engine collected (null stays null: a failed command has no rows). For
     * spool-pg's own connections: the engine's types are not exported.
     */
    public static RowSet of(DataRows data) {
        return data == null ? null : new RowSet(data);
    }

    /** Each of {@code results} as a {@link RowSet} (see {@link #of(DataRows)}). */
    public static List<RowSet> all(List<DataRows> results) {
        return results == null ? null : results.stream().map(RowSet::new).toList();
    }

    /** The heap this set holds for its rows: the row chunks plus eight bytes per row slot. */
    public long retainedBytes() {
        return data.retainedBytes();
    }

    @Override
    public Row get(int index) {
        return row(index);
    }

    @Override
    public int size() {
        return data.size();
    }

    /** The row at {@code index} (a light view over this set's bytes). */
    public Row row(int index) {
        if (index < 0 || index >= data.size()) {
            throw new IndexOutOfBoundsException("row " + index + " of " + data.size());
        }
        return new Row(this, index);
    }

    /** The first row, or {@code null} when there is none. */
    public Row first() {
        return data.size() == 0 ? null : new Row(this, 0);
    }

    public List<Column> columns() {
        return List.of(columns);
    }

    public int columnCount() {
        return columns.length;
    }

    /** The command tag of CommandComplete, e.g. {@code "SELECT 5"} or {@code "UPDATE 2"}. */
    public String commandTag() {
        return data.commandTag();
    }

    /** Rows inserted, updated, deleted, selected, moved, fetched or copied, as the command tag says. */
    public long rowsAffected() {
        return data.rowsAffected();
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
        return data.chunkOf(row);
    }

    /**
     * The offset in {@link #chunkOf} of the column's 4-byte length, walking on from {@code fromColumn}, whose length
     * is at {@code fromPos} (see {@link DataRows#lengthAt(int, int, int, int)}). A {@link Row} passes the last column
     * it found, so reading the columns in order, or one column twice, walks each length once.
     */
    int lengthAt(int row, int column, int fromColumn, int fromPos) {
        column(column);
        return data.lengthAt(row, column, fromColumn, fromPos);
    }

    /** The offset in {@link #chunkOf} where {@code row}'s first column's length is. */
    int rowStart(int row) {
        return data.rowStart(row);
    }

    boolean isNullAt(int row, int at) {
        return Bytes.int32(chunkOf(row), at) < 0;
    }

    /** The decoded value of {@code column}, whose length is at offset {@code at} of the row's chunk. */
    Object valueAt(int row, int column, int at) {
        byte[] chunk = chunkOf(row);
        int len = Bytes.int32(chunk, at);
        Column c = columns[column];
        return len < 0 ? null : data.codecs().decode(c.typeOid(), c.binary(), chunk, at + 4, len);
    }

    /** As {@link #valueAt(int, int, int)}, converted to {@code type}. */
    <T> T valueAt(int row, int column, int at, Class<T> type) {
        byte[] chunk = chunkOf(row);
        int len = Bytes.int32(chunk, at);
        Column c = columns[column];
        return len < 0 ? null : data.codecs().decode(c.typeOid(), c.binary(), chunk, at + 4, len, type);
    }

    @Override
    public String toString() {
        return "RowSet[" + data.commandTag() + ", " + data.size() + " rows, columns " + Arrays.toString(columns) + "]";
    }
}
