package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog as DatabaseMetaData reports it: spool-jdbc's answers must match pgjdbc's on the same schema. */
@ExtendWith(PostgresExtension.class)
class MetaDataTest {
    private final TestDatabase db;

    MetaDataTest(TestDatabase db) {
        this.db = db;
    }

    /** Rows of {@code rs} as the values of {@code columns}, by label. */
    private static List<String> rows(ResultSet rs, String... columns) throws SQLException {
        List<String> out = new ArrayList<>();
        try (rs) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (String c : columns) {
                    row.append(c).append('=').append(rs.getString(c)).append(' ');
                }
                out.add(row.toString().trim());
            }
        }
        return out;
    }

    private static List<String> catalog(Connection c, String schema) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> all = new ArrayList<>();
        all.addAll(rows(md.getTables(null, schema, "%", new String[] {"TABLE", "VIEW"}),
                "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
        all.addAll(rows(md.getColumns(null, schema, "%", "%"), "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME",
                "NULLABLE", "ORDINAL_POSITION", "IS_NULLABLE", "DECIMAL_DIGITS"));
        all.addAll(rows(md.getPrimaryKeys(null, schema, "child"), "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"));
        all.addAll(rows(md.getImportedKeys(null, schema, "child"), "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_NAME",
                "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "DEFERRABILITY"));
        all.addAll(rows(md.getExportedKeys(null, schema, "parent"), "PKTABLE_NAME", "FKTABLE_NAME", "FK_NAME"));
        all.addAll(rows(md.getIndexInfo(null, schema, "child", false, true), "INDEX_NAME", "NON_UNIQUE",
                "COLUMN_NAME", "ORDINAL_POSITION"));
        all.addAll(rows(md.getSchemas(null, schema), "TABLE_SCHEM"));
        all.add("product=" + md.getDatabaseProductName() + " major=" + md.getDatabaseMajorVersion()
                + " quote=" + md.getIdentifierQuoteString() + " lower=" + md.storesLowerCaseIdentifiers());
        return all;
    }

    @Test
    void theCatalogMatchesPgjdbcs() throws SQLException {
        String schema = "meta_test";
        try (Connection c = Drivers.SPOOL.connect(db); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema + ";"
                    + "CREATE TABLE " + schema + ".parent (id int PRIMARY KEY, code text UNIQUE);"
                    + "CREATE TABLE " + schema + ".child (a int, b int, parent_id int NOT NULL REFERENCES " + schema
                    + ".parent (id) ON DELETE CASCADE, amount numeric(10,3), at timestamptz, tags text[],"
                    + " PRIMARY KEY (a, b));"
                    + "CREATE INDEX child_amount ON " + schema + ".child (amount DESC);"
                    + "CREATE VIEW " + schema + ".child_view AS SELECT a, b FROM " + schema + ".child");
        }
        List<String> spool;
        List<String> pgjdbc;
        try (Connection c = Drivers.SPOOL.connect(db)) {
            spool = catalog(c, schema);
        }
        try (Connection c = Drivers.PGJDBC.connect(db)) {
            pgjdbc = catalog(c, schema);
        }
        assertThat(spool).contains("TABLE_SCHEM=meta_test TABLE_NAME=child TABLE_TYPE=TABLE",
                "PKTABLE_NAME=parent PKCOLUMN_NAME=id FKTABLE_NAME=child FKCOLUMN_NAME=parent_id KEY_SEQ=1 "
                        + "UPDATE_RULE=3 DELETE_RULE=0 FK_NAME=child_parent_id_fkey DEFERRABILITY=7");
        assertThat(spool).containsExactlyElementsOf(pgjdbc);
    }

    private static List<String> describe(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1::int2 a, 1::int4 b, 1::int8 c, 1::float4 d,"
                + " 1::float8 e, 1.5::numeric(10,2) f, true g, 'x'::text h, 'x'::varchar(20) i, '\\x00'::bytea j,"
                + " current_date k, localtime l, localtimestamp m, now() n, gen_random_uuid() o, ARRAY[1] p,"
                + " ARRAY['x'] q");
             ResultSet rs = ps.executeQuery()) {
            java.sql.ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                out.add(md.getColumnLabel(i) + " " + md.getColumnType(i) + " " + md.getColumnTypeName(i) + " "
                        + md.getColumnClassName(i) + " scale=" + md.getScale(i) + " signed=" + md.isSigned(i));
            }
        }
        return out;
    }

    @Test
    void resultSetMetaDataMatchesPgjdbcs() throws SQLException {
        List<String> spool;
        List<String> pgjdbc;
        try (Connection c = Drivers.SPOOL.connect(db)) {
            spool = describe(c);
        }
        try (Connection c = Drivers.PGJDBC.connect(db)) {
            pgjdbc = describe(c);
        }
        assertThat(spool).containsExactlyElementsOf(pgjdbc);
    }
}
