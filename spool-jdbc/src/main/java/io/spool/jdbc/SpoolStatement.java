package io.spool.jdbc;

import io.spool.pg.PgConnection;
import io.spool.pg.RowSet;
import io.spool.pg.RowStream;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A JDBC statement on a {@link SpoolConnection}. Plain SQL runs with the simple protocol on a connection of its
 * own (so a text may hold several statements), or, in shared mode and autocommit, as one pipelined statement
 * on the shared connections. A positive fetch size streams a query's rows that many at a time (spool-pg's
 * {@link RowStream}); otherwise results are read whole. {@link #setQueryTimeout} cancels the statement on the
 * server when it runs too long ({@code 57014}, a {@link java.sql.SQLTimeoutException}).
 */
public class SpoolStatement extends UnsupportedStatement {
    final SpoolConnection connection;
    final int resultSetType;
    final ParsedSql prepared;
    private int fetchSize;
    private int maxRows;
    private int queryTimeout;
    private boolean closed;
    private boolean closeOnCompletion;
    private boolean escapeProcessing = true;
    private final Deque<RowSet> moreResults = new ArrayDeque<>();
    SpoolResultSet current;
    long updateCount = -1;
    private final List<String> batch = new ArrayList<>();
    /** The rows RETURNING gave for generated keys, read by {@link #getGeneratedKeys}. */
    private SpoolResultSet generatedKeys;
    /** The connection the statement runs on now, for {@link #cancel}; SHARED while on the shared connections. */
    private volatile Object running;
    private static final Object SHARED = new Object();

    SpoolStatement(SpoolConnection connection, int resultSetType, ParsedSql prepared) {
        this.connection = connection;
        this.resultSetType = resultSetType;
        this.prepared = prepared;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("statement");
        }
        connection.checkOpen();
    }

    /** Runs {@code parsed} ({@code params} null for plain SQL); true when the first result has rows. */
    boolean run(ParsedSql parsed, Object[] params) throws SQLException {
        checkOpen();
        closeResults();
        if (fetchSize > 0 && resultSetType == ResultSet.TYPE_FORWARD_ONLY && !parsed.isMultiStatement()
                && returnsRows(parsed)) {
            current = stream(parsed, params);
            return true;
        }
        List<RowSet> results = execute(parsed, params);
        moreResults.addAll(results);
        return nextResult();
    }

    private static boolean returnsRows(ParsedSql parsed) {
        String head = parsed.head();
        return head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("VALUES")
                || head.startsWith("TABLE");
    }

    /** Runs the statement and returns its results, read whole. */
    List<RowSet> execute(ParsedSql parsed, Object[] params) throws SQLException {
        try {
            return onItsConnection(parsed, params == null && parsed.isMultiStatement(), on -> on == null
                    ? List.of(connection.shared().pool.query(parsed.sql(), params == null ? new Object[0] : params))
                    : params == null ? on.simpleQuery(parsed.sql()) : List.of(on.query(parsed.sql(), params)));
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    /** Runs one statement once per parameter set, pipelined in one round trip (all or nothing). */
    long[] executeBatch(ParsedSql parsed, List<Object[]> sets) throws SQLException {
        try {
            return onItsConnection(parsed, false, on -> on == null
                    ? connection.shared().pool.batch(parsed.sql(), sets) : on.batch(parsed.sql(), sets));
        } catch (RuntimeException e) {
            SQLException cause = SqlExceptions.of(e);
            throw new BatchUpdateException(cause.getMessage(), cause.getSQLState(), 0, new long[0], cause);
        }
    }

    /**
     * Runs {@code work} on the connection the statement belongs on (null: the shared connections), leasing one
     * for this statement alone in shared mode when it needs it or has a timeout, which it arms there.
     */
    private <T> T onItsConnection(ParsedSql parsed, boolean needsOwn, java.util.function.Function<PgConnection, T> work)
            throws SQLException {
        PgConnection target = connection.connectionFor(parsed);
        PgConnection leased = null;
        if (target == null && (queryTimeout > 0 || needsOwn)) {
            target = leased = connection.leaseForStatement();
        }
        PgConnection on = target;
        ScheduledFuture<?> timer = on == null ? null : Timeouts.after(queryTimeout, on::cancel);
        running = on == null ? SHARED : on;
        try {
            return work.apply(on);
        } finally {
            running = null;
            Timeouts.disarm(timer);
            if (leased != null) {
                connection.endStatementLease(leased);
            }
        }
    }

    private SpoolResultSet stream(ParsedSql parsed, Object[] params) throws SQLException {
        PgConnection own = connection.connectionFor(parsed);
        PgConnection on = own != null ? own : connection.leaseForStatement();
        try {
            RowStream rows = on.stream(parsed.sql(), fetchSize, params == null ? new Object[0] : params);
            return SpoolResultSet.streaming(this, rows, maxRows, () -> {
                if (own == null) {
                    connection.endStatementLease(on);
                }
            });
        } catch (RuntimeException e) {
            if (own == null) {
                connection.endStatementLease(on);
            }
            throw SqlExceptions.of(e);
        }
    }

    /** Moves to the next queued result: true when it has rows. */
    boolean nextResult() {
        RowSet next = moreResults.pollFirst();
        if (next == null) {
            updateCount = -1;
            return false;
        }
        if (next.columnCount() > 0) {
            current = SpoolResultSet.buffered(this, next, maxRows);
            updateCount = -1;
            return true;
        }
        updateCount = next.rowsAffected();
        return false;
    }

    /** Runs a statement whose RETURNING rows are the generated keys; its result is the update count. */
    void runReturningKeys(ParsedSql parsed, List<Object[]> parameterSets) throws SQLException {
        checkOpen();
        closeResults();
        List<io.spool.pg.Row> rows = new ArrayList<>();
        RowSet last = null;
        long count = 0;
        for (Object[] params : parameterSets) {
            last = execute(parsed, params).get(0);
            rows.addAll(last);
            count += last.rowsAffected();
        }
        generatedKeys = last == null ? null : SpoolResultSet.buffered(this, last.columns(), rows);
        updateCount = count;
    }

    void closeResults() throws SQLException {
        if (current != null) {
            current.close();
            current = null;
        }
        moreResults.clear();
        updateCount = -1;
        generatedKeys = null;
    }

    /** Called by a result set when it closes: ends the statement if {@link #closeOnCompletion} asked for it. */
    void resultSetClosed(SpoolResultSet rs) throws SQLException {
        if (rs == current) {
            current = null;
            if (closeOnCompletion && moreResults.isEmpty()) {
                close();
            }
        }
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!run(parsePlain(sql), null)) {
            throw new SQLException("the statement returned no rows: " + sql, "02000");
        }
        return current;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return Math.toIntExact(executeLargeUpdate(sql));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        run(parsePlain(sql), null);
        return Math.max(updateCount, 0);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(parsePlain(sql), null);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            throw SqlExceptions.unsupported("Statement.executeUpdate(String, RETURN_GENERATED_KEYS) "
                    + "(use a PreparedStatement, or RETURNING)");
        }
        return executeUpdate(sql);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys == RETURN_GENERATED_KEYS) {
            throw SqlExceptions.unsupported("Statement.execute(String, RETURN_GENERATED_KEYS) "
                    + "(use a PreparedStatement, or RETURNING)");
        }
        return execute(sql);
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return current;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) Math.min(updateCount, Integer.MAX_VALUE);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current != CLOSE_CURRENT_RESULT && this.current != null && !moreResults.isEmpty()) {
            throw SqlExceptions.unsupported("Statement.getMoreResults(KEEP_CURRENT_RESULT or CLOSE_ALL_RESULTS)");
        }
        if (this.current != null) {
            SpoolResultSet rs = this.current;
            this.current = null;
            rs.close();
        }
        return nextResult();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toInts(executeLargeBatch());
    }

    static int[] toInts(long[] counts) {
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (int) Math.min(counts[i], Integer.MAX_VALUE);
        }
        return out;
    }

    /** The texts run as one simple query (one round trip, all or nothing), each statement's count in order. */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        closeResults();
        if (batch.isEmpty()) {
            return new long[0];
        }
        StringBuilder all = new StringBuilder();
        for (String sql : batch) {
            all.append(sql.strip().replaceAll(";+$", "")).append(";\n");
        }
        batch.clear();
        List<RowSet> results;
        try {
            results = execute(parsePlain(all.toString()), null);
        } catch (SQLException e) {
            throw new BatchUpdateException(e.getMessage(), e.getSQLState(), 0, new long[0], e);
        }
        long[] counts = new long[results.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = results.get(i).columnCount() > 0 ? SUCCESS_NO_INFO : results.get(i).rowsAffected();
        }
        return counts;
    }

    @Override
    public void cancel() throws SQLException {
        Object on = running;
        if (on == SHARED) {
            throw SqlExceptions.unsupported("Statement.cancel() of a statement pipelined on a shared connection "
                    + "(it would hit other callers' statements; use setQueryTimeout, which runs it on its own)");
        }
        if (on instanceof PgConnection c) {
            c.cancel();
        }
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("query timeout must not be negative", "22023");
        }
        queryTimeout = seconds;
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("fetch size must not be negative", "22023");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw SqlExceptions.unsupported("Statement.setFetchDirection(" + direction + ") (only FETCH_FORWARD)");
        }
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("max rows must not be negative", "22023");
        }
        maxRows = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        setMaxRows((int) Math.min(max, Integer.MAX_VALUE));
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return getMaxRows();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        if (max != 0) {
            throw SqlExceptions.unsupported("Statement.setMaxFieldSize(" + max + ") (only 0, no limit)");
        }
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
        escapeProcessing = enable;
    }

    /** Plain SQL as this statement reads it: {@code ?} kept, JDBC escapes translated unless turned off. */
    ParsedSql parsePlain(String sql) {
        return SqlLexer.parse(sql, false, escapeProcessing);
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() {
        return resultSetType;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return generatedKeys != null ? generatedKeys : SpoolResultSet.empty(this);
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw SqlExceptions.unsupported("Statement.setCursorName(String) (positioned updates)");
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            connection.statementClosed(this);
            closeResults();
        }
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
