package io.spool.jdbc;

import io.spool.pg.Column;
import io.spool.pg.Row;
import io.spool.pg.RowSet;
import io.spool.pg.RowStream;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A read-only JDBC result set over spool-pg rows: over a whole {@link RowSet} (which may be scrolled when the
 * statement asked for {@code TYPE_SCROLL_INSENSITIVE}), or over a {@link RowStream} that fetches the next batch
 * from the server as the reader goes on (forward only). Values are decoded by spool-pg; the getters convert as
 * JDBC asks ({@link Values}).
 */
public final class SpoolResultSet extends UnsupportedResultSet {
    private final SpoolStatement statement;
    private final int type;
    private final List<Row> rows;
    private final RowStream stream;
    private final Runnable onClose;
    private final int maxRows;
    private List<Column> columns;
    private Map<String, Integer> byLabel;
    /** 0 before the first row, 1-based position on a row, size+1 after the last. */
    private int position;
    private Row row;
    private boolean lastWasNull;
    private boolean closed;
    private int fetchSize;

    private SpoolResultSet(SpoolStatement statement, int type, List<Column> columns, List<Row> rows, RowStream stream,
                           int maxRows, Runnable onClose) {
        this.statement = statement;
        this.type = type;
        this.columns = columns;
        this.rows = rows;
        this.stream = stream;
        this.maxRows = maxRows;
        this.onClose = onClose;
    }

    static SpoolResultSet buffered(SpoolStatement statement, RowSet set, int maxRows) {
        List<Row> rows = maxRows > 0 && set.size() > maxRows ? set.subList(0, maxRows) : set;
        return new SpoolResultSet(statement, statement == null ? TYPE_SCROLL_INSENSITIVE : statement.resultSetType,
                set.columns(), rows, null, 0, null);
    }

    static SpoolResultSet buffered(SpoolStatement statement, List<Column> columns, List<Row> rows) {
        return new SpoolResultSet(statement, TYPE_SCROLL_INSENSITIVE, columns, rows, null, 0, null);
    }

    static SpoolResultSet streaming(SpoolStatement statement, RowStream stream, int maxRows, Runnable onClose) {
        return new SpoolResultSet(statement, TYPE_FORWARD_ONLY, null, null, stream, maxRows, onClose);
    }

    static SpoolResultSet empty(SpoolStatement statement) {
        return new SpoolResultSet(statement, TYPE_FORWARD_ONLY, List.of(), List.of(), null, 0, null);
    }

