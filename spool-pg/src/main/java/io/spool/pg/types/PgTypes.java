package io.spool.pg.types;

/**
 * The OIDs of PostgreSQL's built-in types that the driver knows by name, and the pairing of each array type with
 * its element type. OIDs of built-in types are fixed in the server's catalog ({@code pg_type.dat}) and never
 * change between versions, so they are constants here; user-defined types (enums, domains, composites) have
 * per-database OIDs and are handled as text.
 */
public final class PgTypes {
    private PgTypes() {}

    public static final int BOOL = 16;
    public static final int BYTEA = 17;
    public static final int CHAR = 18;
    public static final int NAME = 19;
    public static final int INT8 = 20;
    public static final int INT2 = 21;
    public static final int INT4 = 23;
    public static final int TEXT = 25;
    public static final int OID = 26;
    public static final int JSON = 114;
    public static final int XML = 142;
    public static final int POINT = 600;
    public static final int CIDR = 650;
    public static final int FLOAT4 = 700;
    public static final int FLOAT8 = 701;
    public static final int UNKNOWN = 705;
    public static final int MONEY = 790;
    public static final int MACADDR = 829;
    public static final int INET = 869;
    public static final int BPCHAR = 1042;
    public static final int VARCHAR = 1043;
    public static final int DATE = 1082;
    public static final int TIME = 1083;
    public static final int TIMESTAMP = 1114;
    public static final int TIMESTAMPTZ = 1184;
    public static final int INTERVAL = 1186;
    public static final int TIMETZ = 1266;
    public static final int BIT = 1560;
    public static final int VARBIT = 1562;
    public static final int NUMERIC = 1700;
    public static final int RECORD = 2249;
    public static final int VOID = 2278;
    public static final int UUID = 2950;
    public static final int TSVECTOR = 3614;
    public static final int JSONB = 3802;
    public static final int JSONPATH = 4072;

    public static final int JSON_ARRAY = 199;
    public static final int BOOL_ARRAY = 1000;
    public static final int BYTEA_ARRAY = 1001;
    public static final int CHAR_ARRAY = 1002;
    public static final int NAME_ARRAY = 1003;
    public static final int INT2_ARRAY = 1005;
    public static final int INT4_ARRAY = 1007;
    public static final int TEXT_ARRAY = 1009;
    public static final int BPCHAR_ARRAY = 1014;
    public static final int VARCHAR_ARRAY = 1015;
    public static final int INT8_ARRAY = 1016;
    public static final int FLOAT4_ARRAY = 1021;
    public static final int FLOAT8_ARRAY = 1022;
    public static final int OID_ARRAY = 1028;
    public static final int TIMESTAMP_ARRAY = 1115;
    public static final int DATE_ARRAY = 1182;
    public static final int TIME_ARRAY = 1183;
    public static final int TIMESTAMPTZ_ARRAY = 1185;
    public static final int INTERVAL_ARRAY = 1187;
    public static final int NUMERIC_ARRAY = 1231;
    public static final int TIMETZ_ARRAY = 1270;
    public static final int UUID_ARRAY = 2951;
    public static final int JSONB_ARRAY = 3807;

    /** The type's name as PostgreSQL spells it ({@code "int4"}, {@code "int4[]"}), or {@code "oid 12345"}. */
    public static String name(int oid) {
        String scalar = scalarName(oid);
        if (scalar != null) {
            return scalar;
        }
        int element = elementOf(oid);
        if (element != 0) {
            return scalarName(element) + "[]";
        }
        return "oid " + oid;
    }

