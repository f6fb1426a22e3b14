package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The blocking client against the real server. */
@ExtendWith(PostgresExtension.class)
class ConnectionTest {
    private final TestDatabase db;
    private PgConnection conn;

    ConnectionTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void connect() {
        conn = PgConnection.connect(db.url());
    }

    @AfterEach
    void close() {
        conn.close();
    }

    @Test
    void queriesWithParametersAndReadsColumnsByNameAndIndex() {
        RowSet rows = conn.query("SELECT $1::int4 + 1 AS n, $2::text AS s, $3 AS untyped", 41, "zoë ✓", "x");
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.row(0).get("n")).isEqualTo(42);
        assertThat(rows.row(0).getString(1)).isEqualTo("zoë ✓");
        assertThat(rows.row(0).get("untyped")).isEqualTo("x");
        assertThat(rows.columns()).extracting(Column::name).containsExactly("n", "s", "untyped");
        assertThat(rows.commandTag()).isEqualTo("SELECT 1");
    }

    @Test
    void primitiveGettersReadWithoutBoxingAndRefuseNull() {
        RowSet rows = conn.query("SELECT 123456::int4, 9876543210::int8, 2.5::float8, true, NULL::int4, 7::int2, '42'::text");
        Row row = rows.row(0);
        assertThat(row.intValue(0)).isEqualTo(123456);
        assertThat(row.longValue(1)).isEqualTo(9876543210L);
        assertThat(row.doubleValue(2)).isEqualTo(2.5);
        assertThat(row.booleanValue(3)).isTrue();
        assertThat(row.intValue(5)).isEqualTo(7);
        assertThat(row.longValue(0)).isEqualTo(123456L);
        assertThat(row.intValue(6)).isEqualTo(42);
        assertThatThrownBy(() -> row.intValue(4)).hasMessageContaining("is NULL");
        assertThatThrownBy(() -> row.intValue(9)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void largeResultsSpanManyChunksAndReadBackIntact() {
        RowSet rows = conn.query("SELECT i, repeat(md5(i::text), 1 + i % 40) AS s FROM generate_series(1, 20000) i");
        assertThat(rows.size()).isEqualTo(20000);
        for (int r = 0; r < rows.size(); r += 997) {
            int i = rows.row(r).intValue(0);
            assertThat(i).isEqualTo(r + 1);
            assertThat(rows.row(r).getString(1)).hasSize(32 * (1 + i % 40));
        }
        RowSet big = conn.query("SELECT repeat('x', 200000) AS huge, 5 AS after");
        assertThat(big.row(0).getString(0)).hasSize(200000);
        assertThat(big.row(0).intValue(1)).isEqualTo(5);
    }

    @Test
    void keyValueConnectionStringWorksToo() {
        try (PgConnection c = PgConnection.connect("host=" + db.host() + " port=" + db.port() + " user=" + db.user()
                + " dbname=" + db.database() + (db.password() == null ? "" : " password=" + db.password()))) {
            assertThat(c.query("SELECT current_user").row(0).getString(0)).isEqualTo(db.user());
        }
    }

    @Test
    void executeCountsRowsAndRunsSeveralStatementsWithoutParameters() {
        conn.execute("DROP TABLE IF EXISTS ct_items; CREATE TABLE ct_items (id int PRIMARY KEY, name text NOT NULL)");
        assertThat(conn.execute("INSERT INTO ct_items VALUES ($1, $2), ($3, $4)", 1, "a", 2, "b")).isEqualTo(2);
        assertThat(conn.execute("UPDATE ct_items SET name = upper(name)")).isEqualTo(2);
        RowSet rows = conn.query("SELECT id, name FROM ct_items ORDER BY id");
        assertThat(rows).extracting(r -> r.getString("name")).containsExactly("A", "B");
        assertThat(rows.rowsAffected()).isEqualTo(2);
    }

    @Test
    void serverErrorCarriesEveryFieldAndLeavesTheConnectionUsable() {
        conn.execute("DROP TABLE IF EXISTS ct_unique; CREATE TABLE ct_unique (k text CONSTRAINT ct_unique_k UNIQUE)");
        conn.execute("INSERT INTO ct_unique VALUES ($1)", "x");
        PgException e = (PgException) org.assertj.core.api.Assertions.catchThrowable(
                () -> conn.execute("INSERT INTO ct_unique VALUES ($1)", "x"));
        assertThat(e.sqlState()).isEqualTo("23505");
        assertThat(e.constraint()).isEqualTo("ct_unique_k");
        assertThat(e.table()).isEqualTo("ct_unique");
        assertThat(e.schema()).isEqualTo("public");
        assertThat(e.detail()).contains("(k)=(x) already exists");
        assertThat(e.isConnectionError()).isFalse();
        assertThat(conn.query("SELECT 1 AS one").row(0).getInteger(0)).isEqualTo(1);
    }

    @Test
    void errorStackTraceShowsTheCallerAndKeepsTheFields() {
        PgException e = (PgException) org.assertj.core.api.Assertions.catchThrowable(() -> conn.query("SELECT 1 / 0"));
        assertThat(e.getStackTrace()).anySatisfy(frame -> assertThat(frame.getMethodName())
                .isEqualTo("errorStackTraceShowsTheCallerAndKeepsTheFields"));
        assertThat(e.sqlState()).isEqualTo("22012");
        assertThat(e.getCause()).isInstanceOf(PgException.class);
    }

    @Test
    void syntaxErrorReportsItsPosition() {
        assertThatThrownBy(() -> conn.query("SELECT 1 FROM WHERE"))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42601");
                    assertThat(e.position()).isEqualTo(15);
                    assertThat(e.getMessage()).contains("syntax error").contains("42601");
                });
        assertThat(conn.isUsable()).isTrue();
    }

    @Test
    void transactionCommitsOnReturnAndRollsBackOnException() {
        conn.execute("DROP TABLE IF EXISTS ct_tx; CREATE TABLE ct_tx (v int)");
        conn.inTransaction(tx -> tx.execute("INSERT INTO ct_tx VALUES ($1)", 1));
        assertThatThrownBy(() -> conn.inTransaction(tx -> {
            tx.execute("INSERT INTO ct_tx VALUES ($1)", 2);
            throw new IllegalStateException("business rule");
        })).isInstanceOf(IllegalStateException.class).hasMessage("business rule");
        assertThat(conn.transactionStatus()).isEqualTo('I');
        assertThat(conn.query("SELECT array_agg(v ORDER BY v)::text FROM ct_tx").row(0).getString(0)).isEqualTo("{1}");
    }

    @Test
    void nestedTransactionUsesASavepoint() {
        conn.execute("DROP TABLE IF EXISTS ct_nested; CREATE TABLE ct_nested (v int)");
        conn.inTransaction(tx -> {
            tx.execute("INSERT INTO ct_nested VALUES ($1)", 1);
            try {
                tx.inTransaction(inner -> {
                    inner.execute("INSERT INTO ct_nested VALUES ($1)", 2);
                    return inner.query("SELECT 1 / 0");
                });
            } catch (PgException e) {
                assertThat(e.sqlState()).isEqualTo("22012");
            }
            return tx.execute("INSERT INTO ct_nested VALUES ($1)", 3);
        });
        assertThat(conn.query("SELECT array_agg(v ORDER BY v)::text FROM ct_nested").row(0).getString(0)).isEqualTo("{1,3}");
    }

    @Test
    void aBodyThatSwallowsAStatementErrorIsToldItsWorkWasRolledBack() {
        conn.execute("DROP TABLE IF EXISTS ct_swallow; CREATE TABLE ct_swallow (v int PRIMARY KEY)");
        assertThatThrownBy(() -> conn.inTransaction(tx -> {
            tx.execute("INSERT INTO ct_swallow VALUES ($1)", 1);
            try {
                tx.execute("INSERT INTO ct_swallow VALUES ($1)", 1);
            } catch (PgException duplicate) {
                // and carry on as if nothing happened
            }
            return "returned normally";
        })).isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("25P02"));
        assertThat(conn.transactionStatus()).isEqualTo('I');
        assertThat(conn.query("SELECT count(*) FROM ct_swallow").row(0).getLong(0)).isZero();
        // nested: only the savepoint's work goes, and the outer transaction may carry on
        conn.inTransaction(tx -> {
            tx.execute("INSERT INTO ct_swallow VALUES ($1)", 1);
            assertThatThrownBy(() -> tx.inTransaction(inner -> {
                try {
                    inner.execute("INSERT INTO ct_swallow VALUES ($1)", 1);
                } catch (PgException duplicate) {
                    // swallowed again
                }
                return null;
            })).isInstanceOf(PgException.class);
            return tx.execute("INSERT INTO ct_swallow VALUES ($1)", 2);
        });
        assertThat(conn.query("SELECT array_agg(v ORDER BY v)::text FROM ct_swallow").row(0).getString(0))
                .isEqualTo("{1,2}");
    }

    @Test
    void failedTransactionBlockIsRolledBackAfterAStatementError() {
        assertThatThrownBy(() -> conn.inTransaction(tx -> tx.query("SELECT 1 / 0"))).isInstanceOf(PgException.class);
        assertThat(conn.transactionStatus()).isEqualTo('I');
        assertThat(conn.query("SELECT 2 AS two").row(0).getInteger(0)).isEqualTo(2);
    }

    @Test
    void statementCacheEvictsTheLeastRecentlyUsedAndRecoversFromDiscardAll() {
        try (PgConnection small = PgConnection.connect(PgConfig.parse(db.url()).withStatementCacheSize(3))) {
            for (int i = 0; i < 10; i++) {
                assertThat(small.query("SELECT " + i + " + $1::int4 AS v", 1).row(0).getInteger(0)).isEqualTo(i + 1);
            }
            assertThat(small.cachedStatements()).isLessThanOrEqualTo(3);
            RowSet serverSide = small.query("SELECT count(*) FROM pg_prepared_statements");
            assertThat(serverSide.row(0).getLong(0)).isLessThanOrEqualTo(4L);

            small.execute("DISCARD ALL");
            // the first use after DISCARD fails with a clear error and drops the stale statement; the retry works
            String sql = "SELECT 9 + $1::int4 AS v";
            try {
                small.query(sql, 1);
            } catch (PgException e) {
                assertThat(e.sqlState()).isEqualTo("26000");
            }
            assertThat(small.query(sql, 1).row(0).getInteger(0)).isEqualTo(10);
        }
    }

    @Test
    void wrongParameterCountIsAClearErrorAndNoHarm() {
        assertThatThrownBy(() -> conn.query("SELECT $1::int4 + $2::int4", 1))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("07001");
                    assertThat(e.getMessage()).contains("2 parameters but 1 value was given");
                });
        assertThat(conn.query("SELECT $1::int4 + $2::int4 AS s", 1, 2).row(0).getInteger(0)).isEqualTo(3);
    }

    @Test
    void batchRunsManyParameterSetsInOneRoundTripAllOrNothing() {
        conn.execute("DROP TABLE IF EXISTS ct_batch; CREATE TABLE ct_batch (id int PRIMARY KEY)");
        List<Object[]> sets = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sets.add(new Object[] {i});
        }
        long[] counts = conn.batch("INSERT INTO ct_batch VALUES ($1)", sets);
        assertThat(counts).hasSize(500).containsOnly(1L);
        List<Object[]> clash = List.of(new Object[] {1000}, new Object[] {1}, new Object[] {1001});
        assertThatThrownBy(() -> conn.batch("INSERT INTO ct_batch VALUES ($1)", clash))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
        assertThat(conn.query("SELECT count(*) FROM ct_batch").row(0).getLong(0)).isEqualTo(500L);
    }

    @Test
    void copyThroughQueryIsRefusedCleanly() {
        conn.execute("DROP TABLE IF EXISTS ct_copy; CREATE TABLE ct_copy (v int)");
        assertThatThrownBy(() -> conn.query("COPY ct_copy FROM STDIN")).isInstanceOf(PgException.class)
                .hasMessageContaining("COPY");
        assertThatThrownBy(() -> conn.query("COPY ct_copy TO STDOUT")).hasMessageContaining("COPY");
        assertThat(conn.query("SELECT 1 AS x").row(0).getInteger(0)).isEqualTo(1);
    }

    @Test
    void listenAndNotify() {
        conn.execute("LISTEN spool_test");
        try (PgConnection other = PgConnection.connect(db.url())) {
            other.execute("SELECT pg_notify('spool_test', 'hello ✓')");
        }
        Notification n = conn.waitForNotification(Duration.ofSeconds(5));
        assertThat(n).isNotNull();
        assertThat(n.channel()).isEqualTo("spool_test");
        assertThat(n.payload()).isEqualTo("hello ✓");
        assertThat(conn.waitForNotification(Duration.ofMillis(50))).isNull();
    }

    @Test
    void noticesReachTheListener() {
        List<Notice> notices = new ArrayList<>();
        conn.onNotice(notices::add);
        conn.execute("DO $$ BEGIN RAISE WARNING 'watch out %', 42; END $$");
        assertThat(notices).extracting(Notice::message).containsExactly("watch out 42");
    }

    @Test
    void terminatedBackendGivesAClearErrorThenFailsFastNeverHangs() {
        int pid = conn.processId();
        try (PgConnection admin = PgConnection.connect(db.url())) {
            assertThat(admin.query("SELECT pg_terminate_backend($1)", pid).row(0).getBoolean(0)).isTrue();
        }
        long start = System.nanoTime();
        assertThatThrownBy(() -> conn.query("SELECT 1"))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.isConnectionError()).isTrue());
        assertThatThrownBy(() -> conn.query("SELECT 1"))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.isConnectionError()).isTrue());
        assertThat(conn.isUsable()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void socketTimeoutAbandonsASlowCallWithAConnectionError() {
        try (PgConnection c = PgConnection.connect(PgConfig.parse(db.url()).withSocketTimeout(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> c.query("SELECT pg_sleep(5)"))
                    .isInstanceOfSatisfying(PgException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("08006");
                        assertThat(e.getMessage()).contains("within 300 ms");
                    });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(c.isUsable()).isFalse();
        }
    }

    @Test
    void connectTimeoutBoundsAServerThatNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept()) {
                    Thread.sleep(5000);
                } catch (IOException | InterruptedException ignored) {
                    // test over
                }
            });
            long start = System.nanoTime();
            PgConfig config = PgConfig.parse("postgresql://u@127.0.0.1:" + silent.getLocalPort() + "/d")
                    .withConnectTimeout(Duration.ofMillis(400));
            assertThatThrownBy(() -> PgConnection.connect(config))
                    .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).startsWith("08"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            acceptor.interrupt();
        }
    }

    @Test
    void refusedConnectionIsUnableToConnect() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> PgConnection.connect("postgresql://u@127.0.0.1:" + port + "/d"))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("08001");
                    assertThat(e.getMessage()).contains("127.0.0.1:" + port);
                });
    }

    @Test
    void serverThatSpeaksGarbageIsAProtocolError() throws IOException {
        try (ServerSocket liar = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = liar.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                    s.getInputStream().read(new byte[1024]);
                } catch (IOException ignored) {
                    // test over
                }
            });
            assertThatThrownBy(() -> PgConnection.connect("postgresql://u@127.0.0.1:" + liar.getLocalPort() + "/d"))
                    .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).isEqualTo("08P01"));
        }
    }

    @Test
    void closedConnectionRefusesCalls() {
        conn.close();
        assertThatThrownBy(() -> conn.query("SELECT 1"))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.sqlState()).startsWith("08"));
    }
}
