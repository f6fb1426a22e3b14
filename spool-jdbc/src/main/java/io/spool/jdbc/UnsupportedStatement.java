package io.spool.jdbc;

/**
 * Every method of {@link java.sql.Statement} that throws {@code SQLException}, each throwing
 * {@link java.sql.SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * driver's classes extend it and override what they support, so nothing unsupported is a silent no-op
 * and {@code UnsupportedMethodsTest} can list what is left.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedStatement implements java.sql.Statement {
    @Override
    public void addBatch(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.addBatch(String)");
    }

    @Override
    public void cancel() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.cancel()");
    }

    @Override
    public void clearBatch() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.clearBatch()");
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.clearWarnings()");
    }

    @Override
    public void close() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.close()");
    }

    @Override
    public void closeOnCompletion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.closeOnCompletion()");
    }

    @Override
    public boolean execute(java.lang.String p0, int[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.execute(String, int[])");
    }

    @Override
    public boolean execute(java.lang.String p0, java.lang.String[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.execute(String, String[])");
    }

    @Override
    public boolean execute(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.execute(String, int)");
    }

    @Override
    public boolean execute(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.execute(String)");
    }

    @Override
    public int[] executeBatch() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.executeBatch()");
    }

    @Override
    public java.sql.ResultSet executeQuery(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.executeQuery(String)");
    }

    @Override
    public int executeUpdate(java.lang.String p0, int[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.executeUpdate(String, int[])");
    }

    @Override
    public int executeUpdate(java.lang.String p0, java.lang.String[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.executeUpdate(String, String[])");
    }

    @Override
    public int executeUpdate(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.executeUpdate(String, int)");
    }

    @Override
    public int executeUpdate(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.executeUpdate(String)");
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getConnection()");
    }

    @Override
    public int getFetchDirection() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getFetchDirection()");
    }

    @Override
    public int getFetchSize() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getFetchSize()");
    }

    @Override
    public java.sql.ResultSet getGeneratedKeys() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getGeneratedKeys()");
    }

    @Override
    public int getMaxFieldSize() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getMaxFieldSize()");
    }

    @Override
    public int getMaxRows() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getMaxRows()");
    }

    @Override
    public boolean getMoreResults() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getMoreResults()");
    }

    @Override
    public boolean getMoreResults(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getMoreResults(int)");
    }

    @Override
    public int getQueryTimeout() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getQueryTimeout()");
    }

    @Override
    public java.sql.ResultSet getResultSet() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getResultSet()");
    }

    @Override
    public int getResultSetConcurrency() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getResultSetConcurrency()");
    }

    @Override
    public int getResultSetHoldability() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getResultSetHoldability()");
    }

    @Override
    public int getResultSetType() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getResultSetType()");
    }

    @Override
    public int getUpdateCount() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getUpdateCount()");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.getWarnings()");
    }

    @Override
    public boolean isCloseOnCompletion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.isCloseOnCompletion()");
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.isClosed()");
    }

    @Override
    public boolean isPoolable() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.isPoolable()");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.isWrapperFor(Class)");
    }

    @Override
    public void setCursorName(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setCursorName(String)");
    }

    @Override
    public void setEscapeProcessing(boolean p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setEscapeProcessing(boolean)");
    }

    @Override
    public void setFetchDirection(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setFetchDirection(int)");
    }

    @Override
    public void setFetchSize(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setFetchSize(int)");
    }

    @Override
    public void setMaxFieldSize(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setMaxFieldSize(int)");
    }

    @Override
    public void setMaxRows(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setMaxRows(int)");
    }

    @Override
    public void setPoolable(boolean p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setPoolable(boolean)");
    }

    @Override
    public void setQueryTimeout(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.setQueryTimeout(int)");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Statement.unwrap(Class)");
    }
}
