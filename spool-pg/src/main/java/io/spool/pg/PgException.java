package io.spool.pg;

import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.ErrorFields;
import io.spool.pg.protocol.SqlState;

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

    public static final String CONNECTION_FAILURE = SqlState.CONNECTION_FAILURE;
    public static final String CONNECTION_DOES_NOT_EXIST = SqlState.CONNECTION_DOES_NOT_EXIST;
    public static final String UNABLE_TO_CONNECT = SqlState.UNABLE_TO_CONNECT;
    public static final String PROTOCOL_VIOLATION = SqlState.PROTOCOL_VIOLATION;
    public static final String INVALID_AUTHORIZATION = SqlState.INVALID_AUTHORIZATION;
    public static final String FEATURE_NOT_SUPPORTED = SqlState.FEATURE_NOT_SUPPORTED;
    public static final String INVALID_SQL_STATEMENT_NAME = SqlState.INVALID_SQL_STATEMENT_NAME;
    public static final String QUERY_CANCELED = SqlState.QUERY_CANCELED;
    public static final String IN_FAILED_SQL_TRANSACTION = SqlState.IN_FAILED_SQL_TRANSACTION;
    public static final String ACTIVE_SQL_TRANSACTION = SqlState.ACTIVE_SQL_TRANSACTION;
    /** A client-side limit was exceeded (a result over max_result_size, too many parameters). */
    public static final String PROGRAM_LIMIT_EXCEEDED = SqlState.PROGRAM_LIMIT_EXCEEDED;

    /** The fields by protocol code: the engine's rules for the message and for connection errors apply to them. */
    private final ErrorFields raw;
    private final Map<Field, String> fields;
    private final boolean clientSide;

    /** An error reported by the server, with its fields. */
    public PgException(Map<Field, String> fields) {
        this(ErrorFields.of(byCode(fields)));
    }

    private PgException(ErrorFields serverFields) {
        this(serverFields.describe(), serverFields, false, null);
    }

    /** A client-side error with the given SQLSTATE. */
    public PgException(String sqlState, String message, Throwable cause) {
        this(ErrorFields.clientMessage(sqlState, message), ErrorFields.client(sqlState, message), true, cause);
    }

    public PgException(String sqlState, String message) {
        this(sqlState, message, null);
    }

    private PgException(String message, ErrorFields raw, boolean clientSide, Throwable cause) {
        super(message, cause);
        this.raw = raw;
        this.fields = named(raw);
        this.clientSide = clientSide;
    }

    /** A copy thrown on the caller's thread, so its stack shows the call; the original (engine-side) is the cause. */
    private PgException(PgException original) {
        this(original.getMessage(), original.raw, original.clientSide, original);
    }

    /**
     * The engine's failure as callers see it: the same message, SQLSTATE, fields and stack trace, with each
     * engine failure in its causes translated too. Every failure that leaves the protocol engine for a caller
     * passes through here.
     */
    public static PgException from(EngineException failure) {
        Throwable cause = failure.getCause() instanceof EngineException engineCause ? from(engineCause) : failure.getCause();
        PgException translated = new PgException(failure.getMessage(), failure.fields(), failure.isClientSide(), cause);
        translated.setStackTrace(failure.getStackTrace());
        return translated;
    }

    /**
     * This error as seen by a caller: a new exception with the same SQLSTATE and fields whose stack trace is the
     * current thread's. One failure can reach many callers (every command of a broken connection), so each
     * gets its own instance.
     */
    public PgException forCaller() {
        return new PgException(this);
    }

    /** The fields this client names, in {@link Field} order (codes it does not know are left out). */
    static Map<Field, String> named(ErrorFields raw) {
        EnumMap<Field, String> named = new EnumMap<>(Field.class);
        raw.byCode().forEach((code, value) -> {
            Field field = Field.of(code);
            if (field != null) {
                named.put(field, value);
            }
        });
        return Collections.unmodifiableMap(named);
    }

    private static Map<Character, String> byCode(Map<Field, String> fields) {
        Map<Character, String> byCode = new java.util.LinkedHashMap<>();
        fields.forEach((field, value) -> byCode.put(field.code(), value));
        return byCode;
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
        return raw.endsConnection(clientSide);
    }
}
