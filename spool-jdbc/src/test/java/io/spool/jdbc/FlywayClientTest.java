package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Flyway migrates three versioned migrations (DDL, an index, a dollar-quoted function) with each driver. */
@ExtendWith(PostgresExtension.class)
class FlywayClientTest {
    private final TestDatabase db;

    FlywayClientTest(TestDatabase db) {
        this.db = db;
    }

    @ParameterizedTest
    @EnumSource(Drivers.class)
    void migratesVersionedMigrations(Drivers driver) throws Exception {
        String schema = driver.freshSchema("flyway");
        Flyway flyway = Flyway.configure().dataSource(driver.dataSource(db)).schemas(schema)
                .locations("classpath:db/flyway").load();
        MigrateResult result = flyway.migrate();
        assertThat(result.migrationsExecuted).isEqualTo(3);
        assertThat(result.targetSchemaVersion).isEqualTo("3");
        assertThat(flyway.migrate().migrationsExecuted).as("nothing left to do").isZero();
        assertThat(flyway.info().applied()).hasSize(4);  // the schema creation and three migrations
        try (Connection c = driver.connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + schema + ".order_count(a.id), o.note FROM " + schema
                     + ".account a JOIN " + schema + ".orders o ON o.account_id = a.id ORDER BY a.id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("it's $dollar-quoted; with a ; inside");
        }
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }
}
