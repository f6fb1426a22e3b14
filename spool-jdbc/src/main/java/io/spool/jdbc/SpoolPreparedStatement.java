package io.spool.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Date;
import java.sql.ParameterMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A JDBC prepared statement: its {@code ?} placeholders were numbered {@code $1, $2, ...} by {@link SqlLexer},
 * and each execution runs on spool-pg's extended protocol with the values bound (prepared once per server
 * connection and cached there). A batch is sent as one pipelined round trip. With generated keys asked for,
 * an INSERT, UPDATE, DELETE or MERGE gets {@code RETURNING} (all columns, or the ones named).
 */
public class SpoolPreparedStatement extends UnsupportedPreparedStatement {
    private static final Object UNSET = new Object();
    private final Object[] values;
    /** The PostgreSQL type of a NULL bound with {@code setNull(i, type)}, per slot; null when untyped. */
    private final String[] nullTypes;
    private final List<Object[]> batches = new ArrayList<>();
    private ParsedSql returning;

    SpoolPreparedStatement(SpoolConnection connection, int resultSetType, ParsedSql parsed) {
        super(connection, resultSetType, parsed);
        this.values = new Object[parsed.parameterCount()];
        this.nullTypes = new String[values.length];
        Arrays.fill(values, UNSET);
    }

