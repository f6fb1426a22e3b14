package io.spool.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * What JDBC tools ask about the database: capabilities answered as PostgreSQL has them, and the catalog
 * ({@code getTables}, {@code getColumns}, {@code getPrimaryKeys}, {@code getImportedKeys},
 * {@code getExportedKeys}, {@code getIndexInfo}, {@code getSchemas}, {@code getTypeInfo}, ...) read from
 * {@code pg_catalog} with the column layouts the JDBC specification gives. Enough for Flyway, Liquibase, jOOQ,
 * Hibernate, Spring and HikariCP; what is left throws {@link java.sql.SQLFeatureNotSupportedException}.
 */
final class SpoolDatabaseMetaData extends UnsupportedDatabaseMetaData {
    private final SpoolConnection connection;
    private String version;

    SpoolDatabaseMetaData(SpoolConnection connection) {
        this.connection = connection;
    }

    /** The JDBC type code of {@code pg_type} {@code t}, in SQL. */
    private static final String DATA_TYPE = """
            CASE WHEN t.typcategory = 'A' THEN 2003
                 WHEN t.typname = 'bool' THEN -7 WHEN t.typname = 'int2' THEN 5
                 WHEN t.typname IN ('int4', 'oid') THEN 4 WHEN t.typname = 'int8' THEN -5
                 WHEN t.typname = 'float4' THEN 7 WHEN t.typname IN ('float8', 'money') THEN 8
                 WHEN t.typname = 'numeric' THEN 2 WHEN t.typname IN ('bpchar', 'char') THEN 1
                 WHEN t.typname IN ('varchar', 'text', 'name', 'json', 'jsonb', 'xml') THEN 12
                 WHEN t.typname = 'bytea' THEN -2 WHEN t.typname = 'date' THEN 91
                 WHEN t.typname IN ('time', 'timetz') THEN 92
                 WHEN t.typname IN ('timestamp', 'timestamptz') THEN 93
                 WHEN t.typtype = 'd' THEN 2001 ELSE 1111 END""";

