package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared mode's rules: autocommit statements share N backends; transactions and session state get their own. */
@ExtendWith(PostgresExtension.class)
class SharedModeTest {
    private static final int SHARED = 3;
    private final TestDatabase db;
    private SpoolDataSource ds;

    SharedModeTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void open() throws SQLException {
        ds = (SpoolDataSource) Drivers.SPOOL.dataSource(db);
        ds.setSharedConnections(SHARED);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS shared_t; CREATE TABLE shared_t (k text, v int)");
        }
    }

    @AfterEach
    void close() {
        ds.close();
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void autocommitStatementsOf64VirtualThreadsShareNBackends() throws Exception {
        Set<Integer> backends = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            int n = i;
            threads.add(Thread.ofVirtual().start(() -> {
                try (Connection c = ds.getConnection()) {
                    for (int k = 0; k < 20; k++) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT pg_backend_pid(), ?::int4 + 1")) {
                            ps.setInt(1, n);
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                backends.add(rs.getInt(1));
                                assertThat(rs.getInt(2)).isEqualTo(n + 1);
                            }
                        }
                    }
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(backends).hasSizeBetween(1, SHARED);
    }

    @Test
    void aTransactionsStatementsAllGoToOneBackendOfItsOwn() throws Exception {
        Set<Integer> shared = new HashSet<>();
        try (Connection probe = ds.getConnection()) {
            for (int i = 0; i < 20; i++) {
                shared.add(pid(probe));
            }
        }
        List<Thread> threads = new ArrayList<>();
        Set<Integer> txBackends = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 16; i++) {
            String key = "k" + i;
            threads.add(Thread.ofVirtual().start(() -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    int first = pid(c);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO shared_t VALUES (?, ?)")) {
                        ps.setString(1, key);
                        ps.setInt(2, 1);
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM shared_t WHERE k = ?")) {
                        ps.setString(1, key);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            assertThat(rs.getInt(1)).as("its own uncommitted row is visible: same backend").isEqualTo(1);
                        }
                    }
                    assertThat(pid(c)).isEqualTo(first);
                    txBackends.add(first);
                    if (key.hashCode() % 2 == 0) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                } catch (SQLException e) {
                    throw new RuntimeException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(txBackends).doesNotContainAnyElementsOf(shared);
        long committed = 0;
        for (int i = 0; i < 16; i++) {
            committed += ("k" + i).hashCode() % 2 == 0 ? 1 : 0;
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM shared_t")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(committed);
        }
    }

    @Test
    void sessionStatePinsTheConnectionUntilClose() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET application_name = 'pinned'");
            int pinned = pid(c);
            s.execute("CREATE TEMP TABLE scratch (v int)");
            s.execute("INSERT INTO scratch VALUES (7)");
            for (int i = 0; i < 5; i++) {
                assertThat(pid(c)).isEqualTo(pinned);
            }
            try (ResultSet rs = s.executeQuery("SELECT current_setting('application_name'), (SELECT v FROM scratch)")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("pinned");
                assertThat(rs.getInt(2)).isEqualTo(7);
            }
            try (Connection other = ds.getConnection(); Statement o = other.createStatement();
                 ResultSet rs = o.executeQuery("SELECT current_setting('application_name')")) {
                rs.next();
                assertThat(rs.getString(1)).as("the shared connections never saw the SET").isNotEqualTo("pinned");
            }
        }
    }

    @Test
    void aConnectionGoesBackToSharingAfterItsTransaction() throws SQLException {
        Set<Integer> shared = new HashSet<>();
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < 20; i++) {
                shared.add(pid(c));
            }
            c.setAutoCommit(false);
            int own = pid(c);
            assertThat(shared).doesNotContain(own);
            c.commit();
            c.setAutoCommit(true);
            for (int i = 0; i < 10; i++) {
                assertThat(shared).contains(pid(c));
            }
            assertThat(c.isValid(1)).as("checked on a shared connection").isTrue();
        }
    }

    @Test
    void timeoutsRunOnAConnectionOfTheirOwnAndCancelOnASharedOneIsRefused() throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(5)")).isInstanceOf(SQLTimeoutException.class);
            assertThatCode(() -> {
                try (Statement t = c.createStatement()) {
                    Thread.ofVirtual().start(() -> {
                        try {
                            Thread.sleep(200);
                            t.cancel();
                        } catch (SQLFeatureNotSupportedException e) {
                            refused.add(e.getMessage());
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    });
                    t.execute("SELECT pg_sleep(0.6)");
                }
            }).doesNotThrowAnyException();
            Thread.sleep(100);
            assertThat(refused).singleElement().asString().contains("shared connection");
        }
    }

    private final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void closingAConnectionClosesItsStatementsAndGivesBackAStreamsConnection() throws SQLException {
        Connection c = ds.getConnection();
        Statement s = c.createStatement();
        s.setFetchSize(10);
        ResultSet rs = s.executeQuery("SELECT g FROM generate_series(1, 1000) g");
        assertThat(rs.next()).isTrue();
        c.close();
        assertThat(rs.isClosed()).isTrue();
        assertThat(s.isClosed()).isTrue();
        for (int i = 0; i < 3; i++) {  // the lent connections are all usable again
            try (Connection d = ds.getConnection()) {
                d.setAutoCommit(false);
                assertThat(pid(d)).isPositive();
                d.commit();
            }
        }
    }

    @Test
    void streamingAndMultiStatementTextsWork() throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO shared_t VALUES ('a', 1); INSERT INTO shared_t VALUES ('b', 2)");
            s.setFetchSize(1);
            int n = 0;
            try (ResultSet rs = s.executeQuery("SELECT k FROM shared_t ORDER BY k")) {
                while (rs.next()) {
                    n++;
                }
            }
            assertThat(n).isEqualTo(2);
        }
    }
}
