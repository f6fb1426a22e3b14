package io.spool.jdbc;

import java.sql.Types;

/**
 * PostgreSQL type names ({@code int4}, {@code timestamptz}, {@code text[]}) seen from JDBC: the
 * {@link java.sql.Types} code and the Java class {@code getObject} returns, as pgjdbc reports them, so code
 * written against pgjdbc's metadata reads ours the same way.
 */
final class JdbcTypes {
    static final int BOOL = 16;
    static final int INT8 = 20;
    static final int INT4 = 23;
    static final int FLOAT8 = 701;

    private JdbcTypes() {}

    static int sqlType(String pgName) {
        if (pgName.endsWith("[]")) {
            return Types.ARRAY;
        }
        return switch (pgName) {
            case "bool" -> Types.BIT;
            case "int2" -> Types.SMALLINT;
            case "int4", "oid" -> Types.INTEGER;
            case "int8" -> Types.BIGINT;
            case "float4" -> Types.REAL;
            case "float8", "money" -> Types.DOUBLE;
            case "numeric" -> Types.NUMERIC;
            case "bpchar", "char" -> Types.CHAR;
            case "varchar", "text", "name", "json", "jsonb", "xml", "jsonpath", "unknown" -> Types.VARCHAR;
            case "bytea" -> Types.BINARY;
            case "date" -> Types.DATE;
            case "time", "timetz" -> Types.TIME;             // as pgjdbc reports them
            case "timestamp", "timestamptz" -> Types.TIMESTAMP;
            default -> Types.OTHER;  // uuid, interval, inet, user types: as pgjdbc
        };
    }

    static String className(String pgName) {
        if (pgName.endsWith("[]")) {
            return "java.sql.Array";
        }
        return switch (sqlType(pgName)) {
            case Types.BIT -> "java.lang.Boolean";
            case Types.SMALLINT, Types.INTEGER -> "java.lang.Integer";
            case Types.BIGINT -> "java.lang.Long";
            case Types.REAL -> "java.lang.Float";
            case Types.DOUBLE -> "java.lang.Double";
            case Types.NUMERIC -> "java.math.BigDecimal";
            case Types.CHAR, Types.VARCHAR -> "java.lang.String";
            case Types.BINARY -> "[B";
            case Types.DATE -> "java.sql.Date";
            case Types.TIME -> "java.sql.Time";
            case Types.TIMESTAMP -> "java.sql.Timestamp";
            default -> pgName.equals("uuid") ? "java.util.UUID" : "java.lang.Object";
        };
    }

    /**
     * The class spool-pg decodes a binary value of {@code pgName} to, for reading a text-format value (from the
     * simple protocol) as the same Java type; null for types read as text anyway.
     */
    static Class<?> naturalClass(String pgName) {
        return switch (pgName) {
            case "bool" -> Boolean.class;
            case "int2" -> Short.class;
            case "int4" -> Integer.class;
            case "int8", "oid" -> Long.class;
            case "float4" -> Float.class;
            case "float8" -> Double.class;
            case "numeric" -> java.math.BigDecimal.class;
            case "uuid" -> java.util.UUID.class;
            case "bytea" -> byte[].class;
            case "date" -> java.time.LocalDate.class;
            case "time" -> java.time.LocalTime.class;
            case "timetz" -> java.time.OffsetTime.class;
            case "timestamp" -> java.time.LocalDateTime.class;
            case "timestamptz" -> java.time.OffsetDateTime.class;
            default -> pgName.endsWith("[]") ? Object[].class : null;
        };
    }

    /** The PostgreSQL type name for a {@link java.sql.Types} code, for typed nulls and casts. */
    static String pgName(int sqlType) {
        return switch (sqlType) {
            case Types.BIT, Types.BOOLEAN -> "bool";
            case Types.TINYINT, Types.SMALLINT -> "int2";
            case Types.INTEGER -> "int4";
            case Types.BIGINT -> "int8";
            case Types.REAL, Types.FLOAT -> "float4";
            case Types.DOUBLE -> "float8";
            case Types.NUMERIC, Types.DECIMAL -> "numeric";
            case Types.CHAR, Types.NCHAR -> "bpchar";
            case Types.VARCHAR, Types.NVARCHAR, Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> "text";
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> "bytea";
            case Types.DATE -> "date";
            case Types.TIME -> "time";
            case Types.TIME_WITH_TIMEZONE -> "timetz";
            case Types.TIMESTAMP -> "timestamp";
            case Types.TIMESTAMP_WITH_TIMEZONE -> "timestamptz";
            default -> null;
        };
    }
}
