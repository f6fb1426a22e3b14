package io.spool.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

/**
 * A PostgreSQL array as a JDBC {@link Array}: a Java array of the element values (boxed, nested for several
 * dimensions, starting at index 0) and the element type's name. Made by {@code Connection.createArrayOf} to
 * bind, and by {@code ResultSet.getArray} when reading.
 */
public final class SpoolArray implements Array {
    private final String baseTypeName;
    private Object[] elements;

    SpoolArray(String baseTypeName, Object[] elements) {
        this.baseTypeName = baseTypeName;
        this.elements = elements;
    }

    Object[] elements() throws SQLException {
        if (elements == null) {
            throw new SQLException("the array was freed", "55000");
        }
        return elements;
    }

    @Override
    public String getBaseTypeName() {
        return baseTypeName;
    }

    @Override
    public int getBaseType() {
        return JdbcTypes.sqlType(baseTypeName);
    }

    @Override
    public Object getArray() throws SQLException {
        return elements();
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.unsupported("Array.getArray(Map) with a type map");
        }
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        Object[] all = elements();
        if (index < 1 || count < 0 || index - 1 + count > all.length) {
            throw new SQLException("array slice " + index + "+" + count + " outside 1.." + all.length, "2202E");
        }
        return Arrays.copyOfRange(all, (int) index - 1, (int) index - 1 + count);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.unsupported("Array.getArray(long, int, Map) with a type map");
        }
        return getArray(index, count);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        throw SqlExceptions.unsupported("Array.getResultSet()");
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        throw SqlExceptions.unsupported("Array.getResultSet(Map)");
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        throw SqlExceptions.unsupported("Array.getResultSet(long, int)");
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        throw SqlExceptions.unsupported("Array.getResultSet(long, int, Map)");
    }

    @Override
    public void free() {
        elements = null;
    }

    @Override
    public String toString() {
        return Arrays.deepToString(elements);
    }
}
