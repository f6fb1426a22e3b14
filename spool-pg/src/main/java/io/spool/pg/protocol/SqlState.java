package io.spool.pg.protocol;

/**
 * The SQLSTATE codes the client raises itself, from the classes PostgreSQL uses for the same failures:
 * {@code 08xxx} for connection problems, {@code 08P01} for protocol violations, {@code 57014} for cancelled
 * statements. The client API's {@code PgException} publishes the same constants.
 */
public final class SqlState {
    private SqlState() {}

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
}
