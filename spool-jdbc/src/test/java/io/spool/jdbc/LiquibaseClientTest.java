package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Liquibase applies a changelog (tables, a foreign key, an index, data, a new column) with each driver. */
@ExtendWith(PostgresExtension.class)
class LiquibaseClientTest {
    private final TestDatabase db;

    LiquibaseClientTest(TestDatabase db) {
        this.db = db;
    }

    @ParameterizedTest
    @EnumSource(Drivers.class)
    void appliesAChangelog(Drivers driver) throws Exception {
        String schema = driver.createSchema(db, "liquibase");
        try (Connection c = driver.dataSource(db).getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            assertThat(database.getShortName()).isEqualTo("postgresql");
            database.setDefaultSchemaName(schema);
            try (Liquibase liquibase = new Liquibase("db/liquibase/changelog.xml", new ClassLoaderResourceAccessor(), database)) {
                liquibase.update("");
                liquibase.update("");  // again: nothing to apply
            }
        }
        try (Connection c = driver.connect(db)) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT (SELECT count(*) FROM " + schema + ".databasechangelog), "
                         + "(SELECT name FROM " + schema + ".person), (SELECT count(*) FROM information_schema.columns "
                         + "WHERE table_schema = '" + schema + "' AND table_name = 'person' AND column_name = 'born')")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(3);
                assertThat(rs.getString(2)).isEqualTo("Ada");
                assertThat(rs.getLong(3)).isEqualTo(1);
            }
        }
    }
}