    List<Column> columns() throws SQLException {
        if (columns == null) {
            try {
                columns = stream.columns();
            } catch (RuntimeException e) {
                throw SqlExceptions.of(e);
            }
        }
        return columns;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("result set");
        }
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (stream != null) {
            try {
                if ((maxRows == 0 || position < maxRows) && stream.hasNext()) {
                    row = stream.next();
                    position++;
                    return true;
                }
            } catch (RuntimeException e) {
                throw SqlExceptions.of(e);
            }
            row = null;  // after the last row; position stays > 0 unless there were none
            return false;
        }
        return moveTo(position + 1);
    }

    /** Moves to 1-based {@code target} of a buffered result (0 before the first row, size+1 after the last). */
    private boolean moveTo(int target) {
        int size = rows.size();
        position = Math.max(0, Math.min(target, size + 1));
        row = position >= 1 && position <= size ? rows.get(position - 1) : null;
        return row != null;
    }

    private void checkScrollable(String method) throws SQLException {
        checkOpen();
        if (type == TYPE_FORWARD_ONLY || rows == null) {
            throw new SQLException("ResultSet." + method + " needs a scrollable result set (TYPE_SCROLL_INSENSITIVE); "
                    + "this one is forward only", "24000");
        }
    }

    @Override
    public boolean previous() throws SQLException {
        checkScrollable("previous()");
        return moveTo(position - 1);
    }

    @Override
    public boolean first() throws SQLException {
        checkScrollable("first()");
        return moveTo(1);
    }

    @Override
    public boolean last() throws SQLException {
        checkScrollable("last()");
        return moveTo(rows.size());
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkScrollable("beforeFirst()");
        moveTo(0);
    }

    @Override
    public void afterLast() throws SQLException {
        checkScrollable("afterLast()");
        moveTo(rows.size() + 1);
    }

    @Override
    public boolean absolute(int at) throws SQLException {
        checkScrollable("absolute(int)");
        return moveTo(at >= 0 ? at : rows.size() + 1 + at);
    }

    @Override
    public boolean relative(int by) throws SQLException {
        checkScrollable("relative(int)");
        return moveTo(position + by);
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row == null ? 0 : position;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        if (rows == null) {
            return position == 0 && stream.hasNext();
        }
        return position == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        if (rows == null) {
            return position > 0 && row == null;
        }
        return position > rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row != null && position == 1;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        if (rows == null) {
            return row != null && !stream.hasNext();
        }
        return row != null && position == rows.size();
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public int getConcurrency() {
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() {
        return HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getFetchDirection() {
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        if (direction != FETCH_FORWARD) {
            throw SqlExceptions.unsupported("ResultSet.setFetchDirection(" + direction + ") (only FETCH_FORWARD)");
        }
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = rows;  // the statement's fetch size chose the batches; kept only to be read back
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public Statement getStatement() {
        return statement;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        } finally {
            if (onClose != null) {
                onClose.run();
            }
            if (statement != null) {
                statement.resultSetClosed(this);
            }
        }
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new SpoolResultSetMetaData(columns());
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (byLabel == null) {
            Map<String, Integer> map = new HashMap<>();
            List<Column> cs = columns();
            for (int i = cs.size() - 1; i >= 0; i--) {  // the first of equal names wins
                map.put(cs.get(i).name(), i + 1);
                map.putIfAbsent(cs.get(i).name().toLowerCase(Locale.ROOT), i + 1);
            }
            byLabel = map;
        }
        Integer at = byLabel.get(label);
        if (at == null) {
            at = byLabel.get(label.toLowerCase(Locale.ROOT));
        }
        if (at == null) {
            throw new SQLException("no column labelled '" + label + "' in this result", "42703");
        }
        return at;
    }

    /** Checks that the result set is on a row that has 1-based {@code column}. */
    private void checkColumn(int column) throws SQLException {
        checkOpen();
        if (row == null) {
            throw new SQLException("the result set is not on a row (call next() first)", "24000");
        }
        if (column < 1 || column > row.size()) {
            throw new SQLException("column " + column + " is outside 1.." + row.size(), "22023");
        }
    }

    /** Whether 1-based {@code column} of the current row is NULL (recorded for {@link #wasNull}). */
    private boolean isNull(int column) throws SQLException {
        checkColumn(column);
        lastWasNull = row.isNull(column - 1);
        return lastWasNull;
    }

    /** Whether 1-based {@code column} arrives in binary as the type {@code oid}: its typed getter reads it directly. */
    private boolean binaryOf(int column, int oid) throws SQLException {
        Column c = columns().get(column - 1);
        return c.binary() && c.typeOid() == oid;
    }

    /** The decoded value of 1-based {@code column} of the current row; records whether it was NULL. */
    private Object value(int column) throws SQLException {
        checkColumn(column);
        try {
            Object v = row.get(column - 1);
            if (v instanceof String) {
                Column c = columns().get(column - 1);
                Class<?> natural = c.binary() ? null : JdbcTypes.naturalClass(c.typeName());
                if (natural != null) {
                    v = row.get(column - 1, natural);  // a text result (simple protocol): the binary one's type
                }
            }
            lastWasNull = v == null;
            return v;
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    private String pgName(int column) throws SQLException {
        return columns().get(column - 1).typeName();
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return lastWasNull;
    }

    @Override
    public String getString(int column) throws SQLException {
        checkColumn(column);
        try {
            String v = row.getString(column - 1);
            lastWasNull = v == null;
            return v;
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        if (!isNull(column) && binaryOf(column, JdbcTypes.BOOL)) {
            return row.booleanValue(column - 1);
        }
        Object v = value(column);
        return v != null && Values.bool(v);
    }

    @Override
    public byte getByte(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : (byte) Values.integral(v, "byte", Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    @Override
    public short getShort(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : (short) Values.integral(v, "short", Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public int getInt(int column) throws SQLException {
        if (!isNull(column) && binaryOf(column, JdbcTypes.INT4)) {
            return row.intValue(column - 1);
        }
        Object v = value(column);
        if (v instanceof Integer i) {
            return i;
        }
        return v == null ? 0 : (int) Values.integral(v, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public long getLong(int column) throws SQLException {
        if (!isNull(column) && binaryOf(column, JdbcTypes.INT8)) {
            return row.longValue(column - 1);
        }
        Object v = value(column);
        if (v instanceof Long l) {
            return l;
        }
        return v == null ? 0 : Values.integral(v, "long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public float getFloat(int column) throws SQLException {
        Object v = value(column);
        return v == null ? 0 : Values.number(v, "float").floatValue();
    }

    @Override
    public double getDouble(int column) throws SQLException {
        if (!isNull(column) && binaryOf(column, JdbcTypes.FLOAT8)) {
            return row.doubleValue(column - 1);
        }
        Object v = value(column);
        return v == null ? 0 : Values.number(v, "double").doubleValue();
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        Object v = value(column);
        return v == null ? null : Values.bigDecimal(v);
    }

    @Override
    public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(column);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        Object v = value(column);
        if (v == null || v instanceof byte[]) {
            return (byte[]) v;
        }
        throw Values.cannot(v, "byte[]");
    }

    @Override
    public Date getDate(int column) throws SQLException {
        return getDate(column, null);
    }

    @Override
    public Date getDate(int column, Calendar cal) throws SQLException {
        Object v = value(column);
        return v == null ? null : Values.date(v, cal);
    }

    @Override
    public Time getTime(int column) throws SQLException {
        return getTime(column, null);
    }

    @Override
    public Time getTime(int column, Calendar cal) throws SQLException {
        Object v = value(column);
        return v == null ? null : Values.time(v, cal);
    }

    @Override
    public Timestamp getTimestamp(int column) throws SQLException {
        return getTimestamp(column, null);
    }

    @Override
    public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
        Object v = value(column);
        return v == null ? null : Values.timestamp(v, cal);
    }

    @Override
    public Object getObject(int column) throws SQLException {
        Object v = value(column);
        return Values.toJdbcObject(v, pgName(column));
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("getObject needs a type", "22023");
        }
        if (type == Array.class) {
            return type.cast(getArray(column));
        }
        checkColumn(column);
        try {
            T v = row.get(column - 1, type);  // decoded straight to the type asked for
            lastWasNull = v == null;
            return v;
        } catch (RuntimeException e) {
            return type.cast(Values.convertForJdbc(value(column), type));
        }
    }

    @Override
    public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.unsupported("ResultSet.getObject(int, Map) with a type map");
        }
        return getObject(column);
    }

    @Override
    public Array getArray(int column) throws SQLException {
        Object v = value(column);
        if (v == null) {
            return null;
        }
        if (v instanceof Object[] items) {
            String name = pgName(column);
            return new SpoolArray(name.endsWith("[]") ? name.substring(0, name.length() - 2) : name, items);
        }
        throw Values.cannot(v, "java.sql.Array");
    }

    @Override
    public InputStream getBinaryStream(int column) throws SQLException {
        byte[] b = getBytes(column);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        String s = getString(column);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public String getNString(int column) throws SQLException {
        return getString(column);
    }

    @Override
    public Reader getNCharacterStream(int column) throws SQLException {
        return getCharacterStream(column);
    }

    // by label: the same, after findColumn

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label), cal);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label), cal);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public Array getArray(String label) throws SQLException {
        return getArray(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return SqlExceptions.unwrap(this, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