    /** Asks for generated keys: {@code RETURNING} the named columns, or all of them when none is named. */
    void returnGeneratedKeys(List<String> columns) {
        String head = prepared.head();
        if (!(head.startsWith("INSERT") || head.startsWith("UPDATE") || head.startsWith("DELETE")
                || head.startsWith("MERGE")) || prepared.hasReturning()) {
            return;  // nothing to add: not a row-changing statement, or it says RETURNING itself
        }
        StringBuilder sql = new StringBuilder(prepared.sql().stripTrailing().replaceAll(";+$", "")).append(" RETURNING ");
        if (columns.isEmpty()) {
            sql.append('*');
        } else {
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).replace("\"", "\"\"")).append('"');
            }
        }
        returning = new ParsedSql(sql.toString(), prepared.parameterCount(), prepared.statementHeads(), true,
                prepared.placeholderEnds());
    }

    /** Maps a JDBC parameter index to this statement's 0-based slot (a callable statement shifts it). */
    int slot(int parameterIndex) throws SQLException {
        if (parameterIndex < 1 || parameterIndex > values.length) {
            throw new SQLException("parameter index " + parameterIndex + " is outside 1.." + values.length
                    + " for: " + prepared.sql(), "22023");
        }
        return parameterIndex - 1;
    }

    void bind(int parameterIndex, Object value) throws SQLException {
        checkOpen();
        int slot = slot(parameterIndex);
        values[slot] = Values.toParameter(value);
        nullTypes[slot] = null;
    }

    /** The statement to run: with casts for typed NULLs (as pgjdbc declares them), else as prepared. */
    private ParsedSql statementFor(ParsedSql sql) {
        for (String t : nullTypes) {
            if (t != null) {
                return sql.withCasts(nullTypes);
            }
        }
        return sql;
    }

    Object[] bound() throws SQLException {
        Object[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == UNSET && isOut(i)) {
                out[i] = null;  // an OUT parameter of a procedure: CALL takes NULL in its place
            } else if (out[i] == UNSET) {
                throw new SQLException("no value given for parameter " + (i + 1) + " of: " + prepared.sql(), "07001");
            }
        }
        return out;
    }

    /** Whether 0-based slot {@code i} is an OUT parameter (of a callable statement), which needs no value. */
    boolean isOut(int i) {
        return false;
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!execute()) {
            throw new SQLException("the statement returned no rows: " + prepared.sql(), "02000");
        }
        return current;
    }

    @Override
    public int executeUpdate() throws SQLException {
        return Math.toIntExact(executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        execute();
        return Math.max(updateCount, 0);
    }

    @Override
    public boolean execute() throws SQLException {
        if (returning != null) {
            runReturningKeys(statementFor(returning), List.<Object[]>of(bound()));
            return false;
        }
        return run(statementFor(prepared), bound());
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batches.add(bound());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batches.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toInts(executeLargeBatch());
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        closeResults();
        List<Object[]> sets = new ArrayList<>(batches);
        batches.clear();
        if (sets.isEmpty()) {
            return new long[0];
        }
        if (returning != null) {
            runReturningKeys(returning, sets);  // one statement at a time, to collect every key
            long[] counts = new long[sets.size()];
            Arrays.fill(counts, SUCCESS_NO_INFO);
            return counts;
        }
        return executeBatch(prepared, BatchTypes.unify(sets));
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(values, UNSET);
        Arrays.fill(nullTypes, null);
    }

    @Override
    public void setNull(int i, int sqlType) throws SQLException {
        bind(i, null);
        String type = JdbcTypes.pgName(sqlType);
        // strings stay untyped: the server gives them the type the statement needs (an enum, json, ...)
        nullTypes[slot(i)] = "text".equals(type) || "bpchar".equals(type) ? null : type;
    }

    @Override
    public void setNull(int i, int sqlType, String typeName) throws SQLException {
        bind(i, null);
    }

    @Override
    public void setBoolean(int i, boolean x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setByte(int i, byte x) throws SQLException {
        bind(i, (short) x);
    }

    @Override
    public void setShort(int i, short x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setInt(int i, int x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setLong(int i, long x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setFloat(int i, float x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setDouble(int i, double x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBigDecimal(int i, BigDecimal x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setString(int i, String x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setNString(int i, String x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBytes(int i, byte[] x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setDate(int i, Date x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setDate(int i, Date x, Calendar cal) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setTime(int i, Time x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setTime(int i, Time x, Calendar cal) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setTimestamp(int i, Timestamp x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
        bind(i, x == null || cal == null ? x : x.toInstant().atZone(cal.getTimeZone().toZoneId()).toLocalDateTime());
    }

    @Override
    public void setObject(int i, Object x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType) throws SQLException {
        bind(i, convert(x, targetSqlType));
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        Object v = convert(x, targetSqlType);
        bind(i, v instanceof BigDecimal d && (targetSqlType == Types.NUMERIC || targetSqlType == Types.DECIMAL)
                ? d.setScale(scaleOrLength, java.math.RoundingMode.HALF_UP) : v);
    }

    /** {@code setObject(i, x, targetSqlType)}: the value converted to the Java type that binds as that SQL type. */
    private static Object convert(Object x, int sqlType) throws SQLException {
        Object v = Values.toParameter(x);
        if (v == null) {
            return null;
        }
        try {
            return switch (sqlType) {
                case Types.BIT, Types.BOOLEAN -> Values.bool(v);
                case Types.TINYINT, Types.SMALLINT -> (short) Values.integral(v, "smallint", Short.MIN_VALUE, Short.MAX_VALUE);
                case Types.INTEGER -> (int) Values.integral(v, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
                case Types.BIGINT -> v instanceof BigInteger b ? b.longValueExact()
                        : Values.integral(v, "bigint", Long.MIN_VALUE, Long.MAX_VALUE);
                case Types.REAL, Types.FLOAT -> Values.number(v, "real").floatValue();
                case Types.DOUBLE -> Values.number(v, "double").doubleValue();
                case Types.NUMERIC, Types.DECIMAL -> Values.bigDecimal(v);
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                     Types.CLOB, Types.NCLOB -> v instanceof String ? v : v.toString();
                case Types.DATE -> v instanceof String s ? LocalDate.parse(s) : v;
                case Types.TIME -> v instanceof String s ? LocalTime.parse(s) : v;
                case Types.TIMESTAMP -> v instanceof String s ? LocalDateTime.parse(s.replace(' ', 'T')) : v;
                case Types.TIMESTAMP_WITH_TIMEZONE -> v instanceof String s ? OffsetDateTime.parse(s) : v;
                default -> v;
            };
        } catch (RuntimeException e) {
            throw Values.cannot(v, "SQL type " + sqlType);
        }
    }

    @Override
    public void setArray(int i, Array x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBinaryStream(int i, InputStream x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setCharacterStream(int i, Reader x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setCharacterStream(int i, Reader x, int length) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setCharacterStream(int i, Reader x, long length) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setNCharacterStream(int i, Reader x) throws SQLException {
        bind(i, x);
    }

    @Override
    public void setNCharacterStream(int i, Reader x, long length) throws SQLException {
        bind(i, x);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return current == null ? null : current.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.getParameterMetaData()");
    }

    // a prepared statement's own text is fixed: JDBC forbids running another through it

    @Override
    public boolean execute(String sql) throws SQLException {
        throw new SQLException("a PreparedStatement runs its own SQL; use a Statement for another", "42000");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw new SQLException("a PreparedStatement runs its own SQL; use a Statement for another", "42000");
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw new SQLException("a PreparedStatement runs its own SQL; use a Statement for another", "42000");
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw new SQLException("a PreparedStatement runs its own SQL; use a Statement for another", "42000");
    }
}
