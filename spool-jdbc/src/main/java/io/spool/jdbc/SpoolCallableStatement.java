package io.spool.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JDBC callable statement. {@code {? = call f(?, ...)}} runs {@code SELECT f($1, ...)} and parameter 1 is
 * the function's result; {@code {call p(?, ...)}} runs {@code CALL p(...)} when {@code p} is a procedure (its
 * OUT and INOUT parameters are read from the row CALL returns; bind NULL or the INOUT value to them) and
 * {@code SELECT * FROM f(...)} when it is a function. Any other text runs as it is. OUT parameters are read by
 * index; by name, they are not supported.
 */
public final class SpoolCallableStatement extends UnsupportedCallableStatement {
    private static final Pattern ESCAPE = Pattern.compile("(?is)^\\s*\\{\\s*(\\?\\s*=\\s*)?call\\s+(.+?)\\s*}\\s*;?\\s*$");
    private final boolean returnsValue;
    private final TreeSet<Integer> outs = new TreeSet<>();
    private SpoolResultSet outValues;

    private SpoolCallableStatement(SpoolConnection connection, int resultSetType, ParsedSql parsed, boolean returnsValue) {
        super(connection, resultSetType, parsed);
        this.returnsValue = returnsValue;
        if (returnsValue) {
            outs.add(1);
        }
    }

    static SpoolCallableStatement of(SpoolConnection connection, int resultSetType, String sql) throws SQLException {
        Matcher m = ESCAPE.matcher(sql);
        if (!m.matches()) {
            return new SpoolCallableStatement(connection, resultSetType, SqlLexer.parse(sql, true), false);
        }
        boolean returnsValue = m.group(1) != null;
        String body = m.group(2);
        if (!body.contains("(")) {
            body += "()";
        }
        String text;
        if (returnsValue) {
            text = "SELECT " + body;
        } else {
            text = (isProcedure(connection, body.substring(0, body.indexOf('(')).strip()) ? "CALL " : "SELECT * FROM ")
                    + body;
        }
        return new SpoolCallableStatement(connection, resultSetType, SqlLexer.parse(text, true), returnsValue);
    }

    private static boolean isProcedure(SpoolConnection connection, String name) throws SQLException {
        try (var s = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_proc WHERE prokind = 'p' "
                + "AND oid = to_regproc(?)::oid)")) {
            s.setString(1, name);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            } catch (SQLException e) {
                return false;  // overloaded names: to_regproc is ambiguous; a function is then the likelier
            }
        }
    }

    @Override
    int slot(int parameterIndex) throws SQLException {
        if (returnsValue) {
            if (parameterIndex == 1) {
                throw new SQLException("parameter 1 is the function's result; it takes no value", "22023");
            }
            return super.slot(parameterIndex - 1);
        }
        return super.slot(parameterIndex);
    }

    @Override
    boolean isOut(int i) {
        return outs.contains(returnsValue ? i + 2 : i + 1);
    }

    @Override
    public boolean execute() throws SQLException {
        boolean rows = super.execute();
        outValues = null;
        if (!outs.isEmpty() && rows) {
            SpoolResultSet rs = current;
            if (!rs.next()) {
                throw new SQLException("the call returned no row to read OUT parameters from", "02000");
            }
            outValues = rs;
        }
        return rows;
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        checkOpen();
        if (!returnsValue || parameterIndex != 1) {
            slot(parameterIndex);
            outs.add(parameterIndex);
        }
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    @Override
    public void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        registerOutParameter(parameterIndex, sqlType);
    }

    /** The result column of OUT parameter {@code parameterIndex}: the OUT parameters in order. */
    private SpoolResultSet out(int parameterIndex) throws SQLException {
        checkOpen();
        if (!outs.contains(parameterIndex)) {
            throw new SQLException("parameter " + parameterIndex + " was not registered as an OUT parameter", "22023");
        }
        if (outValues == null) {
            throw new SQLException("execute the call before reading its OUT parameters", "24000");
        }
        return outValues;
    }

    private int column(int parameterIndex) {
        return outs.headSet(parameterIndex).size() + 1;
    }

    @Override
    public boolean wasNull() throws SQLException {
        if (outValues == null) {
            throw new SQLException("execute the call before reading its OUT parameters", "24000");
        }
        return outValues.wasNull();
    }

    @Override
    public String getString(int i) throws SQLException {
        return out(i).getString(column(i));
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        return out(i).getBoolean(column(i));
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return out(i).getByte(column(i));
    }

    @Override
    public short getShort(int i) throws SQLException {
        return out(i).getShort(column(i));
    }

    @Override
    public int getInt(int i) throws SQLException {
        return out(i).getInt(column(i));
    }

    @Override
    public long getLong(int i) throws SQLException {
        return out(i).getLong(column(i));
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return out(i).getFloat(column(i));
    }

    @Override
    public double getDouble(int i) throws SQLException {
        return out(i).getDouble(column(i));
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        return out(i).getBigDecimal(column(i));
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        return out(i).getBytes(column(i));
    }

    @Override
    public Date getDate(int i) throws SQLException {
        return out(i).getDate(column(i));
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        return out(i).getDate(column(i), cal);
    }

    @Override
    public Time getTime(int i) throws SQLException {
        return out(i).getTime(column(i));
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        return out(i).getTime(column(i), cal);
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        return out(i).getTimestamp(column(i));
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        return out(i).getTimestamp(column(i), cal);
    }

    @Override
    public Object getObject(int i) throws SQLException {
        return out(i).getObject(column(i));
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        return out(i).getObject(column(i), type);
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        return out(i).getObject(column(i), map);
    }

    @Override
    public Array getArray(int i) throws SQLException {
        return out(i).getArray(column(i));
    }
}