    private static String scalarName(int oid) {
        return switch (oid) {
            case BOOL -> "bool";
            case BYTEA -> "bytea";
            case CHAR -> "char";
            case NAME -> "name";
            case INT8 -> "int8";
            case INT2 -> "int2";
            case INT4 -> "int4";
            case TEXT -> "text";
            case OID -> "oid";
            case JSON -> "json";
            case XML -> "xml";
            case POINT -> "point";
            case CIDR -> "cidr";
            case FLOAT4 -> "float4";
            case FLOAT8 -> "float8";
            case UNKNOWN -> "unknown";
            case MONEY -> "money";
            case MACADDR -> "macaddr";
            case INET -> "inet";
            case BPCHAR -> "bpchar";
            case VARCHAR -> "varchar";
            case DATE -> "date";
            case TIME -> "time";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMPTZ -> "timestamptz";
            case INTERVAL -> "interval";
            case TIMETZ -> "timetz";
            case BIT -> "bit";
            case VARBIT -> "varbit";
            case NUMERIC -> "numeric";
            case RECORD -> "record";
            case VOID -> "void";
            case UUID -> "uuid";
            case TSVECTOR -> "tsvector";
            case JSONB -> "jsonb";
            case JSONPATH -> "jsonpath";
            default -> null;
        };
    }

    /** The element type of a built-in array type, or 0 when {@code arrayOid} is not one this class knows. */
    public static int elementOf(int arrayOid) {
        return switch (arrayOid) {
            case JSON_ARRAY -> JSON;
            case BOOL_ARRAY -> BOOL;
            case BYTEA_ARRAY -> BYTEA;
            case CHAR_ARRAY -> CHAR;
            case NAME_ARRAY -> NAME;
            case INT2_ARRAY -> INT2;
            case INT4_ARRAY -> INT4;
            case TEXT_ARRAY -> TEXT;
            case BPCHAR_ARRAY -> BPCHAR;
            case VARCHAR_ARRAY -> VARCHAR;
            case INT8_ARRAY -> INT8;
            case FLOAT4_ARRAY -> FLOAT4;
            case FLOAT8_ARRAY -> FLOAT8;
            case OID_ARRAY -> OID;
            case TIMESTAMP_ARRAY -> TIMESTAMP;
            case DATE_ARRAY -> DATE;
            case TIME_ARRAY -> TIME;
            case TIMESTAMPTZ_ARRAY -> TIMESTAMPTZ;
            case INTERVAL_ARRAY -> INTERVAL;
            case NUMERIC_ARRAY -> NUMERIC;
            case TIMETZ_ARRAY -> TIMETZ;
            case UUID_ARRAY -> UUID;
            case JSONB_ARRAY -> JSONB;
            default -> 0;
        };
    }

    /** The array type whose elements are {@code elementOid}, or 0 when there is none this class knows. */
    public static int arrayOf(int elementOid) {
        return switch (elementOid) {
            case JSON -> JSON_ARRAY;
            case BOOL -> BOOL_ARRAY;
            case BYTEA -> BYTEA_ARRAY;
            case CHAR -> CHAR_ARRAY;
            case NAME -> NAME_ARRAY;
            case INT2 -> INT2_ARRAY;
            case INT4 -> INT4_ARRAY;
            case TEXT -> TEXT_ARRAY;
            case BPCHAR -> BPCHAR_ARRAY;
            case VARCHAR -> VARCHAR_ARRAY;
            case INT8 -> INT8_ARRAY;
            case FLOAT4 -> FLOAT4_ARRAY;
            case FLOAT8 -> FLOAT8_ARRAY;
            case OID -> OID_ARRAY;
            case TIMESTAMP -> TIMESTAMP_ARRAY;
            case DATE -> DATE_ARRAY;
            case TIME -> TIME_ARRAY;
            case TIMESTAMPTZ -> TIMESTAMPTZ_ARRAY;
            case INTERVAL -> INTERVAL_ARRAY;
            case NUMERIC -> NUMERIC_ARRAY;
            case TIMETZ -> TIMETZ_ARRAY;
            case UUID -> UUID_ARRAY;
            case JSONB -> JSONB_ARRAY;
            default -> 0;
        };
    }

    /** True for the built-in array types this class knows. */
    public static boolean isArray(int oid) {
        return elementOf(oid) != 0;
    }
}
