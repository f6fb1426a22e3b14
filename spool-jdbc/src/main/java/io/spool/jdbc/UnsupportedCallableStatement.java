package io.spool.jdbc;

/**
 * Every method of {@link java.sql.CallableStatement} that throws {@code SQLException}, each throwing
 * {@link java.sql.SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * driver's classes extend it and override what they support, so nothing unsupported is a silent no-op
 * and {@code UnsupportedMethodsTest} can list what is left.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedCallableStatement extends SpoolPreparedStatement implements java.sql.CallableStatement {
    UnsupportedCallableStatement(SpoolConnection connection, int resultSetType, ParsedSql parsed) {
        super(connection, resultSetType, parsed);
    }

    @Override
    public java.sql.Array getArray(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getArray(String)");
    }

    @Override
    public java.sql.Array getArray(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getArray(int)");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBigDecimal(String)");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBigDecimal(int, int)");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBigDecimal(int)");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBlob(String)");
    }

    @Override
    public java.sql.Blob getBlob(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBlob(int)");
    }

    @Override
    public boolean getBoolean(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBoolean(String)");
    }

    @Override
    public boolean getBoolean(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBoolean(int)");
    }

    @Override
    public byte getByte(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getByte(String)");
    }

    @Override
    public byte getByte(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getByte(int)");
    }

    @Override
    public byte[] getBytes(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBytes(String)");
    }

    @Override
    public byte[] getBytes(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getBytes(int)");
    }

    @Override
    public java.io.Reader getCharacterStream(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getCharacterStream(String)");
    }

    @Override
    public java.io.Reader getCharacterStream(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getCharacterStream(int)");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getClob(String)");
    }

    @Override
    public java.sql.Clob getClob(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getClob(int)");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getDate(String, Calendar)");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getDate(String)");
    }

    @Override
    public java.sql.Date getDate(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getDate(int, Calendar)");
    }

    @Override
    public java.sql.Date getDate(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getDate(int)");
    }

    @Override
    public double getDouble(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getDouble(String)");
    }

    @Override
    public double getDouble(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getDouble(int)");
    }

    @Override
    public float getFloat(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getFloat(String)");
    }

    @Override
    public float getFloat(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getFloat(int)");
    }

    @Override
    public int getInt(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getInt(String)");
    }

    @Override
    public int getInt(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getInt(int)");
    }

    @Override
    public long getLong(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getLong(String)");
    }

    @Override
    public long getLong(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getLong(int)");
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getNCharacterStream(String)");
    }

    @Override
    public java.io.Reader getNCharacterStream(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getNCharacterStream(int)");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getNClob(String)");
    }

    @Override
    public java.sql.NClob getNClob(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getNClob(int)");
    }

    @Override
    public java.lang.String getNString(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getNString(String)");
    }

    @Override
    public java.lang.String getNString(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getNString(int)");
    }

    @Override
    public <T> T getObject(java.lang.String p0, java.lang.Class<T> p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getObject(String, Class)");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getObject(String, Map)");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getObject(String)");
    }

    @Override
    public <T> T getObject(int p0, java.lang.Class<T> p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getObject(int, Class)");
    }

    @Override
    public java.lang.Object getObject(int p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getObject(int, Map)");
    }

    @Override
    public java.lang.Object getObject(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getObject(int)");
    }

    @Override
    public java.sql.Ref getRef(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getRef(String)");
    }

    @Override
    public java.sql.Ref getRef(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getRef(int)");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getRowId(String)");
    }

    @Override
    public java.sql.RowId getRowId(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getRowId(int)");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getSQLXML(String)");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getSQLXML(int)");
    }

    @Override
    public short getShort(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getShort(String)");
    }

    @Override
    public short getShort(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getShort(int)");
    }

    @Override
    public java.lang.String getString(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getString(String)");
    }

    @Override
    public java.lang.String getString(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getString(int)");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getTime(String, Calendar)");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getTime(String)");
    }

    @Override
    public java.sql.Time getTime(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getTime(int, Calendar)");
    }

    @Override
    public java.sql.Time getTime(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getTime(int)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getTimestamp(String, Calendar)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getTimestamp(String)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getTimestamp(int, Calendar)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getTimestamp(int)");
    }

    @Override
    public java.net.URL getURL(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getURL(String)");
    }

    @Override
    public java.net.URL getURL(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.getURL(int)");
    }

    @Override
    public void registerOutParameter(java.lang.String p0, int p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.registerOutParameter(String, int, String)");
    }

    @Override
    public void registerOutParameter(java.lang.String p0, int p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.registerOutParameter(String, int, int)");
    }

    @Override
    public void registerOutParameter(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.registerOutParameter(String, int)");
    }

    @Override
    public void registerOutParameter(int p0, int p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.registerOutParameter(int, int, String)");
    }

    @Override
    public void registerOutParameter(int p0, int p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.registerOutParameter(int, int, int)");
    }

    @Override
    public void registerOutParameter(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.registerOutParameter(int, int)");
    }

    @Override
    public void setAsciiStream(java.lang.String p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setAsciiStream(String, InputStream, int)");
    }

    @Override
    public void setAsciiStream(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setAsciiStream(String, InputStream, long)");
    }

    @Override
    public void setAsciiStream(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setAsciiStream(String, InputStream)");
    }

    @Override
    public void setBigDecimal(java.lang.String p0, java.math.BigDecimal p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBigDecimal(String, BigDecimal)");
    }

    @Override
    public void setBinaryStream(java.lang.String p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBinaryStream(String, InputStream, int)");
    }

    @Override
    public void setBinaryStream(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBinaryStream(String, InputStream, long)");
    }

    @Override
    public void setBinaryStream(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBinaryStream(String, InputStream)");
    }

    @Override
    public void setBlob(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBlob(String, InputStream, long)");
    }

    @Override
    public void setBlob(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBlob(String, InputStream)");
    }

    @Override
    public void setBlob(java.lang.String p0, java.sql.Blob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBlob(String, Blob)");
    }

    @Override
    public void setBoolean(java.lang.String p0, boolean p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBoolean(String, boolean)");
    }

    @Override
    public void setByte(java.lang.String p0, byte p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setByte(String, byte)");
    }

    @Override
    public void setBytes(java.lang.String p0, byte[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setBytes(String, byte[])");
    }

    @Override
    public void setCharacterStream(java.lang.String p0, java.io.Reader p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setCharacterStream(String, Reader, int)");
    }

    @Override
    public void setCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setCharacterStream(String, Reader, long)");
    }

    @Override
    public void setCharacterStream(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setCharacterStream(String, Reader)");
    }

    @Override
    public void setClob(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setClob(String, Reader, long)");
    }

    @Override
    public void setClob(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setClob(String, Reader)");
    }

    @Override
    public void setClob(java.lang.String p0, java.sql.Clob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setClob(String, Clob)");
    }

    @Override
    public void setDate(java.lang.String p0, java.sql.Date p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setDate(String, Date, Calendar)");
    }

    @Override
    public void setDate(java.lang.String p0, java.sql.Date p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setDate(String, Date)");
    }

    @Override
    public void setDouble(java.lang.String p0, double p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setDouble(String, double)");
    }

    @Override
    public void setFloat(java.lang.String p0, float p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setFloat(String, float)");
    }

    @Override
    public void setInt(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setInt(String, int)");
    }

    @Override
    public void setLong(java.lang.String p0, long p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setLong(String, long)");
    }

    @Override
    public void setNCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setNCharacterStream(String, Reader, long)");
    }

    @Override
    public void setNCharacterStream(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setNCharacterStream(String, Reader)");
    }

    @Override
    public void setNClob(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setNClob(String, Reader, long)");
    }

    @Override
    public void setNClob(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setNClob(String, Reader)");
    }

    @Override
    public void setNClob(java.lang.String p0, java.sql.NClob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setNClob(String, NClob)");
    }

    @Override
    public void setNString(java.lang.String p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setNString(String, String)");
    }

    @Override
    public void setNull(java.lang.String p0, int p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setNull(String, int, String)");
    }

    @Override
    public void setNull(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setNull(String, int)");
    }

    @Override
    public void setObject(java.lang.String p0, java.lang.Object p1, int p2, int p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setObject(String, Object, int, int)");
    }

    @Override
    public void setObject(java.lang.String p0, java.lang.Object p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setObject(String, Object, int)");
    }

    @Override
    public void setObject(java.lang.String p0, java.lang.Object p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setObject(String, Object)");
    }

    @Override
    public void setRowId(java.lang.String p0, java.sql.RowId p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setRowId(String, RowId)");
    }

    @Override
    public void setSQLXML(java.lang.String p0, java.sql.SQLXML p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setSQLXML(String, SQLXML)");
    }

    @Override
    public void setShort(java.lang.String p0, short p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setShort(String, short)");
    }

    @Override
    public void setString(java.lang.String p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setString(String, String)");
    }

    @Override
    public void setTime(java.lang.String p0, java.sql.Time p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setTime(String, Time, Calendar)");
    }

    @Override
    public void setTime(java.lang.String p0, java.sql.Time p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setTime(String, Time)");
    }

    @Override
    public void setTimestamp(java.lang.String p0, java.sql.Timestamp p1, java.util.Calendar p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setTimestamp(String, Timestamp, Calendar)");
    }

    @Override
    public void setTimestamp(java.lang.String p0, java.sql.Timestamp p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setTimestamp(String, Timestamp)");
    }

    @Override
    public void setURL(java.lang.String p0, java.net.URL p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.setURL(String, URL)");
    }

    @Override
    public boolean wasNull() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("CallableStatement.wasNull()");
    }
}
