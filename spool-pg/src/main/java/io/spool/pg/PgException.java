package io.spool.pg;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * An error from PostgreSQL or from the client, always with a SQLSTATE. Server errors carry every field of the
 * ErrorResponse (severity, message, detail, hint, position, schema/table/column/constraint, ...). Client-side
 * failures use the SQLSTATE classes PostgreSQL uses for them: {@code 08xxx} for connection problems,
 * {@code 08P01} for protocol violations, {@code 57014} for cancelled statements.
 */
public class PgException extends RuntimeException {

    /** Field codes of ErrorResponse and NoticeResponse messages. */
    public enum Field {
        SEVERITY('S'), SEVERITY_NONLOCALIZED('V'), SQLSTATE('C'), MESSAGE('M'), DETAIL('D'), HINT('H'),
        POSITION('P'), INTERNAL_POSITION('p'), INTERNAL_QUERY('q'), WHERE('W'), SCHEMA('s'), TABLE('t'),
        COLUMN('c'), DATA_TYPE('d'), CONSTRAINT('n'), FILE('F'), LINE('L'), ROUTINE('R');

        private final char code;

        Field(char code) {
            this.code = code;
        }

        public char code() {
            return code;
        }

        public static Field of(char code) {
            for (Field f : values()) {
                if (f.code == code) {
                    return f;
                }
            }
            return null;
        }
    }

    public static final String CONNECTION_FAILURE = "08006";
    public static final String CONNECTION_DOES_NOT_EXIST = "08003";
    public static final String UNABLE_TO_CONNECT = "08001";
    public static final String PROTOCOL_VIOLATION = "08P01";
    public static final String INVALID_AUTHORIZATION = "28000";
    public static final String FEATURE_NOT_SUPPORTED = "0A000";
    public static final String INVALID_SQL_STATEMENT_NAME = "26000";
    public static final String QUERY_CANCELED = "57014";
    public static final String IN_FAILED_SQL_TRANSACTION = "25P02";
    public static final String ACTIVE_SQL_TRANSACTION = "25001";
    /** A client-side limit was exceeded (a result over max_result_size, too many parameters). */
    public static final String PROGRAM_LIMIT_EXCEEDED = "54000";

    private final Map<Field, String> fields;
    private final boolean clientSide;

    /** An error reported by the server, with its fields. */
    public PgException(Map<Field, String> fields) {
        super(describe(fields));
        this.fields = Collections.unmodifiableMap(new EnumMap<>(fields));
        this.clientSide = false;
    }

    /** A client-side error with the given SQLSTATE. */
    public PgException(String sqlState, String message, Throwable cause) {
        super(message + " (SQLSTATE " + sqlState + ")", cause);
        EnumMap<Field, String> f = new EnumMap<>(Field.class);
        f.put(Field.SEVERITY, "ERROR");
        f.put(Field.SQLSTATE, sqlState);
        f.put(Field.MESSAGE, message);
        this.fields = Collections.unmodifiableMap(f);
        this.clientSide = true;
    }

    public PgException(String sqlState, String message) {
        this(sqlState, message, null);
    }

    /** A copy thrown on the caller's thread, so its stack shows the call; the original (engine-side) is the cause. */
    private PgException(PgException original) {
        super(original.getMessage(), original);
        this.fields = original.fields;
        this.clientSide = original.clientSide;
    }

    /**
     * This error as seen by a caller: a new exception with the same SQLSTATE and fields whose stack trace is the
     * current thread's. One failure can reach many callers (every command of a broken connection), so each
     * gets its own instance.
     */
    public PgException forCaller() {
        return new PgException(this);
    }

    private static String describe(Map<Field, String> f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.getOrDefault(Field.SEVERITY, "ERROR")).append(": ").append(f.getOrDefault(Field.MESSAGE, "(no message)"));
        sb.append(" (SQLSTATE ").append(f.getOrDefault(Field.SQLSTATE, "XX000")).append(')');
        if (f.containsKey(Field.DETAIL)) {
            sb.append("\n  Detail: ").append(f.get(Field.DETAIL));
        }
        if (f.containsKey(Field.HINT)) {
            sb.append("\n  Hint: ").append(f.get(Field.HINT));
        }
        if (f.containsKey(Field.POSITION)) {
            sb.append("\n  Position: ").append(f.get(Field.POSITION));
        }
        return sb.toString();
    }

    public String sqlState() {
        return fields.get(Field.SQLSTATE);
    }

    public String severity() {
        return fields.get(Field.SEVERITY);
    }

    /** The primary message, without severity or SQLSTATE. */
    public String serverMessage() {
        return fields.get(Field.MESSAGE);
    }

    public String detail() {
        return fields.get(Field.DETAIL);
    }

    public String hint() {
        return fields.get(Field.HINT);
    }

    /** The 1-based character position of the error in the query, or 0 when the server gave none. */
    public int position() {
        String p = fields.get(Field.POSITION);
        return p == null ? 0 : Integer.parseInt(p);
    }

    public String schema() {
        return fields.get(Field.SCHEMA);
    }

    public String table() {
        return fields.get(Field.TABLE);
    }

    public String column() {
        return fields.get(Field.COLUMN);
    }

    public String constraint() {
        return fields.get(Field.CONSTRAINT);
    }

    public String field(Field field) {
        return fields.get(field);
    }

    public Map<Field, String> fields() {
        return fields;
    }

    /** True when the error came from the client (I/O, protocol, conversion) rather than the server. */
    public boolean isClientSide() {
        return clientSide;
    }

    /**
     * True when the connection cannot be used after this error: a FATAL or PANIC from the server, or a
     * client-side connection-class ({@code 08}) error. A server ERROR, whatever its SQLSTATE, leaves the
     * session usable.
     */
    public boolean isConnectionError() {
        if (clientSide) {
            String state = sqlState();
            return state != null && state.startsWith("08");
        }
        String severity = fields.get(Field.SEVERITY_NONLOCALIZED);
        if (severity == null) {
            severity = severity();
        }
        return "FATAL".equals(severity) || "PANIC".equals(severity);
    }
}
