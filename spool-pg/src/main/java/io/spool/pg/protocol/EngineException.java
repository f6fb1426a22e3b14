package io.spool.pg.protocol;

/**
 * How a command of the engine failed: the server's ErrorResponse with all its fields, or a failure of the client
 * (a lost connection, a protocol violation, a statement refused before it was sent) with the SQLSTATE
 * PostgreSQL uses for it ({@link SqlState}). Commands record it and the engine poisons itself with it; the
 * client API turns it into its own {@code PgException} (same message, SQLSTATE, fields and cause) before any
 * caller sees it, so the engine depends on nothing above it.
 */
public final class EngineException extends RuntimeException {
    private final ErrorFields fields;
    private final boolean clientSide;

    /** An error reported by the server, with its fields. */
    public EngineException(ErrorFields serverFields) {
        super(serverFields.describe());
        this.fields = serverFields;
        this.clientSide = false;
    }

    /** A client-side failure with the given SQLSTATE. */
    public EngineException(String sqlState, String message, Throwable cause) {
        super(ErrorFields.clientMessage(sqlState, message), cause);
        this.fields = ErrorFields.client(sqlState, message);
        this.clientSide = true;
    }

    public EngineException(String sqlState, String message) {
        this(sqlState, message, null);
    }

    /** A copy thrown on the caller's thread, so its stack shows the call; the original is the cause. */
    private EngineException(EngineException original) {
        super(original.getMessage(), original);
        this.fields = original.fields;
        this.clientSide = original.clientSide;
    }

    /** This failure for one caller: one failure can reach many (every command of a broken connection). */
    public EngineException forCaller() {
        return new EngineException(this);
    }

    public String sqlState() {
        return fields.sqlState();
    }

    /** The primary message, without severity or SQLSTATE. */
    public String serverMessage() {
        return fields.get(ErrorFields.MESSAGE);
    }

    public ErrorFields fields() {
        return fields;
    }

    public boolean isClientSide() {
        return clientSide;
    }

    /** True when the connection cannot be used after this failure (see {@link ErrorFields#endsConnection}). */
    public boolean isConnectionError() {
        return fields.endsConnection(clientSide);
    }
}
