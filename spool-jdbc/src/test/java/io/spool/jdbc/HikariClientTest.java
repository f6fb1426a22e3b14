package io.spool.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** HikariCP pooling each driver (by JDBC URL, through DriverManager), used by many virtual threads. */
@ExtendWith(PostgresExtension.class)
class HikariClientTest {
    private final TestDatabase db;

    HikariClientTest(TestDatabase db) {
        this.db = db;
    }

    @ParameterizedTest
    @EnumSource(Drivers.class)
    void poolsTheDriverForManyVirtualThreads(Drivers driver) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(driver.url(db));
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        config.setPoolName("hikari-" + driver);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Set<Integer> backends = ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int k = 0; k < 10; k++) {
                        try (Connection c = pool.getConnection();
                             PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid(), ?::int4 * 2")) {
                            ps.setInt(1, n);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                backends.add(rs.getInt(1));
                                assertThat(rs.getInt(2)).isEqualTo(n * 2);
                            }
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(backends).hasSizeBetween(1, 4);
            // a connection handed back mid-transaction is rolled back and reset by the pool
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS scratch (v int)");
                c.setAutoCommit(false);
                s.execute("INSERT INTO scratch VALUES (1)");
            }
            try (Connection c = pool.getConnection()) {
                assertThat(c.getAutoCommit()).isTrue();
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 4);
        }
    }
}