    private ResultSet query(String sql, Object... params) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql, ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        for (int i = 0; i < params.length; i++) {
            s.setObject(i + 1, params[i]);
        }
        s.closeOnCompletion();
        return s.executeQuery();
    }

    /** A LIKE pattern: null matches everything. */
    private static String like(String pattern) {
        return pattern == null ? "%" : pattern;
    }

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        String typeFilter = "";
        if (types != null) {
            StringBuilder in = new StringBuilder(" AND \"TABLE_TYPE\" IN (");
            for (int i = 0; i < types.length; i++) {
                in.append(i == 0 ? "" : ", ").append('\'').append(types[i].replace("'", "''")).append('\'');
            }
            typeFilter = in.append(')').toString();
        }
        return query("""
                SELECT "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE", "REMARKS",
                  NULL::text AS "TYPE_CAT", NULL::text AS "TYPE_SCHEM", NULL::text AS "TYPE_NAME",
                  NULL::text AS "SELF_REFERENCING_COL_NAME", NULL::text AS "REF_GENERATION"
                FROM (
                  SELECT current_database() AS "TABLE_CAT", n.nspname AS "TABLE_SCHEM", c.relname AS "TABLE_NAME",
                    CASE WHEN n.nspname ~ '^pg_' OR n.nspname = 'information_schema' THEN
                      CASE c.relkind WHEN 'r' THEN 'SYSTEM TABLE' WHEN 'v' THEN 'SYSTEM VIEW' WHEN 'i' THEN 'SYSTEM INDEX'
                        ELSE 'SYSTEM ' || c.relkind::text END
                    ELSE CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'PARTITIONED TABLE' WHEN 'v' THEN 'VIEW'
                      WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                      WHEN 'i' THEN 'INDEX' WHEN 'c' THEN 'TYPE'
                      ELSE c.relkind::text END END AS "TABLE_TYPE",
                    obj_description(c.oid, 'pg_class') AS "REMARKS"
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname LIKE ? AND c.relname LIKE ?
                    AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_my_temp_schema())
                ) x WHERE true""" + typeFilter + " ORDER BY \"TABLE_TYPE\", \"TABLE_SCHEM\", \"TABLE_NAME\"",
                like(schemaPattern), like(tableNamePattern));
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return query("SELECT * FROM (VALUES ('FOREIGN TABLE'), ('INDEX'), ('MATERIALIZED VIEW'), ('PARTITIONED TABLE'),"
                + " ('SEQUENCE'), ('SYSTEM INDEX'), ('SYSTEM TABLE'), ('SYSTEM VIEW'), ('TABLE'), ('TYPE'), ('VIEW'))"
                + " t(\"TABLE_TYPE\")");
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return getSchemas(null, null);
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
        return query("SELECT nspname AS \"TABLE_SCHEM\", current_database() AS \"TABLE_CATALOG\" FROM pg_namespace "
                + "WHERE nspname LIKE ? AND (nspname !~ '^pg_temp_' OR oid = pg_my_temp_schema()) "
                + "AND nspname !~ '^pg_toast_temp_' ORDER BY 1", like(schemaPattern));
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return query("SELECT datname AS \"TABLE_CAT\" FROM pg_database WHERE datallowconn ORDER BY 1");
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        return query("""
                SELECT current_database() AS "TABLE_CAT", n.nspname AS "TABLE_SCHEM", c.relname AS "TABLE_NAME",
                  a.attname AS "COLUMN_NAME", (%s)::int4 AS "DATA_TYPE", t.typname AS "TYPE_NAME",
                  (CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4
                        WHEN t.typname = 'numeric' AND a.atttypmod > 4 THEN ((a.atttypmod - 4) >> 16) & 65535
                        WHEN t.typname = 'numeric' THEN 1000
                        WHEN t.typname = 'int2' THEN 5 WHEN t.typname IN ('int4', 'oid') THEN 10
                        WHEN t.typname = 'int8' THEN 19 WHEN t.typname = 'float4' THEN 8
                        WHEN t.typname = 'float8' THEN 17 WHEN t.typname = 'bool' THEN 1
                        WHEN t.typname = 'date' THEN 13 WHEN t.typname IN ('timestamp', 'timestamptz') THEN 29
                        WHEN t.typname IN ('time', 'timetz') THEN 15
                        ELSE 2147483647 END)::int4 AS "COLUMN_SIZE",
                  NULL::int4 AS "BUFFER_LENGTH",
                  (CASE WHEN t.typname = 'numeric' AND a.atttypmod > 4 THEN (a.atttypmod - 4) & 65535
                        WHEN t.typname IN ('int2', 'int4', 'int8', 'oid') THEN 0
                        WHEN t.typname = 'float4' THEN 8 WHEN t.typname = 'float8' THEN 17
                        WHEN t.typname IN ('timestamp', 'timestamptz', 'time', 'timetz') THEN 6
                        ELSE 0 END)::int4 AS "DECIMAL_DIGITS",
                  10 AS "NUM_PREC_RADIX",
                  (CASE WHEN a.attnotnull THEN 0 ELSE 1 END)::int4 AS "NULLABLE",
                  col_description(c.oid, a.attnum) AS "REMARKS",
                  pg_get_expr(d.adbin, d.adrelid) AS "COLUMN_DEF",
                  NULL::int4 AS "SQL_DATA_TYPE", NULL::int4 AS "SQL_DATETIME_SUB",
                  (CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4
                        ELSE 2147483647 END)::int4 AS "CHAR_OCTET_LENGTH",
                  a.attnum::int4 AS "ORDINAL_POSITION",
                  CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS "IS_NULLABLE",
                  NULL::text AS "SCOPE_CATALOG", NULL::text AS "SCOPE_SCHEMA", NULL::text AS "SCOPE_TABLE",
                  NULL::int2 AS "SOURCE_DATA_TYPE",
                  CASE WHEN a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%%' THEN 'YES' ELSE 'NO' END
                    AS "IS_AUTOINCREMENT",
                  CASE WHEN a.attgenerated <> '' THEN 'YES' ELSE 'NO' END AS "IS_GENERATEDCOLUMN"
                FROM pg_attribute a
                  JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_type t ON t.oid = a.atttypid
                  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND n.nspname LIKE ? AND c.relname LIKE ? AND a.attname LIKE ?
                ORDER BY n.nspname, c.relname, a.attnum""".formatted(DATA_TYPE),
                like(schemaPattern), like(tableNamePattern), like(columnNamePattern));
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return query("""
                SELECT current_database() AS "TABLE_CAT", n.nspname AS "TABLE_SCHEM", c.relname AS "TABLE_NAME",
                  a.attname AS "COLUMN_NAME", k.ord::int2 AS "KEY_SEQ", con.conname AS "PK_NAME"
                FROM pg_constraint con
                  JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                  CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                WHERE con.contype = 'p' AND n.nspname LIKE ? AND c.relname = ?
                ORDER BY c.relname, k.ord""", like(schema), table);
    }

    private static final String KEYS = """
            SELECT current_database() AS "PKTABLE_CAT", pn.nspname AS "PKTABLE_SCHEM", pc.relname AS "PKTABLE_NAME",
              pa.attname AS "PKCOLUMN_NAME", current_database() AS "FKTABLE_CAT", fn.nspname AS "FKTABLE_SCHEM",
              fc.relname AS "FKTABLE_NAME", fa.attname AS "FKCOLUMN_NAME", k.ord::int2 AS "KEY_SEQ",
              (CASE con.confupdtype WHEN 'c' THEN 0 WHEN 'n' THEN 2 WHEN 'd' THEN 4 WHEN 'r' THEN 1 ELSE 3 END)::int2
                AS "UPDATE_RULE",
              (CASE con.confdeltype WHEN 'c' THEN 0 WHEN 'n' THEN 2 WHEN 'd' THEN 4 WHEN 'r' THEN 1 ELSE 3 END)::int2
                AS "DELETE_RULE",
              con.conname AS "FK_NAME", pk.conname AS "PK_NAME",
              (CASE WHEN con.condeferrable AND con.condeferred THEN 5 WHEN con.condeferrable THEN 6 ELSE 7 END)::int2
                AS "DEFERRABILITY"
            FROM pg_constraint con
              JOIN pg_class fc ON fc.oid = con.conrelid JOIN pg_namespace fn ON fn.oid = fc.relnamespace
              JOIN pg_class pc ON pc.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
              CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(fnum, pnum, ord)
              JOIN pg_attribute fa ON fa.attrelid = fc.oid AND fa.attnum = k.fnum
              JOIN pg_attribute pa ON pa.attrelid = pc.oid AND pa.attnum = k.pnum
              LEFT JOIN pg_constraint pk ON pk.conrelid = pc.oid AND pk.contype IN ('p', 'u')
                AND pk.conkey = con.confkey
            WHERE con.contype = 'f' AND %s
            ORDER BY 1, 2, 3, 9""";

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return query(KEYS.formatted("fn.nspname LIKE ? AND fc.relname = ?").replace("ORDER BY 1, 2, 3, 9",
                "ORDER BY \"PKTABLE_SCHEM\", \"PKTABLE_NAME\", \"KEY_SEQ\""), like(schema), table);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return query(KEYS.formatted("pn.nspname LIKE ? AND pc.relname = ?").replace("ORDER BY 1, 2, 3, 9",
                "ORDER BY \"FKTABLE_SCHEM\", \"FKTABLE_NAME\", \"KEY_SEQ\""), like(schema), table);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return query(KEYS.formatted("pn.nspname LIKE ? AND pc.relname = ? AND fn.nspname LIKE ? AND fc.relname = ?")
                        .replace("ORDER BY 1, 2, 3, 9", "ORDER BY \"FKTABLE_SCHEM\", \"FKTABLE_NAME\", \"KEY_SEQ\""),
                like(parentSchema), parentTable, like(foreignSchema), foreignTable);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        return query("""
                SELECT current_database() AS "TABLE_CAT", n.nspname AS "TABLE_SCHEM", c.relname AS "TABLE_NAME",
                  NOT i.indisunique AS "NON_UNIQUE", NULL::text AS "INDEX_QUALIFIER", ic.relname AS "INDEX_NAME",
                  3::int2 AS "TYPE", k.ord::int2 AS "ORDINAL_POSITION",
                  COALESCE(a.attname, pg_get_indexdef(i.indexrelid, k.ord::int4, false)) AS "COLUMN_NAME",
                  CASE WHEN i.indoption[k.ord - 1] & 1 = 1 THEN 'D' ELSE 'A' END AS "ASC_OR_DESC",
                  ic.reltuples::int8 AS "CARDINALITY", ic.relpages::int8 AS "PAGES",
                  pg_get_expr(i.indpred, i.indrelid) AS "FILTER_CONDITION"
                FROM pg_index i
                  JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                  JOIN pg_class ic ON ic.oid = i.indexrelid
                  CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum AND k.attnum > 0
                WHERE n.nspname LIKE ? AND c.relname = ? AND (i.indisunique OR NOT ?)
                ORDER BY "NON_UNIQUE", "TYPE", "INDEX_NAME", "ORDINAL_POSITION\"""", like(schema), table, unique);
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        return query("""
                SELECT t.typname AS "TYPE_NAME", (%s)::int4 AS "DATA_TYPE",
                  (CASE t.typname WHEN 'int2' THEN 5 WHEN 'int4' THEN 10 WHEN 'int8' THEN 19 WHEN 'numeric' THEN 1000
                    WHEN 'varchar' THEN 10485760 WHEN 'bpchar' THEN 10485760 ELSE 0 END)::int4 AS "PRECISION",
                  CASE WHEN t.typcategory IN ('S', 'D') THEN '''' END AS "LITERAL_PREFIX",
                  CASE WHEN t.typcategory IN ('S', 'D') THEN '''' END AS "LITERAL_SUFFIX",
                  NULL::text AS "CREATE_PARAMS", 1::int2 AS "NULLABLE",
                  t.typcategory = 'S' AS "CASE_SENSITIVE", 3::int2 AS "SEARCHABLE",
                  t.typcategory <> 'N' AS "UNSIGNED_ATTRIBUTE", t.typname = 'money' AS "FIXED_PREC_SCALE",
                  t.typname IN ('int2', 'int4', 'int8') AND false AS "AUTO_INCREMENT", t.typname AS "LOCAL_TYPE_NAME",
                  0::int2 AS "MINIMUM_SCALE", (CASE t.typname WHEN 'numeric' THEN 1000 ELSE 0 END)::int2 AS "MAXIMUM_SCALE",
                  NULL::int4 AS "SQL_DATA_TYPE", NULL::int4 AS "SQL_DATETIME_SUB", 10 AS "NUM_PREC_RADIX"
                FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname IN ('pg_catalog', 'public') AND t.typtype IN ('b', 'd', 'e')
                ORDER BY 2, 1""".formatted(DATA_TYPE));
    }

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String namePattern) throws SQLException {
        return query("""
                SELECT current_database() AS "PROCEDURE_CAT", n.nspname AS "PROCEDURE_SCHEM",
                  p.proname AS "PROCEDURE_NAME", NULL::text AS r1, NULL::text AS r2, NULL::text AS r3,
                  obj_description(p.oid, 'pg_proc') AS "REMARKS",
                  (CASE WHEN p.prokind = 'p' THEN 1 ELSE 2 END)::int2 AS "PROCEDURE_TYPE",
                  p.proname || '_' || p.oid AS "SPECIFIC_NAME"
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname LIKE ? AND p.proname LIKE ? ORDER BY 2, 3, 9""", like(schemaPattern), like(namePattern));
    }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String namePattern) throws SQLException {
        return query("""
                SELECT current_database() AS "FUNCTION_CAT", n.nspname AS "FUNCTION_SCHEM",
                  p.proname AS "FUNCTION_NAME", obj_description(p.oid, 'pg_proc') AS "REMARKS",
                  (CASE WHEN p.proretset THEN 2 ELSE 1 END)::int2 AS "FUNCTION_TYPE",
                  p.proname || '_' || p.oid AS "SPECIFIC_NAME"
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE p.prokind <> 'p' AND n.nspname LIKE ? AND p.proname LIKE ? ORDER BY 2, 3, 6""",
                like(schemaPattern), like(namePattern));
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
        return query("SELECT NULL::text AS \"TYPE_CAT\", NULL::text AS \"TYPE_SCHEM\", NULL::text AS \"TYPE_NAME\", "
                + "NULL::text AS \"SUPERTYPE_CAT\", NULL::text AS \"SUPERTYPE_SCHEM\", NULL::text AS \"SUPERTYPE_NAME\" "
                + "WHERE false");
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) throws SQLException {
        return query("SELECT NULL::text AS \"TYPE_CAT\", NULL::text AS \"TYPE_SCHEM\", NULL::text AS \"TYPE_NAME\", "
                + "NULL::text AS \"CLASS_NAME\", NULL::int4 AS \"DATA_TYPE\", NULL::text AS \"REMARKS\", "
                + "NULL::int2 AS \"BASE_TYPE\" WHERE false");
    }

    // what the server is

    private String version() throws SQLException {
        if (version == null) {
            try (var s = connection.createStatement(); var rs = s.executeQuery("SHOW server_version")) {
                rs.next();
                version = rs.getString(1);
            }
        }
        return version;
    }

    private int versionPart(int index) throws SQLException {
        String[] parts = version().split("[^0-9]+");
        return parts.length > index ? Integer.parseInt(parts[index]) : 0;
    }

    @Override
    public String getDatabaseProductName() {
        return "PostgreSQL";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return version();
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    @Override
    public String getDriverName() {
        return SpoolDriver.NAME;
    }

    @Override
    public String getDriverVersion() {
        return SpoolDriver.MAJOR + "." + SpoolDriver.MINOR;
    }

    @Override
    public int getDriverMajorVersion() {
        return SpoolDriver.MAJOR;
    }

    @Override
    public int getDriverMinorVersion() {
        return SpoolDriver.MINOR;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 3;
    }

    @Override
    public String getURL() {
        return JdbcUrl.PREFIX + "//" + connection.url().config().host() + ":" + connection.url().config().port() + "/"
                + connection.url().config().database();
    }

    @Override
    public String getUserName() {
        return connection.url().config().user();
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    // SQL dialect and identifiers

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSQLKeywords() {
        return "abort,access,aggregate,also,analyse,analyze,backward,bit,cache,checkpoint,class,cluster,comment,"
                + "concurrently,connection,conversion,copy,csv,database,delimiter,delimiters,disable,do,enable,"
                + "encoding,encrypted,exclusive,explain,force,forward,freeze,greatest,handler,header,if,ilike,"
                + "immutable,implicit,index,indexes,inherit,inherits,instead,isnull,least,limit,listen,load,location,"
                + "lock,mode,move,nothing,notify,notnull,nowait,off,offset,oids,operator,owned,owner,password,"
                + "prepared,procedural,quote,reassign,recheck,reindex,rename,replace,reset,restrict,returning,rule,"
                + "setof,share,show,stable,statistics,stdin,stdout,storage,strict,sysid,tablespace,temp,template,"
                + "truncate,trusted,unencrypted,unlisten,until,vacuum,valid,validator,verbose,volatile";
    }

    @Override
    public String getNumericFunctions() {
        return "abs,acos,asin,atan,atan2,ceiling,cos,cot,degrees,exp,floor,log,log10,mod,pi,power,radians,round,sign,"
                + "sin,sqrt,tan,truncate";
    }

    @Override
    public String getStringFunctions() {
        return "ascii,char,concat,lcase,left,length,ltrim,repeat,rtrim,space,substring,ucase,replace";
    }

    @Override
    public String getSystemFunctions() {
        return "database,ifnull,user";
    }

    @Override
    public String getTimeDateFunctions() {
        return "curdate,curtime,dayname,dayofmonth,dayofweek,dayofyear,hour,minute,month,monthname,now,quarter,"
                + "second,week,year";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "function";
    }

    @Override
    public String getCatalogTerm() {
        return "database";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public boolean isCatalogAtStart() {
        return true;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() {
        return true;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() {
        return true;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() {
        return false;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public boolean nullsAreSortedHigh() {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd() {
        return false;
    }

    @Override
    public boolean nullPlusNonNullIsNull() {
        return true;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_READ_UNCOMMITTED || level == Connection.TRANSACTION_READ_COMMITTED
                || level == Connection.TRANSACTION_REPEATABLE_READ || level == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY || type == ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return supportsResultSetType(type) && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public boolean ownUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(int type) {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int type) {
        return false;
    }

    @Override
    public boolean updatesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int type) {
        return false;
    }

    @Override
    public boolean insertsAreDetected(int type) {
        return false;
    }

    @Override
    public int getMaxColumnNameLength() {
        return 63;
    }

    @Override
    public int getMaxTableNameLength() {
        return 63;
    }

    @Override
    public int getMaxSchemaNameLength() {
        return 63;
    }

    @Override
    public int getMaxCatalogNameLength() {
        return 63;
    }

    @Override
    public int getMaxCursorNameLength() {
        return 63;
    }

    @Override
    public int getMaxProcedureNameLength() {
        return 63;
    }

    @Override
    public int getMaxUserNameLength() {
        return 63;
    }

    @Override
    public int getMaxColumnsInTable() {
        return 1600;
    }

    @Override
    public int getMaxColumnsInIndex() {
        return 32;
    }

    @Override
    public int getMaxIndexLength() {
        return 0;
    }

    @Override
    public int getMaxRowSize() {
        return 1073741824;
    }

    @Override
    public int getMaxStatementLength() {
        return 0;
    }

    @Override
    public int getMaxStatements() {
        return 0;
    }

    @Override
    public int getMaxConnections() {
        return 8192;
    }

    @Override
    public int getMaxCharLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxBinaryLiteralLength() {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() {
        return false;
    }

    // capabilities: true where PostgreSQL and this driver have them

    @Override public boolean allProceduresAreCallable() { return true; }
    @Override public boolean allTablesAreSelectable() { return true; }
    @Override public boolean usesLocalFiles() { return false; }
    @Override public boolean usesLocalFilePerTable() { return false; }
    @Override public boolean supportsAlterTableWithAddColumn() { return true; }
    @Override public boolean supportsAlterTableWithDropColumn() { return true; }
    @Override public boolean supportsColumnAliasing() { return true; }
    @Override public boolean supportsConvert() { return false; }
    @Override public boolean supportsConvert(int fromType, int toType) { return false; }
    @Override public boolean supportsTableCorrelationNames() { return true; }
    @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
    @Override public boolean supportsExpressionsInOrderBy() { return true; }
    @Override public boolean supportsOrderByUnrelated() { return true; }
    @Override public boolean supportsGroupBy() { return true; }
    @Override public boolean supportsGroupByUnrelated() { return true; }
    @Override public boolean supportsGroupByBeyondSelect() { return true; }
    @Override public boolean supportsLikeEscapeClause() { return true; }
    @Override public boolean supportsMultipleResultSets() { return true; }
    @Override public boolean supportsMultipleTransactions() { return true; }
    @Override public boolean supportsNonNullableColumns() { return true; }
    @Override public boolean supportsMinimumSQLGrammar() { return true; }
    @Override public boolean supportsCoreSQLGrammar() { return false; }
    @Override public boolean supportsExtendedSQLGrammar() { return false; }
    @Override public boolean supportsANSI92EntryLevelSQL() { return true; }
    @Override public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override public boolean supportsANSI92FullSQL() { return false; }
    @Override public boolean supportsIntegrityEnhancementFacility() { return true; }
    @Override public boolean supportsOuterJoins() { return true; }
    @Override public boolean supportsFullOuterJoins() { return true; }
    @Override public boolean supportsLimitedOuterJoins() { return true; }
    @Override public boolean supportsSchemasInDataManipulation() { return true; }
    @Override public boolean supportsSchemasInProcedureCalls() { return true; }
    @Override public boolean supportsSchemasInTableDefinitions() { return true; }
    @Override public boolean supportsSchemasInIndexDefinitions() { return true; }
    @Override public boolean supportsSchemasInPrivilegeDefinitions() { return true; }
    @Override public boolean supportsCatalogsInDataManipulation() { return false; }
    @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
    @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
    @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsPositionedDelete() { return false; }
    @Override public boolean supportsPositionedUpdate() { return false; }
    @Override public boolean supportsSelectForUpdate() { return true; }
    @Override public boolean supportsStoredProcedures() { return true; }
    @Override public boolean supportsSubqueriesInComparisons() { return true; }
    @Override public boolean supportsSubqueriesInExists() { return true; }
    @Override public boolean supportsSubqueriesInIns() { return true; }
    @Override public boolean supportsSubqueriesInQuantifieds() { return true; }
    @Override public boolean supportsCorrelatedSubqueries() { return true; }
    @Override public boolean supportsUnion() { return true; }
    @Override public boolean supportsUnionAll() { return true; }
    @Override public boolean supportsOpenCursorsAcrossCommit() { return false; }
    @Override public boolean supportsOpenCursorsAcrossRollback() { return false; }
    @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
    @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }
    @Override public boolean supportsTransactions() { return true; }
    @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return true; }
    @Override public boolean supportsDataManipulationTransactionsOnly() { return false; }
    @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
    @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
    @Override public boolean supportsBatchUpdates() { return true; }
    @Override public boolean supportsSavepoints() { return true; }
    @Override public boolean supportsNamedParameters() { return false; }
    @Override public boolean supportsMultipleOpenResults() { return false; }
    @Override public boolean supportsGetGeneratedKeys() { return true; }
    @Override public boolean supportsStatementPooling() { return false; }
    @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return true; }
    @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }
    @Override public boolean locatorsUpdateCopy() { return true; }
    @Override public boolean generatedKeyAlwaysReturned() { return true; }
    @Override public boolean supportsSharding() { return false; }
    @Override public boolean supportsRefCursors() { return false; }
    @Override public long getMaxLogicalLobSize() { return 0; }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return SqlExceptions.unwrap(this, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
