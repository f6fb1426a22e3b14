package io.spool.jdbc;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.PgConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class DriverTest {
    private final TestDatabase db;
    private Connection c;

    DriverTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void open() throws SQLException {
        c = Drivers.SPOOL.connect(db);
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS jt; CREATE TABLE jt (id serial PRIMARY KEY, name text UNIQUE, n numeric(10,2), "
                    + "at timestamptz, day date, tags text[])");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void driverManagerFindsTheDriverThroughServiceLoader() throws SQLException {
        assertThat(DriverManager.getDriver("jdbc:spool:postgresql://localhost/x")).isInstanceOf(SpoolDriver.class);
        assertThat(c).isInstanceOf(SpoolConnection.class);
        assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        assertThat(c.getMetaData().getDatabaseMajorVersion()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void postgresqlUrlsAreTakenOnlyWhenAskedAndPgjdbcIsAbsent() {
        assertThat(new SpoolDriver().acceptsURL("jdbc:postgresql://localhost/x")).isFalse();
        System.setProperty(JdbcUrl.TAKE_POSTGRESQL_URLS, "true");
        try {
            // pgjdbc is on this test class path, so even when asked the driver leaves its URLs to it
            assertThat(new SpoolDriver().acceptsURL("jdbc:postgresql://localhost/x")).isFalse();
            assertThat(JdbcUrl.accepts("jdbc:postgresql://localhost/x", true)).isTrue();
        } finally {
            System.clearProperty(JdbcUrl.TAKE_POSTGRESQL_URLS);
        }
    }

    @Test
    void unknownUrlPropertiesAreRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(Drivers.SPOOL.urlWithLogin(db) + "&prepareThreshold=5"))
                .isInstanceOf(SQLException.class).hasMessageContaining("unknown connection property 'prepareThreshold'");
    }

    @Test
    void preparedStatementsBindAndReadJavaTimeTypes() throws SQLException {
        OffsetDateTime at = OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 123_456_000, ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jt (name, n, at, day) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, "a?b");
            ps.setBigDecimal(2, new BigDecimal("12.50"));
            ps.setObject(3, at);
            ps.setObject(4, LocalDate.of(2024, 5, 6));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT name, n, at, day, id FROM jt WHERE name = ? AND '?' = '?'")) {
            ps.setString(1, "a?b");
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("name")).isEqualTo("a?b");
                assertThat(rs.getBigDecimal(2)).isEqualByComparingTo("12.50");
                assertThat(rs.getInt("n")).isEqualTo(12);
                assertThat(rs.getObject(3, OffsetDateTime.class).toInstant()).isEqualTo(at.toInstant());
                assertThat(rs.getObject(3, Instant.class)).isEqualTo(at.toInstant());
                assertThat(rs.getTimestamp(3).toInstant()).isEqualTo(at.toInstant());
                assertThat(rs.getObject(3)).isInstanceOf(Timestamp.class);
                assertThat(rs.getObject(4, LocalDate.class)).isEqualTo(LocalDate.of(2024, 5, 6));
                assertThat(rs.getDate(4).toLocalDate()).isEqualTo(LocalDate.of(2024, 5, 6));
                assertThat(rs.getObject("id")).isEqualTo(1);
                assertThat(rs.getMetaData().getColumnType(5)).isEqualTo(Types.INTEGER);
                assertThat(rs.getMetaData().getColumnTypeName(3)).isEqualTo("timestamptz");
                assertThat(rs.getMetaData().getPrecision(2)).isEqualTo(10);
                assertThat(rs.getMetaData().getScale(2)).isEqualTo(2);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void timestampsRoundTripInTheJvmZone() throws SQLException {
        LocalDateTime local = LocalDateTime.of(2023, 3, 4, 5, 6, 7);
        try (PreparedStatement ps = c.prepareStatement("SELECT ?::timestamp, ?::timestamptz")) {
            ps.setTimestamp(1, Timestamp.valueOf(local));
            ps.setTimestamp(2, Timestamp.valueOf(local));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getTimestamp(1).toLocalDateTime()).isEqualTo(local);
                assertThat(rs.getTimestamp(2).toLocalDateTime()).isEqualTo(local);
                assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(local);
            }
        }
    }

    @Test
    void arraysBothWays() throws SQLException {
        Array tags = c.createArrayOf("text", new Object[] {"x", "y"});
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jt (name, tags) VALUES ('arr', ?)")) {
            ps.setArray(1, tags);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT tags, ARRAY[1,2,3] FROM jt WHERE name = 'arr'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat((Object[]) rs.getArray(1).getArray()).containsExactly("x", "y");
            assertThat(rs.getArray(2).getBaseTypeName()).isEqualTo("int4");
            assertThat((Object[]) rs.getArray(2).getArray()).containsExactly(1, 2, 3);
            assertThat(rs.getObject(2)).isInstanceOf(Array.class);
        }
    }

    @Test
    void batchesArePipelinedAndReturnCounts() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jt (name) VALUES (?)")) {
            for (int i = 0; i < 100; i++) {
                ps.setString(1, "b" + i);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            assertThat(counts).hasSize(100).containsOnly(1);
        }
        try (Statement s = c.createStatement()) {
            s.addBatch("UPDATE jt SET n = 1 WHERE name LIKE 'b1%'");
            s.addBatch("DELETE FROM jt WHERE name = 'b0'");
            assertThat(s.executeBatch()).containsExactly(11, 1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jt (name) VALUES (?)")) {
            ps.setString(1, "fresh");
            ps.addBatch();
            ps.setString(1, "b5");  // duplicate: the whole batch fails
            ps.addBatch();
            assertThatThrownBy(ps::executeBatch).isInstanceOf(BatchUpdateException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
        }
        assertThat(count("SELECT count(*) FROM jt WHERE name = 'fresh'")).isZero();
    }

    @Test
    void generatedKeysComeFromReturning() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jt (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "k1");
            assertThat(ps.executeUpdate()).isEqualTo(1);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getInt("id")).isPositive();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jt (name) VALUES (?)", new String[] {"id"})) {
            ps.setString(1, "k2");
            ps.addBatch();
            ps.setString(1, "k3");
            ps.addBatch();
            ps.executeBatch();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                List<Integer> ids = new ArrayList<>();
                while (keys.next()) {
                    ids.add(keys.getInt(1));
                }
                assertThat(ids).hasSize(2).doesNotHaveDuplicates();
                assertThat(keys.getMetaData().getColumnCount()).isEqualTo(1);
            }
        }
    }

    @Test
    void transactionsCommitRollBackAndUseSavepoints() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO jt (name) VALUES ('t1')");
            Savepoint sp = c.setSavepoint();
            s.executeUpdate("INSERT INTO jt (name) VALUES ('t2')");
            c.rollback(sp);
            Savepoint named = c.setSavepoint("x\"y");
            s.executeUpdate("INSERT INTO jt (name) VALUES ('t3')");
            c.releaseSavepoint(named);
            c.commit();
            s.executeUpdate("INSERT INTO jt (name) VALUES ('t4')");
            c.rollback();
        }
        c.setAutoCommit(true);
        assertThat(names()).containsExactly("t1", "t3");
    }

    @Test
    void isolationAndReadOnlyApplyToTheTransaction() throws SQLException {
        c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
        c.setReadOnly(true);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT current_setting('transaction_isolation'), current_setting('transaction_read_only')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("serializable");
            assertThat(rs.getString(2)).isEqualTo("on");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO jt (name) VALUES ('ro')"))
                    .isInstanceOf(SQLException.class).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("25006"));
        }
        c.rollback();
        c.setAutoCommit(true);
        assertThat(c.getAutoCommit()).isTrue();
    }

    @Test
    void errorsAreTheRightSubclassesWithSqlState() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO jt (name) VALUES ('dup')");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO jt (name) VALUES ('dup')"))
                    .isInstanceOf(SQLIntegrityConstraintViolationException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23505"));
            assertThatThrownBy(() -> s.executeQuery("SELEC 1")).isInstanceOf(SQLSyntaxErrorException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"));
            assertThatThrownBy(() -> s.executeQuery("SELECT nope FROM jt")).isInstanceOf(SQLSyntaxErrorException.class);
            assertThat(count("SELECT count(*) FROM jt")).as("the connection is usable after errors").isEqualTo(1);
        }
        try (Connection other = Drivers.SPOOL.connect(db); Statement s = other.createStatement()) {
            int pid = other.unwrap(PgConnection.class).processId();
            try (Statement killer = c.createStatement()) {
                killer.execute("SELECT pg_terminate_backend(" + pid + ")");
            }
            // the backend's FATAL 57P01 ends the session: a connection error, now and for every later call
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> s.executeQuery("SELECT 1")).isInstanceOf(SQLTransientConnectionException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57P01"));
            }
            assertThat(other.isValid(1)).isFalse();
        }
    }

    @Test
    void queryTimeoutCancelsOnTheServer() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(10)")).isInstanceOf(SQLTimeoutException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
            s.setQueryTimeout(0);
            assertThat(count("SELECT 41 + 1")).isEqualTo(42);
        }
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        try (Statement s = c.createStatement()) {
            Thread canceller = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            assertThatThrownBy(() -> s.execute("SELECT pg_sleep(10)")).isInstanceOf(SQLTimeoutException.class);
            canceller.join();
        }
    }

    @Test
    void fetchSizeStreamsAndScrollableBuffers() throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.setFetchSize(100);
            long sum = 0;
            int rows = 0;
            try (ResultSet rs = s.executeQuery("SELECT g FROM generate_series(1, 10000) g")) {
                assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("g");
                while (rs.next()) {
                    sum += rs.getLong(1);
                    rows++;
                }
                assertThatThrownBy(rs::previous).isInstanceOf(SQLException.class).hasMessageContaining("forward only");
            }
            assertThat(rows).isEqualTo(10000);
            assertThat(sum).isEqualTo(50005000L);
            try (ResultSet rs = s.executeQuery("SELECT g FROM generate_series(1, 0) g")) {
                assertThat(rs.next()).isFalse();
            }
        }
        c.commit();
        try (Statement s = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
             ResultSet rs = s.executeQuery("SELECT g FROM generate_series(1, 5) g")) {
            assertThat(rs.last()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(5);
            assertThat(rs.getRow()).isEqualTo(5);
            assertThat(rs.absolute(2)).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.previous()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.previous()).isFalse();
            assertThat(rs.isBeforeFirst()).isTrue();
        }
    }

    @Test
    void maxRowsCutsTheResult() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.setMaxRows(3);
            try (ResultSet rs = s.executeQuery("SELECT g FROM generate_series(1, 10) g")) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                assertThat(n).isEqualTo(3);
            }
        }
    }

    @Test
    void multipleResultsFromOneText() throws SQLException {
        try (Statement s = c.createStatement()) {
            assertThat(s.execute("INSERT INTO jt (name) VALUES ('m1'), ('m2'); SELECT name FROM jt ORDER BY name")).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(2);
            assertThat(s.getMoreResults()).isTrue();
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("m1");
            }
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
        }
    }

    @Test
    void callableStatementsForFunctionsAndProcedures() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE FUNCTION jadd(a int, b int) RETURNS int LANGUAGE sql AS $$ SELECT a + b $$");
            s.execute("CREATE OR REPLACE PROCEDURE jproc(IN a int, INOUT b int) LANGUAGE plpgsql AS $$ BEGIN b := a * b; END $$");
        }
        try (CallableStatement cs = c.prepareCall("{? = call jadd(?, ?)}")) {
            cs.registerOutParameter(1, Types.INTEGER);
            cs.setInt(2, 40);
            cs.setInt(3, 2);
            cs.execute();
            assertThat(cs.getInt(1)).isEqualTo(42);
        }
        try (CallableStatement cs = c.prepareCall("{call jproc(?, ?)}")) {
            cs.setInt(1, 6);
            cs.setInt(2, 7);
            cs.registerOutParameter(2, Types.INTEGER);
            cs.execute();
            assertThat(cs.getInt(2)).isEqualTo(42);
        }
    }

    @Test
    void unwrapGivesSpoolPgsConnection() throws SQLException {
        assertThat(c.isWrapperFor(PgConnection.class)).isTrue();
        PgConnection pg = c.unwrap(PgConnection.class);
        assertThat(pg.query("SELECT 1").row(0).getInteger(0)).isEqualTo(1);
    }

    @Test
    void unsupportedMethodsSayWhich() throws SQLException {
        assertThatThrownBy(() -> c.createBlob()).isInstanceOf(SQLFeatureNotSupportedException.class)
                .hasMessageContaining("Connection.createBlob()");
        assertThatThrownBy(() -> c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE))
                .isInstanceOf(SQLFeatureNotSupportedException.class).hasMessageContaining("CONCUR_UPDATABLE");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            assertThatThrownBy(() -> rs.updateInt(1, 2)).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("ResultSet.updateInt(int, int)");
        }
    }

    @Test
    void uuidsAndNullsAndBooleans() throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement("SELECT ?::uuid, ?::int4, ?::bool")) {
            ps.setObject(1, id);
            ps.setNull(2, Types.INTEGER);
            ps.setBoolean(3, true);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getObject(1)).isEqualTo(id);
                assertThat(rs.getInt(2)).isZero();
                assertThat(rs.wasNull()).isTrue();
                assertThat(rs.getObject(2)).isNull();
                assertThat(rs.getString(2)).isNull();
                assertThat(rs.wasNull()).isTrue();
                assertThat(rs.getObject(2, Integer.class)).isNull();
                assertThat(rs.getString(3)).isEqualTo("t");
                assertThat(rs.wasNull()).isFalse();
                assertThat(rs.getBoolean(3)).isTrue();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("no value given for parameter 1");
        }
    }

    @Test
    void plainStatementsDecodeTypesLikePreparedOnes() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1.50::numeric(8,2), 2::int8, now(), 'x'::text, true, current_date")) {
            rs.next();
            assertThat(rs.getObject(1)).isEqualTo(new BigDecimal("1.50"));
            assertThat(rs.getObject(2)).isEqualTo(2L);
            assertThat(rs.getObject(3)).isInstanceOf(Timestamp.class);
            assertThat(rs.getObject(5)).isEqualTo(true);
            assertThat(rs.getObject(6)).isInstanceOf(java.sql.Date.class);
        }
    }

    @Test
    void typedNullsReachTheServerTyped() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ? IS NULL, ? IS NULL, coalesce(?, 'dflt')")) {
            ps.setNull(1, Types.INTEGER);
            ps.setNull(2, Types.TIMESTAMP);
            ps.setNull(3, Types.VARCHAR);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getBoolean(2)).isTrue();
                assertThat(rs.getString(3)).isEqualTo("dflt");
            }
            ps.setInt(1, 5);  // a value replaces the typed NULL: no cast left behind
            ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.of(2024, 1, 1, 0, 0)));
            ps.setString(3, "x");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).isFalse();
                assertThat(rs.getString(3)).isEqualTo("x");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO jt (name, n) VALUES (?, ?)")) {
            ps.setString(1, "null-n");
            ps.setNull(2, Types.INTEGER);  // int4 NULL into a numeric column: an assignment cast
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> names() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM jt ORDER BY name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
