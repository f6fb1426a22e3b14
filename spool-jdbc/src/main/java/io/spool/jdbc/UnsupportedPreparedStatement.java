package io.spool.jdbc;

/**
 * Every method of {@link java.sql.PreparedStatement} that throws {@code SQLException}, each throwing
 * {@link java.sql.SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * driver's classes extend it and override what they support, so nothing unsupported is a silent no-op
 * and {@code UnsupportedMethodsTest} can list what is left.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedPreparedStatement extends SpoolStatement implements java.sql.PreparedStatement {
    UnsupportedPreparedStatement(SpoolConnection connection, int resultSetType, ParsedSql parsed) {
        super(connection, resultSetType, parsed);
    }

    @Override
    public void addBatch() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.addBatch()");
    }

    @Override
    public void clearParameters() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.clearParameters()");
    }

    @Override
    public boolean execute() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.execute()");
    }

    @Override
    public java.sql.ResultSet executeQuery() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.executeQuery()");
    }

    @Override
    public int executeUpdate() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.executeUpdate()");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.getMetaData()");
    }

    @Override
    public java.sql.ParameterMetaData getParameterMetaData() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.getParameterMetaData()");
    }

    @Override
    public void setArray(int p0, java.sql.Array p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setArray(int, Array)");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setAsciiStream(int, InputStream, int)");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setAsciiStream(int, InputStream, long)");
    }

    @Override
    public void setAsciiStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setAsciiStream(int, InputStream)");
    }

    @Override
    public void setBigDecimal(int p0, java.math.BigDecimal p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBigDecimal(int, BigDecimal)");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBinaryStream(int, InputStream, int)");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBinaryStream(int, InputStream, long)");
    }

    @Override
    public void setBinaryStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBinaryStream(int, InputStream)");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBlob(int, InputStream, long)");
    }

    @Override
    public void setBlob(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBlob(int, InputStream)");
    }

    @Override
    public void setBlob(int p0, java.sql.Blob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBlob(int, Blob)");
    }

    @Override
    public void setBoolean(int p0, boolean p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBoolean(int, boolean)");
    }

    @Override
    public void setByte(int p0, byte p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setByte(int, byte)");
    }

    @Override
    public void setBytes(int p0, byte[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setBytes(int, byte[])");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setCharacterStream(int, Reader, int)");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setCharacterStream(int, Reader, long)");
    }

    @Override
    public void setCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setCharacterStream(int, Reader)");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setClob(int, Reader, long)");
    }

    @Override
    public void setClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setClob(int, Reader)");
    }

    @Override
    public void setClob(int p0, java.sql.Clob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setClob(int, Clob)");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setDate(int, Date, Calendar)");
    }

    @Override
    public void setDate(int p0, java.sql.Date p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setDate(int, Date)");
    }

    @Override
    public void setDouble(int p0, double p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setDouble(int, double)");
    }

    @Override
    public void setFloat(int p0, float p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setFloat(int, float)");
    }

    @Override
    public void setInt(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setInt(int, int)");
    }

    @Override
    public void setLong(int p0, long p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setLong(int, long)");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNCharacterStream(int, Reader, long)");
    }

    @Override
    public void setNCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNCharacterStream(int, Reader)");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNClob(int, Reader, long)");
    }

    @Override
    public void setNClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNClob(int, Reader)");
    }

    @Override
    public void setNClob(int p0, java.sql.NClob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNClob(int, NClob)");
    }

    @Override
    public void setNString(int p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNString(int, String)");
    }

    @Override
    public void setNull(int p0, int p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNull(int, int, String)");
    }

    @Override
    public void setNull(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setNull(int, int)");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1, int p2, int p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setObject(int, Object, int, int)");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setObject(int, Object, int)");
    }

    @Override
    public void setObject(int p0, java.lang.Object p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setObject(int, Object)");
    }

    @Override
    public void setRef(int p0, java.sql.Ref p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setRef(int, Ref)");
    }

    @Override
    public void setRowId(int p0, java.sql.RowId p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setRowId(int, RowId)");
    }

    @Override
    public void setSQLXML(int p0, java.sql.SQLXML p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setSQLXML(int, SQLXML)");
    }

    @Override
    public void setShort(int p0, short p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setShort(int, short)");
    }

    @Override
    public void setString(int p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setString(int, String)");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setTime(int, Time, Calendar)");
    }

    @Override
    public void setTime(int p0, java.sql.Time p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setTime(int, Time)");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setTimestamp(int, Timestamp, Calendar)");
    }

    @Override
    public void setTimestamp(int p0, java.sql.Timestamp p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setTimestamp(int, Timestamp)");
    }

    @Override
    public void setURL(int p0, java.net.URL p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setURL(int, URL)");
    }

    @Override
    public void setUnicodeStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("PreparedStatement.setUnicodeStream(int, InputStream, int)");
    }
}
