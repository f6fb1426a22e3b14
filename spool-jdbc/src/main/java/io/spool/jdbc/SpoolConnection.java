package io.spool.jdbc;

import io.spool.pg.PgConnection;
import io.spool.pg.RowSet;

import java.math.BigDecimal;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * A JDBC connection on spool-pg. In direct mode it owns one {@link PgConnection}. In shared mode (a data
 * source with {@code sharedConnections}) its autocommit statements are pipelined over the few connections
 * every caller shares, and it takes a connection of its own when it needs one: for a transaction
 * ({@code setAutoCommit(false)}: from its first statement until commit or rollback), for a statement that leaves
 * session state ({@link SessionState}: kept until close), for {@link #unwrap} to {@link PgConnection} (kept),
 * and for the length of one statement with a query timeout, a streamed result, or several statements in one text.
 */
public final class SpoolConnection extends UnsupportedConnection {
    private final JdbcUrl url;
    private final SharedMode shared;
    /** The connection of its own: always in direct mode, while lent in shared mode. */
    private PgConnection own;
    /** In shared mode: the lent connection carries session state, so it stays until close and is not reused. */
    private boolean ownForSession;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_READ_COMMITTED;
    private int savepointCounter;
    private volatile boolean closed;
    /** Statements not closed yet: closing the connection closes them (and their results) first. */
    private final java.util.Set<SpoolStatement> statements = java.util.concurrent.ConcurrentHashMap.newKeySet();

    SpoolConnection(JdbcUrl url, PgConnection own, SharedMode shared) {
        this.url = url;
        this.own = own;
        this.shared = shared;
    }

    JdbcUrl url() {
        return url;
    }

    boolean isShared() {
        return shared != null;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("connection");
        }
    }

    /**
     * The connection a statement of {@code parsed} must run on, its transaction begun when autocommit is off; or
     * null when it may go to the shared connections.
     */
    PgConnection connectionFor(ParsedSql parsed) throws SQLException {
        checkOpen();
        if (shared != null && own == null) {
            boolean session = parsed.leavesSessionState();
            if (autoCommit && !session) {
                return null;
            }
            lend(session);
        } else if (shared != null && parsed.leavesSessionState()) {
            ownForSession = true;
        }
        beginIfNeeded();
        return own;
    }

    /** In shared mode: lends a connection of its own (kept until close when {@code forSession}). */
    private void lend(boolean forSession) throws SQLException {
        try {
            own = shared.dedicated.borrow();
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
        ownForSession = forSession;
    }

    /** A connection for one statement only (shared mode); hand it back with {@link #endStatementLease}. */
    PgConnection leaseForStatement() throws SQLException {
        checkOpen();
        if (own != null) {
            beginIfNeeded();
            return own;
        }
        try {
            return shared.dedicated.borrow();
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    void endStatementLease(PgConnection leased) {
        if (leased != own) {
            shared.dedicated.giveBack(leased, true);
        }
    }

    SharedMode shared() {
        return shared;
    }

    private void beginIfNeeded() throws SQLException {
        if (!autoCommit && own.transactionStatus() == 'I') {
            String level = switch (isolation) {
                case TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
                case TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
                case TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
                default -> "READ COMMITTED";
            };
            simple("BEGIN ISOLATION LEVEL " + level + (readOnly ? " READ ONLY" : ""));
        }
    }

    private List<RowSet> simple(String sql) throws SQLException {
        try {
            return own.simpleQuery(sql);
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    /** After a transaction ends in shared mode, gives back a connection that holds no session state. */
    private void releaseIfDone() {
        if (shared != null && own != null && autoCommit && !ownForSession && own.transactionStatus() == 'I') {
            shared.dedicated.giveBack(own, true);
            own = null;
        }
    }

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        checkOpen();
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return opened(new SpoolStatement(this, resultSetType, null));
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int holdability) throws SQLException {
        setHoldability(holdability);
        return createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkOpen();
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return opened(new SpoolPreparedStatement(this, resultSetType, SqlLexer.cached(sql)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int holdability)
            throws SQLException {
        setHoldability(holdability);
        return prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        SpoolPreparedStatement s = (SpoolPreparedStatement) prepareStatement(sql);
        if (autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS) {
            s.returnGeneratedKeys(List.of());
        }
        return s;
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        SpoolPreparedStatement s = (SpoolPreparedStatement) prepareStatement(sql);
        s.returnGeneratedKeys(columnNames == null ? List.of() : List.of(columnNames));
        return s;
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return prepareCall(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        checkOpen();
        checkResultSetKind(resultSetType, resultSetConcurrency);
        return opened(SpoolCallableStatement.of(this, resultSetType, sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int holdability)
            throws SQLException {
        setHoldability(holdability);
        return prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    private <S extends SpoolStatement> S opened(S statement) {
        statements.add(statement);
        return statement;
    }

    void statementClosed(SpoolStatement statement) {
        statements.remove(statement);
    }

    private static void checkResultSetKind(int type, int concurrency) throws SQLException {
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw SqlExceptions.unsupported("updatable result sets (ResultSet.CONCUR_UPDATABLE)");
        }
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE) {
            throw SqlExceptions.unsupported("ResultSet.TYPE_SCROLL_SENSITIVE");
        }
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return SqlLexer.parse(sql, true).sql();
    }

    @Override
    public void setAutoCommit(boolean value) throws SQLException {
        checkOpen();
        if (value == autoCommit) {
            return;
        }
        if (value && own != null && own.transactionStatus() != 'I') {
            simple("COMMIT");  // JDBC: switching autocommit on commits the transaction
        }
        autoCommit = value;
        if (shared != null && !value && own == null) {
            lend(false);
        }
        releaseIfDone();
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        endTransaction("COMMIT", "commit");
    }

    @Override
    public void rollback() throws SQLException {
        endTransaction("ROLLBACK", "rollback");
    }

    private void endTransaction(String sql, String what) throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("cannot " + what + " with autocommit on", "25000");
        }
        savepointCounter = 0;
        if (own != null && own.transactionStatus() != 'I') {
            simple(sql);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return savepoint(new SpoolSavepoint(++savepointCounter, null));
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return savepoint(new SpoolSavepoint(0, name));
    }

    private Savepoint savepoint(SpoolSavepoint sp) throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw new SQLException("savepoints need autocommit off", "25000");
        }
        beginIfNeeded();
        simple("SAVEPOINT " + sp.sqlName());
        return sp;
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        simple("ROLLBACK TO SAVEPOINT " + SpoolSavepoint.of(savepoint).sqlName());
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        simple("RELEASE SAVEPOINT " + SpoolSavepoint.of(savepoint).sqlName());
    }

    @Override
    public void setReadOnly(boolean value) throws SQLException {
        checkOpen();
        if (own != null && own.transactionStatus() != 'I') {
            throw new SQLException("cannot change read-only in the middle of a transaction", "25001");
        }
        readOnly = value;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != TRANSACTION_READ_UNCOMMITTED && level != TRANSACTION_READ_COMMITTED
                && level != TRANSACTION_REPEATABLE_READ && level != TRANSACTION_SERIALIZABLE) {
            throw new SQLException("unknown transaction isolation level " + level, "HY024");
        }
        if (own != null && own.transactionStatus() != 'I') {
            throw new SQLException("cannot change the isolation level in the middle of a transaction", "25001");
        }
        isolation = level;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw SqlExceptions.unsupported("Connection.setHoldability(CLOSE_CURSORS_AT_COMMIT)");
        }
    }

    @Override
    public int getHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new SpoolDatabaseMetaData(this);
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return url.config().database();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        if (catalog != null && !catalog.equals(url.config().database())) {
            throw SqlExceptions.unsupported("Connection.setCatalog to another database than the connected one");
        }
    }

    @Override
    public String getSchema() throws SQLException {
        try (Statement s = createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        try (PreparedStatement s = prepareStatement("SELECT set_config('search_path', ?, false)")) {
            s.setString(1, "\"" + schema.replace("\"", "\"\"") + "\"");
            s.execute();
        }
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;  // notices are not collected as warnings (unwrap and PgConnection.onNotice for them)
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.unsupported("Connection.setTypeMap with entries (user-defined type mapping)");
        }
    }

    @Override
    public java.sql.Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        String base = typeName.toLowerCase(java.util.Locale.ROOT);
        Class<?> component = switch (base) {
            case "int4", "integer", "int", "serial" -> Integer.class;
            case "int8", "bigint", "bigserial" -> Long.class;
            case "int2", "smallint" -> Short.class;
            case "float8", "double precision", "double" -> Double.class;
            case "float4", "real" -> Float.class;
            case "numeric", "decimal" -> BigDecimal.class;
            case "bool", "boolean" -> Boolean.class;
            case "uuid" -> UUID.class;
            case "date" -> LocalDate.class;
            case "time" -> LocalTime.class;
            case "timestamp" -> LocalDateTime.class;
            case "timestamptz" -> OffsetDateTime.class;
            case "text", "varchar", "character varying", "bpchar", "char", "name" -> String.class;
            default -> throw SqlExceptions.unsupported("Connection.createArrayOf(\"" + typeName + "\", ...): arrays of "
                    + "that type (bind a String[] with a cast such as ?::" + typeName + "[] instead)");
        };
        Object[] typed = (Object[]) java.lang.reflect.Array.newInstance(component, elements.length);
        for (int i = 0; i < elements.length; i++) {
            Object e = Values.toParameter(elements[i]);
            if (e != null && !component.isInstance(e)) {
                throw new SQLException("element " + i + " (" + e.getClass().getSimpleName() + ") is no " + typeName,
                        "22023");
            }
            typed[i] = e;
        }
        return new SpoolArray(base, typed);
    }

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 0) {
            throw new SQLException("timeout must not be negative", "22023");
        }
        if (closed) {
            return false;
        }
        try (Statement s = createStatement()) {
            if (shared == null || own != null) {
                s.setQueryTimeout(timeoutSeconds);  // shared: no timeout, which would lend a connection for it
            }
            s.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (!"ApplicationName".equals(name)) {
            throw new SQLClientInfoException("only ApplicationName is a client info property here, not " + name,
                    Map.of(name, ClientInfoStatus.REASON_UNKNOWN_PROPERTY));
        }
        try (PreparedStatement s = prepareStatement("SELECT set_config('application_name', ?, false)")) {
            s.setString(1, value == null ? "" : value);
            s.execute();
        } catch (SQLException e) {
            throw new SQLClientInfoException(e.getMessage(), Map.of(name, ClientInfoStatus.REASON_VALUE_INVALID), e);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        for (String name : properties.stringPropertyNames()) {
            setClientInfo(name, properties.getProperty(name));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        if (!"ApplicationName".equals(name)) {
            return null;
        }
        try (Statement s = createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('application_name')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        Properties p = new Properties();
        p.setProperty("ApplicationName", getClientInfo("ApplicationName"));
        return p;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("abort needs an executor", "22023");
        }
        executor.execute(this::close);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SpoolStatement s : statements.toArray(new SpoolStatement[0])) {
            try {
                s.close();  // a streamed result gives its connection back first
            } catch (SQLException e) {
                // the connection goes away anyway
            }
        }
        if (own == null) {
            return;
        }
        if (shared == null) {
            own.close();
        } else {
            // a transaction left open is rolled back: the connection is closed rather than reused
            shared.dedicated.giveBack(own, !ownForSession && own.transactionStatus() == 'I');
        }
        own = null;
    }

    /** Unwraps to {@link PgConnection} (in shared mode this takes a connection of its own, kept until close). */
    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        checkOpen();
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type == PgConnection.class) {
            if (own == null) {
                lend(true);
            }
            ownForSession = shared != null;
            return type.cast(own);
        }
        throw new SQLException("spool-jdbc's connection does not wrap a " + type.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this) || type == PgConnection.class;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        throw SqlExceptions.unsupported("Connection.getNetworkTimeout() (set socketTimeout in the URL)");
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        throw new SQLFeatureNotSupportedException("spool-jdbc does not support Connection.setNetworkTimeout "
                + "(set socketTimeout in the URL)", "0A000");
    }
}
