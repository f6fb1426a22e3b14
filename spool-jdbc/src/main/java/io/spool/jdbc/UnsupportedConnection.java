package io.spool.jdbc;

/**
 * Every method of {@link java.sql.Connection} that throws {@code SQLException}, each throwing
 * {@link java.sql.SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * driver's classes extend it and override what they support, so nothing unsupported is a silent no-op
 * and {@code UnsupportedMethodsTest} can list what is left.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedConnection implements java.sql.Connection {
    @Override
    public void abort(java.util.concurrent.Executor p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.abort(Executor)");
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.clearWarnings()");
    }

    @Override
    public void close() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.close()");
    }

    @Override
    public void commit() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.commit()");
    }

    @Override
    public java.sql.Array createArrayOf(java.lang.String p0, java.lang.Object[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createArrayOf(String, Object[])");
    }

    @Override
    public java.sql.Blob createBlob() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createBlob()");
    }

    @Override
    public java.sql.Clob createClob() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createClob()");
    }

    @Override
    public java.sql.NClob createNClob() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createNClob()");
    }

    @Override
    public java.sql.SQLXML createSQLXML() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createSQLXML()");
    }

    @Override
    public java.sql.Statement createStatement() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createStatement()");
    }

    @Override
    public java.sql.Statement createStatement(int p0, int p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createStatement(int, int, int)");
    }

    @Override
    public java.sql.Statement createStatement(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createStatement(int, int)");
    }

    @Override
    public java.sql.Struct createStruct(java.lang.String p0, java.lang.Object[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.createStruct(String, Object[])");
    }

    @Override
    public boolean getAutoCommit() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getAutoCommit()");
    }

    @Override
    public java.lang.String getCatalog() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getCatalog()");
    }

    @Override
    public java.util.Properties getClientInfo() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getClientInfo()");
    }

    @Override
    public java.lang.String getClientInfo(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getClientInfo(String)");
    }

    @Override
    public int getHoldability() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getHoldability()");
    }

    @Override
    public java.sql.DatabaseMetaData getMetaData() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getMetaData()");
    }

    @Override
    public int getNetworkTimeout() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getNetworkTimeout()");
    }

    @Override
    public java.lang.String getSchema() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getSchema()");
    }

    @Override
    public int getTransactionIsolation() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getTransactionIsolation()");
    }

    @Override
    public java.util.Map<java.lang.String, java.lang.Class<?>> getTypeMap() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getTypeMap()");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.getWarnings()");
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.isClosed()");
    }

    @Override
    public boolean isReadOnly() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.isReadOnly()");
    }

    @Override
    public boolean isValid(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.isValid(int)");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.isWrapperFor(Class)");
    }

    @Override
    public java.lang.String nativeSQL(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.nativeSQL(String)");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0, int p1, int p2, int p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall(String, int, int, int)");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0, int p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall(String, int, int)");
    }

    @Override
    public java.sql.CallableStatement prepareCall(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareCall(String)");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareStatement(String, int[])");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, java.lang.String[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareStatement(String, String[])");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1, int p2, int p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareStatement(String, int, int, int)");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareStatement(String, int, int)");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareStatement(String, int)");
    }

    @Override
    public java.sql.PreparedStatement prepareStatement(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.prepareStatement(String)");
    }

    @Override
    public void releaseSavepoint(java.sql.Savepoint p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.releaseSavepoint(Savepoint)");
    }

    @Override
    public void rollback() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.rollback()");
    }

    @Override
    public void rollback(java.sql.Savepoint p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.rollback(Savepoint)");
    }

    @Override
    public void setAutoCommit(boolean p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setAutoCommit(boolean)");
    }

    @Override
    public void setCatalog(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setCatalog(String)");
    }

    @Override
    public void setHoldability(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setHoldability(int)");
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setNetworkTimeout(Executor, int)");
    }

    @Override
    public void setReadOnly(boolean p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setReadOnly(boolean)");
    }

    @Override
    public java.sql.Savepoint setSavepoint() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setSavepoint()");
    }

    @Override
    public java.sql.Savepoint setSavepoint(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setSavepoint(String)");
    }

    @Override
    public void setSchema(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setSchema(String)");
    }

    @Override
    public void setTransactionIsolation(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setTransactionIsolation(int)");
    }

    @Override
    public void setTypeMap(java.util.Map<java.lang.String, java.lang.Class<?>> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.setTypeMap(Map)");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("Connection.unwrap(Class)");
    }
}
