package io.spool.jdbc;

import io.spool.pg.Column;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * A result's columns as JDBC describes them: label, PostgreSQL type name, {@link Types} code and Java class
 * as pgjdbc reports them. What the RowDescription does not say (the base table and schema, nullability) is
 * answered with JDBC's "unknown" values, as the interface allows.
 */
final class SpoolResultSetMetaData implements ResultSetMetaData {
    private final List<Column> columns;

    SpoolResultSetMetaData(List<Column> columns) {
        this.columns = columns;
    }

    private Column column(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw new SQLException("column " + i + " is outside 1.." + columns.size(), "22023");
        }
        return columns.get(i - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        int t = getColumnType(column);
        return t == Types.VARCHAR || t == Types.CHAR || t == Types.OTHER;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return column(column).typeName().equals("money");
    }

    @Override
    public int isNullable(int column) throws SQLException {
        column(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        String name = column(column).typeName();
        int t = JdbcTypes.sqlType(name.endsWith("[]") ? name.substring(0, name.length() - 2) : name);  // arrays: the element
        return t == Types.SMALLINT || t == Types.INTEGER || t == Types.BIGINT || t == Types.REAL
                || t == Types.DOUBLE || t == Types.NUMERIC;
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return Math.max(getPrecision(column), column(column).name().length());
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name();
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        Column c = column(column);
        int mod = c.typeModifier();
        return switch (c.typeName()) {
            case "int2" -> 5;
            case "int4", "oid" -> 10;
            case "int8" -> 19;
            case "float4" -> 8;
            case "float8" -> 17;
            case "bool" -> 1;
            case "numeric" -> mod < 4 ? 0 : ((mod - 4) >> 16) & 0xffff;
            case "varchar", "bpchar" -> mod < 4 ? 0 : mod - 4;
            case "date" -> 13;
            case "timestamp", "timestamptz" -> 35;
            default -> 0;
        };
    }

    @Override
    public int getScale(int column) throws SQLException {
        Column c = column(column);
        int mod = c.typeModifier();
        return switch (c.typeName()) {
            case "numeric" -> mod >= 4 ? (mod - 4) & 0xffff : 0;
            case "float4" -> 8;
            case "float8" -> 17;
            case "time", "timetz", "timestamp", "timestamptz" -> mod >= 0 ? mod : 6;  // fractional second digits
            default -> 0;
        };
    }

    @Override
    public String getTableName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return JdbcTypes.sqlType(column(column).typeName());
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        String name = column(column).typeName();
        return name.endsWith("[]") ? "_" + name.substring(0, name.length() - 2) : name;
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return JdbcTypes.className(column(column).typeName());
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
