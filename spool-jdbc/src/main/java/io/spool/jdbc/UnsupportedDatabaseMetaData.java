package io.spool.jdbc;

/**
 * Every method of {@link java.sql.DatabaseMetaData} that throws {@code SQLException}, each throwing
 * {@link java.sql.SQLFeatureNotSupportedException} naming itself. Generated from the interface; the
 * driver's classes extend it and override what they support, so nothing unsupported is a silent no-op
 * and {@code UnsupportedMethodsTest} can list what is left.
 */
@SuppressWarnings({"deprecation", "RedundantThrows"})
abstract class UnsupportedDatabaseMetaData implements java.sql.DatabaseMetaData {
    @Override
    public boolean allProceduresAreCallable() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.allProceduresAreCallable()");
    }

    @Override
    public boolean allTablesAreSelectable() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.allTablesAreSelectable()");
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.autoCommitFailureClosesAllResultSets()");
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.dataDefinitionCausesTransactionCommit()");
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.dataDefinitionIgnoredInTransactions()");
    }

    @Override
    public boolean deletesAreDetected(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.deletesAreDetected(int)");
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.doesMaxRowSizeIncludeBlobs()");
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.generatedKeyAlwaysReturned()");
    }

    @Override
    public java.sql.ResultSet getAttributes(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getAttributes(String, String, String, String)");
    }

    @Override
    public java.sql.ResultSet getBestRowIdentifier(java.lang.String p0, java.lang.String p1, java.lang.String p2, int p3, boolean p4) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getBestRowIdentifier(String, String, String, int, boolean)");
    }

    @Override
    public java.lang.String getCatalogSeparator() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getCatalogSeparator()");
    }

    @Override
    public java.lang.String getCatalogTerm() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getCatalogTerm()");
    }

    @Override
    public java.sql.ResultSet getCatalogs() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getCatalogs()");
    }

    @Override
    public java.sql.ResultSet getClientInfoProperties() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getClientInfoProperties()");
    }

    @Override
    public java.sql.ResultSet getColumnPrivileges(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getColumnPrivileges(String, String, String, String)");
    }

    @Override
    public java.sql.ResultSet getColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getColumns(String, String, String, String)");
    }

    @Override
    public java.sql.Connection getConnection() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getConnection()");
    }

    @Override
    public java.sql.ResultSet getCrossReference(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3, java.lang.String p4, java.lang.String p5) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getCrossReference(String, String, String, String, String, String)");
    }

    @Override
    public int getDatabaseMajorVersion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getDatabaseMajorVersion()");
    }

    @Override
    public int getDatabaseMinorVersion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getDatabaseMinorVersion()");
    }

    @Override
    public java.lang.String getDatabaseProductName() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getDatabaseProductName()");
    }

    @Override
    public java.lang.String getDatabaseProductVersion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getDatabaseProductVersion()");
    }

    @Override
    public int getDefaultTransactionIsolation() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getDefaultTransactionIsolation()");
    }

    @Override
    public java.lang.String getDriverName() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getDriverName()");
    }

    @Override
    public java.lang.String getDriverVersion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getDriverVersion()");
    }

    @Override
    public java.sql.ResultSet getExportedKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getExportedKeys(String, String, String)");
    }

    @Override
    public java.lang.String getExtraNameCharacters() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getExtraNameCharacters()");
    }

    @Override
    public java.sql.ResultSet getFunctionColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getFunctionColumns(String, String, String, String)");
    }

    @Override
    public java.sql.ResultSet getFunctions(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getFunctions(String, String, String)");
    }

    @Override
    public java.lang.String getIdentifierQuoteString() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getIdentifierQuoteString()");
    }

    @Override
    public java.sql.ResultSet getImportedKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getImportedKeys(String, String, String)");
    }

    @Override
    public java.sql.ResultSet getIndexInfo(java.lang.String p0, java.lang.String p1, java.lang.String p2, boolean p3, boolean p4) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getIndexInfo(String, String, String, boolean, boolean)");
    }

    @Override
    public int getJDBCMajorVersion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getJDBCMajorVersion()");
    }

    @Override
    public int getJDBCMinorVersion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getJDBCMinorVersion()");
    }

    @Override
    public int getMaxBinaryLiteralLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxBinaryLiteralLength()");
    }

    @Override
    public int getMaxCatalogNameLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxCatalogNameLength()");
    }

    @Override
    public int getMaxCharLiteralLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxCharLiteralLength()");
    }

    @Override
    public int getMaxColumnNameLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxColumnNameLength()");
    }

    @Override
    public int getMaxColumnsInGroupBy() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxColumnsInGroupBy()");
    }

    @Override
    public int getMaxColumnsInIndex() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxColumnsInIndex()");
    }

    @Override
    public int getMaxColumnsInOrderBy() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxColumnsInOrderBy()");
    }

    @Override
    public int getMaxColumnsInSelect() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxColumnsInSelect()");
    }

    @Override
    public int getMaxColumnsInTable() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxColumnsInTable()");
    }

    @Override
    public int getMaxConnections() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxConnections()");
    }

    @Override
    public int getMaxCursorNameLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxCursorNameLength()");
    }

    @Override
    public int getMaxIndexLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxIndexLength()");
    }

    @Override
    public int getMaxProcedureNameLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxProcedureNameLength()");
    }

    @Override
    public int getMaxRowSize() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxRowSize()");
    }

    @Override
    public int getMaxSchemaNameLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxSchemaNameLength()");
    }

    @Override
    public int getMaxStatementLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxStatementLength()");
    }

    @Override
    public int getMaxStatements() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxStatements()");
    }

    @Override
    public int getMaxTableNameLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxTableNameLength()");
    }

    @Override
    public int getMaxTablesInSelect() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxTablesInSelect()");
    }

    @Override
    public int getMaxUserNameLength() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getMaxUserNameLength()");
    }

    @Override
    public java.lang.String getNumericFunctions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getNumericFunctions()");
    }

    @Override
    public java.sql.ResultSet getPrimaryKeys(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getPrimaryKeys(String, String, String)");
    }

    @Override
    public java.sql.ResultSet getProcedureColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getProcedureColumns(String, String, String, String)");
    }

    @Override
    public java.lang.String getProcedureTerm() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getProcedureTerm()");
    }

    @Override
    public java.sql.ResultSet getProcedures(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getProcedures(String, String, String)");
    }

    @Override
    public java.sql.ResultSet getPseudoColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getPseudoColumns(String, String, String, String)");
    }

    @Override
    public int getResultSetHoldability() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getResultSetHoldability()");
    }

    @Override
    public java.sql.RowIdLifetime getRowIdLifetime() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getRowIdLifetime()");
    }

    @Override
    public java.lang.String getSQLKeywords() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSQLKeywords()");
    }

    @Override
    public int getSQLStateType() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSQLStateType()");
    }

    @Override
    public java.lang.String getSchemaTerm() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSchemaTerm()");
    }

    @Override
    public java.sql.ResultSet getSchemas() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSchemas()");
    }

    @Override
    public java.sql.ResultSet getSchemas(java.lang.String p0, java.lang.String p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSchemas(String, String)");
    }

    @Override
    public java.lang.String getSearchStringEscape() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSearchStringEscape()");
    }

    @Override
    public java.lang.String getStringFunctions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getStringFunctions()");
    }

    @Override
    public java.sql.ResultSet getSuperTables(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSuperTables(String, String, String)");
    }

    @Override
    public java.sql.ResultSet getSuperTypes(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSuperTypes(String, String, String)");
    }

    @Override
    public java.lang.String getSystemFunctions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getSystemFunctions()");
    }

    @Override
    public java.sql.ResultSet getTablePrivileges(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getTablePrivileges(String, String, String)");
    }

    @Override
    public java.sql.ResultSet getTableTypes() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getTableTypes()");
    }

    @Override
    public java.sql.ResultSet getTables(java.lang.String p0, java.lang.String p1, java.lang.String p2, java.lang.String[] p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getTables(String, String, String, String[])");
    }

    @Override
    public java.lang.String getTimeDateFunctions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getTimeDateFunctions()");
    }

    @Override
    public java.sql.ResultSet getTypeInfo() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getTypeInfo()");
    }

    @Override
    public java.sql.ResultSet getUDTs(java.lang.String p0, java.lang.String p1, java.lang.String p2, int[] p3) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getUDTs(String, String, String, int[])");
    }

    @Override
    public java.lang.String getURL() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getURL()");
    }

    @Override
    public java.lang.String getUserName() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getUserName()");
    }

    @Override
    public java.sql.ResultSet getVersionColumns(java.lang.String p0, java.lang.String p1, java.lang.String p2) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.getVersionColumns(String, String, String)");
    }

    @Override
    public boolean insertsAreDetected(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.insertsAreDetected(int)");
    }

    @Override
    public boolean isCatalogAtStart() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.isCatalogAtStart()");
    }

    @Override
    public boolean isReadOnly() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.isReadOnly()");
    }

    @Override
    public boolean isWrapperFor(java.lang.Class<?> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.isWrapperFor(Class)");
    }

    @Override
    public boolean locatorsUpdateCopy() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.locatorsUpdateCopy()");
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.nullPlusNonNullIsNull()");
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.nullsAreSortedAtEnd()");
    }

    @Override
    public boolean nullsAreSortedAtStart() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.nullsAreSortedAtStart()");
    }

    @Override
    public boolean nullsAreSortedHigh() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.nullsAreSortedHigh()");
    }

    @Override
    public boolean nullsAreSortedLow() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.nullsAreSortedLow()");
    }

    @Override
    public boolean othersDeletesAreVisible(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.othersDeletesAreVisible(int)");
    }

    @Override
    public boolean othersInsertsAreVisible(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.othersInsertsAreVisible(int)");
    }

    @Override
    public boolean othersUpdatesAreVisible(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.othersUpdatesAreVisible(int)");
    }

    @Override
    public boolean ownDeletesAreVisible(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.ownDeletesAreVisible(int)");
    }

    @Override
    public boolean ownInsertsAreVisible(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.ownInsertsAreVisible(int)");
    }

    @Override
    public boolean ownUpdatesAreVisible(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.ownUpdatesAreVisible(int)");
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.storesLowerCaseIdentifiers()");
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.storesLowerCaseQuotedIdentifiers()");
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.storesMixedCaseIdentifiers()");
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.storesMixedCaseQuotedIdentifiers()");
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.storesUpperCaseIdentifiers()");
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.storesUpperCaseQuotedIdentifiers()");
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsANSI92EntryLevelSQL()");
    }

    @Override
    public boolean supportsANSI92FullSQL() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsANSI92FullSQL()");
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsANSI92IntermediateSQL()");
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsAlterTableWithAddColumn()");
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsAlterTableWithDropColumn()");
    }

    @Override
    public boolean supportsBatchUpdates() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsBatchUpdates()");
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsCatalogsInDataManipulation()");
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsCatalogsInIndexDefinitions()");
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsCatalogsInPrivilegeDefinitions()");
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsCatalogsInProcedureCalls()");
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsCatalogsInTableDefinitions()");
    }

    @Override
    public boolean supportsColumnAliasing() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsColumnAliasing()");
    }

    @Override
    public boolean supportsConvert() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsConvert()");
    }

    @Override
    public boolean supportsConvert(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsConvert(int, int)");
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsCoreSQLGrammar()");
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsCorrelatedSubqueries()");
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsDataDefinitionAndDataManipulationTransactions()");
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsDataManipulationTransactionsOnly()");
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsDifferentTableCorrelationNames()");
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsExpressionsInOrderBy()");
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsExtendedSQLGrammar()");
    }

    @Override
    public boolean supportsFullOuterJoins() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsFullOuterJoins()");
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsGetGeneratedKeys()");
    }

    @Override
    public boolean supportsGroupBy() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsGroupBy()");
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsGroupByBeyondSelect()");
    }

    @Override
    public boolean supportsGroupByUnrelated() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsGroupByUnrelated()");
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsIntegrityEnhancementFacility()");
    }

    @Override
    public boolean supportsLikeEscapeClause() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsLikeEscapeClause()");
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsLimitedOuterJoins()");
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsMinimumSQLGrammar()");
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsMixedCaseIdentifiers()");
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsMixedCaseQuotedIdentifiers()");
    }

    @Override
    public boolean supportsMultipleOpenResults() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsMultipleOpenResults()");
    }

    @Override
    public boolean supportsMultipleResultSets() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsMultipleResultSets()");
    }

    @Override
    public boolean supportsMultipleTransactions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsMultipleTransactions()");
    }

    @Override
    public boolean supportsNamedParameters() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsNamedParameters()");
    }

    @Override
    public boolean supportsNonNullableColumns() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsNonNullableColumns()");
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsOpenCursorsAcrossCommit()");
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsOpenCursorsAcrossRollback()");
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsOpenStatementsAcrossCommit()");
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsOpenStatementsAcrossRollback()");
    }

    @Override
    public boolean supportsOrderByUnrelated() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsOrderByUnrelated()");
    }

    @Override
    public boolean supportsOuterJoins() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsOuterJoins()");
    }

    @Override
    public boolean supportsPositionedDelete() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsPositionedDelete()");
    }

    @Override
    public boolean supportsPositionedUpdate() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsPositionedUpdate()");
    }

    @Override
    public boolean supportsResultSetConcurrency(int p0, int p1) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsResultSetConcurrency(int, int)");
    }

    @Override
    public boolean supportsResultSetHoldability(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsResultSetHoldability(int)");
    }

    @Override
    public boolean supportsResultSetType(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsResultSetType(int)");
    }

    @Override
    public boolean supportsSavepoints() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSavepoints()");
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSchemasInDataManipulation()");
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSchemasInIndexDefinitions()");
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSchemasInPrivilegeDefinitions()");
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSchemasInProcedureCalls()");
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSchemasInTableDefinitions()");
    }

    @Override
    public boolean supportsSelectForUpdate() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSelectForUpdate()");
    }

    @Override
    public boolean supportsStatementPooling() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsStatementPooling()");
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsStoredFunctionsUsingCallSyntax()");
    }

    @Override
    public boolean supportsStoredProcedures() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsStoredProcedures()");
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSubqueriesInComparisons()");
    }

    @Override
    public boolean supportsSubqueriesInExists() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSubqueriesInExists()");
    }

    @Override
    public boolean supportsSubqueriesInIns() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSubqueriesInIns()");
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsSubqueriesInQuantifieds()");
    }

    @Override
    public boolean supportsTableCorrelationNames() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsTableCorrelationNames()");
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsTransactionIsolationLevel(int)");
    }

    @Override
    public boolean supportsTransactions() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsTransactions()");
    }

    @Override
    public boolean supportsUnion() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsUnion()");
    }

    @Override
    public boolean supportsUnionAll() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.supportsUnionAll()");
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.unwrap(Class)");
    }

    @Override
    public boolean updatesAreDetected(int p0) throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.updatesAreDetected(int)");
    }

    @Override
    public boolean usesLocalFilePerTable() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.usesLocalFilePerTable()");
    }

    @Override
    public boolean usesLocalFiles() throws java.sql.SQLException {
        throw SqlExceptions.unsupported("DatabaseMetaData.usesLocalFiles()");
    }
}
