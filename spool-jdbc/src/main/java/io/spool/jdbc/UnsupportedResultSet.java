package io.spool.jdbc;

/**
 * Every method of {@link java.sql.ResultSet} that throws {@code SQLException}, each throwing
 * {@link java.sql.SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * driver's classes extend it and override what they support, so nothing unsupported is a silent no-op
 * and {@code UnsupportedMethodsTest} can list what is left.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedResultSet implements java.sql.ResultSet {
    @Override
    public boolean absolute(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.absolute(int)");
    }

    @Override
    public void afterLast() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.afterLast()");
    }

    @Override
    public void beforeFirst() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.beforeFirst()");
    }

    @Override
    public void cancelRowUpdates() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.cancelRowUpdates()");
    }

    @Override
    public void clearWarnings() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.clearWarnings()");
    }

    @Override
    public void close() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.close()");
    }

    @Override
    public void deleteRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.deleteRow()");
    }

    @Override
    public int findColumn(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.findColumn(String)");
    }

    @Override
    public boolean first() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.first()");
    }

    @Override
    public java.sql.Array getArray(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getArray(String)");
    }

    @Override
    public java.sql.Array getArray(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getArray(int)");
    }

    @Override
    public java.io.InputStream getAsciiStream(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getAsciiStream(String)");
    }

    @Override
    public java.io.InputStream getAsciiStream(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getAsciiStream(int)");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBigDecimal(String, int)");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBigDecimal(String)");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBigDecimal(int, int)");
    }

    @Override
    public java.math.BigDecimal getBigDecimal(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBigDecimal(int)");
    }

    @Override
    public java.io.InputStream getBinaryStream(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBinaryStream(String)");
    }

    @Override
    public java.io.InputStream getBinaryStream(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBinaryStream(int)");
    }

    @Override
    public java.sql.Blob getBlob(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBlob(String)");
    }

    @Override
    public java.sql.Blob getBlob(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBlob(int)");
    }

    @Override
    public boolean getBoolean(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBoolean(String)");
    }

    @Override
    public boolean getBoolean(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBoolean(int)");
    }

    @Override
    public byte getByte(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getByte(String)");
    }

    @Override
    public byte getByte(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getByte(int)");
    }

    @Override
    public byte[] getBytes(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBytes(String)");
    }

    @Override
    public byte[] getBytes(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getBytes(int)");
    }

    @Override
    public java.io.Reader getCharacterStream(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getCharacterStream(String)");
    }

    @Override
    public java.io.Reader getCharacterStream(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getCharacterStream(int)");
    }

    @Override
    public java.sql.Clob getClob(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getClob(String)");
    }

    @Override
    public java.sql.Clob getClob(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getClob(int)");
    }

    @Override
    public int getConcurrency() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getConcurrency()");
    }

    @Override
    public java.lang.String getCursorName() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getCursorName()");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getDate(String, Calendar)");
    }

    @Override
    public java.sql.Date getDate(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getDate(String)");
    }

    @Override
    public java.sql.Date getDate(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getDate(int, Calendar)");
    }

    @Override
    public java.sql.Date getDate(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getDate(int)");
    }

    @Override
    public double getDouble(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getDouble(String)");
    }

    @Override
    public double getDouble(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getDouble(int)");
    }

    @Override
    public int getFetchDirection() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getFetchDirection()");
    }

    @Override
    public int getFetchSize() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getFetchSize()");
    }

    @Override
    public float getFloat(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getFloat(String)");
    }

    @Override
    public float getFloat(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getFloat(int)");
    }

    @Override
    public int getHoldability() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getHoldability()");
    }

    @Override
    public int getInt(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getInt(String)");
    }

    @Override
    public int getInt(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getInt(int)");
    }

    @Override
    public long getLong(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getLong(String)");
    }

    @Override
    public long getLong(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getLong(int)");
    }

    @Override
    public java.sql.ResultSetMetaData getMetaData() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getMetaData()");
    }

    @Override
    public java.io.Reader getNCharacterStream(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNCharacterStream(String)");
    }

    @Override
    public java.io.Reader getNCharacterStream(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNCharacterStream(int)");
    }

    @Override
    public java.sql.NClob getNClob(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNClob(String)");
    }

    @Override
    public java.sql.NClob getNClob(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNClob(int)");
    }

    @Override
    public java.lang.String getNString(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNString(String)");
    }

    @Override
    public java.lang.String getNString(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getNString(int)");
    }

    @Override
    public <T> T getObject(java.lang.String p0, java.lang.Class<T> p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject(String, Class)");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject(String, Map)");
    }

    @Override
    public java.lang.Object getObject(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject(String)");
    }

    @Override
    public <T> T getObject(int p0, java.lang.Class<T> p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject(int, Class)");
    }

    @Override
    public java.lang.Object getObject(int p0, java.util.Map<java.lang.String, java.lang.Class<?>> p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject(int, Map)");
    }

    @Override
    public java.lang.Object getObject(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getObject(int)");
    }

    @Override
    public java.sql.Ref getRef(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRef(String)");
    }

    @Override
    public java.sql.Ref getRef(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRef(int)");
    }

    @Override
    public int getRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRow()");
    }

    @Override
    public java.sql.RowId getRowId(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRowId(String)");
    }

    @Override
    public java.sql.RowId getRowId(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getRowId(int)");
    }

    @Override
    public java.sql.SQLXML getSQLXML(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getSQLXML(String)");
    }

    @Override
    public java.sql.SQLXML getSQLXML(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getSQLXML(int)");
    }

    @Override
    public short getShort(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getShort(String)");
    }

    @Override
    public short getShort(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getShort(int)");
    }

    @Override
    public java.sql.Statement getStatement() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getStatement()");
    }

    @Override
    public java.lang.String getString(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getString(String)");
    }

    @Override
    public java.lang.String getString(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getString(int)");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getTime(String, Calendar)");
    }

    @Override
    public java.sql.Time getTime(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getTime(String)");
    }

    @Override
    public java.sql.Time getTime(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getTime(int, Calendar)");
    }

    @Override
    public java.sql.Time getTime(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getTime(int)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getTimestamp(String, Calendar)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getTimestamp(String)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0, java.util.Calendar p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getTimestamp(int, Calendar)");
    }

    @Override
    public java.sql.Timestamp getTimestamp(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getTimestamp(int)");
    }

    @Override
    public int getType() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getType()");
    }

    @Override
    public java.net.URL getURL(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getURL(String)");
    }

    @Override
    public java.net.URL getURL(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getURL(int)");
    }

    @Override
    public java.io.InputStream getUnicodeStream(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getUnicodeStream(String)");
    }

    @Override
    public java.io.InputStream getUnicodeStream(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getUnicodeStream(int)");
    }

    @Override
    public java.sql.SQLWarning getWarnings() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.getWarnings()");
    }

    @Override
    public void insertRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.insertRow()");
    }

    @Override
    public boolean isAfterLast() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.isAfterLast()");
    }

    @Override
    public boolean isBeforeFirst() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.isBeforeFirst()");
    }

    @Override
    public boolean isClosed() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.isClosed()");
    }

    @Override
    public boolean isFirst() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.isFirst()");
    }

    @Override
    public boolean isLast() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.isLast()");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.isWrapperFor(Class)");
    }

    @Override
    public boolean last() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.last()");
    }

    @Override
    public void moveToCurrentRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.moveToCurrentRow()");
    }

    @Override
    public void moveToInsertRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.moveToInsertRow()");
    }

    @Override
    public boolean next() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.next()");
    }

    @Override
    public boolean previous() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.previous()");
    }

    @Override
    public void refreshRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.refreshRow()");
    }

    @Override
    public boolean relative(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.relative(int)");
    }

    @Override
    public boolean rowDeleted() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowDeleted()");
    }

    @Override
    public boolean rowInserted() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowInserted()");
    }

    @Override
    public boolean rowUpdated() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.rowUpdated()");
    }

    @Override
    public void setFetchDirection(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.setFetchDirection(int)");
    }

    @Override
    public void setFetchSize(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.setFetchSize(int)");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.unwrap(Class)");
    }

    @Override
    public void updateArray(java.lang.String p0, java.sql.Array p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateArray(String, Array)");
    }

    @Override
    public void updateArray(int p0, java.sql.Array p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateArray(int, Array)");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream(String, InputStream, int)");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream(String, InputStream, long)");
    }

    @Override
    public void updateAsciiStream(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream(String, InputStream)");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream(int, InputStream, int)");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream(int, InputStream, long)");
    }

    @Override
    public void updateAsciiStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateAsciiStream(int, InputStream)");
    }

    @Override
    public void updateBigDecimal(java.lang.String p0, java.math.BigDecimal p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBigDecimal(String, BigDecimal)");
    }

    @Override
    public void updateBigDecimal(int p0, java.math.BigDecimal p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBigDecimal(int, BigDecimal)");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream(String, InputStream, int)");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream(String, InputStream, long)");
    }

    @Override
    public void updateBinaryStream(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream(String, InputStream)");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream(int, InputStream, int)");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream(int, InputStream, long)");
    }

    @Override
    public void updateBinaryStream(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBinaryStream(int, InputStream)");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob(String, InputStream, long)");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob(String, InputStream)");
    }

    @Override
    public void updateBlob(java.lang.String p0, java.sql.Blob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob(String, Blob)");
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob(int, InputStream, long)");
    }

    @Override
    public void updateBlob(int p0, java.io.InputStream p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob(int, InputStream)");
    }

    @Override
    public void updateBlob(int p0, java.sql.Blob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBlob(int, Blob)");
    }

    @Override
    public void updateBoolean(java.lang.String p0, boolean p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBoolean(String, boolean)");
    }

    @Override
    public void updateBoolean(int p0, boolean p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBoolean(int, boolean)");
    }

    @Override
    public void updateByte(java.lang.String p0, byte p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateByte(String, byte)");
    }

    @Override
    public void updateByte(int p0, byte p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateByte(int, byte)");
    }

    @Override
    public void updateBytes(java.lang.String p0, byte[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBytes(String, byte[])");
    }

    @Override
    public void updateBytes(int p0, byte[] p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateBytes(int, byte[])");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream(String, Reader, int)");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream(String, Reader, long)");
    }

    @Override
    public void updateCharacterStream(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream(String, Reader)");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream(int, Reader, int)");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream(int, Reader, long)");
    }

    @Override
    public void updateCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateCharacterStream(int, Reader)");
    }

    @Override
    public void updateClob(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob(String, Reader, long)");
    }

    @Override
    public void updateClob(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob(String, Reader)");
    }

    @Override
    public void updateClob(java.lang.String p0, java.sql.Clob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob(String, Clob)");
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob(int, Reader, long)");
    }

    @Override
    public void updateClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob(int, Reader)");
    }

    @Override
    public void updateClob(int p0, java.sql.Clob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateClob(int, Clob)");
    }

    @Override
    public void updateDate(java.lang.String p0, java.sql.Date p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDate(String, Date)");
    }

    @Override
    public void updateDate(int p0, java.sql.Date p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDate(int, Date)");
    }

    @Override
    public void updateDouble(java.lang.String p0, double p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDouble(String, double)");
    }

    @Override
    public void updateDouble(int p0, double p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateDouble(int, double)");
    }

    @Override
    public void updateFloat(java.lang.String p0, float p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateFloat(String, float)");
    }

    @Override
    public void updateFloat(int p0, float p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateFloat(int, float)");
    }

    @Override
    public void updateInt(java.lang.String p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateInt(String, int)");
    }

    @Override
    public void updateInt(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateInt(int, int)");
    }

    @Override
    public void updateLong(java.lang.String p0, long p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateLong(String, long)");
    }

    @Override
    public void updateLong(int p0, long p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateLong(int, long)");
    }

    @Override
    public void updateNCharacterStream(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream(String, Reader, long)");
    }

    @Override
    public void updateNCharacterStream(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream(String, Reader)");
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream(int, Reader, long)");
    }

    @Override
    public void updateNCharacterStream(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNCharacterStream(int, Reader)");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob(String, Reader, long)");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob(String, Reader)");
    }

    @Override
    public void updateNClob(java.lang.String p0, java.sql.NClob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob(String, NClob)");
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1, long p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob(int, Reader, long)");
    }

    @Override
    public void updateNClob(int p0, java.io.Reader p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob(int, Reader)");
    }

    @Override
    public void updateNClob(int p0, java.sql.NClob p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNClob(int, NClob)");
    }

    @Override
    public void updateNString(java.lang.String p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNString(String, String)");
    }

    @Override
    public void updateNString(int p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNString(int, String)");
    }

    @Override
    public void updateNull(java.lang.String p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNull(String)");
    }

    @Override
    public void updateNull(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateNull(int)");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject(String, Object, int)");
    }

    @Override
    public void updateObject(java.lang.String p0, java.lang.Object p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject(String, Object)");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1, int p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject(int, Object, int)");
    }

    @Override
    public void updateObject(int p0, java.lang.Object p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateObject(int, Object)");
    }

    @Override
    public void updateRef(java.lang.String p0, java.sql.Ref p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRef(String, Ref)");
    }

    @Override
    public void updateRef(int p0, java.sql.Ref p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRef(int, Ref)");
    }

    @Override
    public void updateRow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRow()");
    }

    @Override
    public void updateRowId(java.lang.String p0, java.sql.RowId p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRowId(String, RowId)");
    }

    @Override
    public void updateRowId(int p0, java.sql.RowId p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateRowId(int, RowId)");
    }

    @Override
    public void updateSQLXML(java.lang.String p0, java.sql.SQLXML p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateSQLXML(String, SQLXML)");
    }

    @Override
    public void updateSQLXML(int p0, java.sql.SQLXML p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateSQLXML(int, SQLXML)");
    }

    @Override
    public void updateShort(java.lang.String p0, short p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateShort(String, short)");
    }

    @Override
    public void updateShort(int p0, short p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateShort(int, short)");
    }

    @Override
    public void updateString(java.lang.String p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateString(String, String)");
    }

    @Override
    public void updateString(int p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateString(int, String)");
    }

    @Override
    public void updateTime(java.lang.String p0, java.sql.Time p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTime(String, Time)");
    }

    @Override
    public void updateTime(int p0, java.sql.Time p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTime(int, Time)");
    }

    @Override
    public void updateTimestamp(java.lang.String p0, java.sql.Timestamp p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTimestamp(String, Timestamp)");
    }

    @Override
    public void updateTimestamp(int p0, java.sql.Timestamp p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.updateTimestamp(int, Timestamp)");
    }

    @Override
    public boolean wasNull() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("ResultSet.wasNull()");
    }
}
