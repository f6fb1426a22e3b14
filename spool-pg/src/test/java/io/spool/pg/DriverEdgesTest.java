package io.spool.pg;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.netty.PgNettyConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Edges of the driver found by review, against the real server: a cancel that arrives late, statements the
 * server forgot or can no longer run, array bounds, a COPY hidden in a simple query on a pipelined connection,
 * and the pool's housekeeper racing a borrower.
 */
@ExtendWith(PostgresExtension.class)
class DriverEdgesTest {
    private final TestDatabase db;

    DriverEdgesTest(TestDatabase db) {
        this.db = db;
    }

    /** Loopback proxy; the n-th accepted connection holds each client-to-server chunk delayMillis.applyAsLong(n) ms. */
    static final class SlowProxy implements AutoCloseable {
        final ServerSocket listener;
        final AtomicInteger accepted = new AtomicInteger();

        SlowProxy(String host, int port, IntToLongFunction delayMillis) throws IOException {
            listener = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket(host, port);
                        long delay = delayMillis.applyAsLong(accepted.getAndIncrement());
                        Thread.ofVirtual().start(() -> pump(client, server, delay));
                        Thread.ofVirtual().start(() -> pump(server, client, 0));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void pump(Socket from, Socket to, long delay) {
            byte[] buf = new byte[65536];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (delay > 0) {
                        Thread.sleep(delay);
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException ignored) {
            } finally {
                try { from.close(); to.close(); } catch (IOException ignored) { }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    // ---- 1: a late cancel must not cancel the next statement ----------------------------------------------
    @Test
    void lateCancelDoesNotCancelTheNextStatement() throws Exception {
        // the main connection (#0) goes straight through; the cancel socket (#1...) is held 700 ms
        try (SlowProxy proxy = new SlowProxy(db.host(), db.port(), n -> n == 0 ? 0 : 700)) {
            PgConfig config = PgConfig.parse(db.url()).withHost("127.0.0.1").withPort(proxy.port());
            try (PgConnection conn = PgConnection.connect(config)) {
                CompletableFuture<Void> a = CompletableFuture.runAsync(() -> conn.query("SELECT pg_sleep(0.3)"),
                        r -> Thread.ofVirtual().start(r));
                Thread.sleep(100);                        // A is running
                Thread canceller = Thread.ofVirtual().start(conn::cancel);  // asked while A runs
                try {
                    a.join();                             // A may finish or be cancelled: both fine
                } catch (Exception ignored) {
                }
                // B is a different statement, issued after A is over: it must not be cancelled
                RowSet b = conn.query("SELECT pg_sleep(1.5), 42 AS v");
                assertThat(b.row(0).getInteger("v")).isEqualTo(42);
                canceller.join();
            }
        }
    }

    /** The same on the Netty connection: a query submitted while the cancel travels waits until it has arrived. */
    @Test
    void lateCancelDoesNotCancelTheNextStatementOnNetty() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (SlowProxy proxy = new SlowProxy(db.host(), db.port(), n -> n == 0 ? 0 : 700)) {
            PgConfig config = PgConfig.parse(db.url()).withHost("127.0.0.1").withPort(proxy.port());
            try (PgNettyConnection conn = PgNettyConnection.connect(config, group).get(10, TimeUnit.SECONDS)) {
                CompletableFuture<RowSet> a = conn.query("SELECT pg_sleep(0.3)");
                Thread.sleep(100);                               // A is running
                CompletableFuture<Void> cancel = conn.cancel();  // arrives about 0.5 s after A has ended
                try {
                    a.get(5, TimeUnit.SECONDS);                  // A may finish or be cancelled: both fine
                } catch (ExecutionException ignored) {
                }
                RowSet b = conn.query("SELECT pg_sleep(1.5), 42 AS v").get(10, TimeUnit.SECONDS);
                assertThat(b.row(0).getInteger("v")).isEqualTo(42);
                cancel.get(5, TimeUnit.SECONDS);
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    /**
     * On the poll connection, called from the polling thread: with nothing in flight it sends nothing (so it
     * does not wait for the slow cancel socket), and while a request travels no statement can be written.
     */
    @Test
    void pollConnectionCancelsOnlyWhatRunsAndNeverTheNextStatement() throws Exception {
        try (SlowProxy proxy = new SlowProxy(db.host(), db.port(), n -> n == 0 ? 0 : 700)) {
            PgConfig config = PgConfig.parse(db.url()).withHost("127.0.0.1").withPort(proxy.port());
            PgPollConnection conn = PgPollConnection.start(config);
            try {
                PollConnectionTest.driveAll(List.of(PollConnectionTest.connecting(conn)));
                long t0 = System.nanoTime();
                conn.cancel();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("idle: no request sent")
                        .isLessThan(Duration.ofMillis(500));
                assertThat(proxy.accepted.get()).isEqualTo(1);

                var a = conn.startQuery("SELECT pg_sleep(0.3)");
                a.poll();                                        // A is written
                Thread.sleep(100);
                conn.cancel();                                   // arrives about 0.5 s after A has ended
                assertThat(proxy.accepted.get()).isEqualTo(2);
                try {
                    PollConnectionTest.driveAll(List.of(a));     // A may finish or be cancelled: both fine
                } catch (PgException ignored) {
                }
                Object b = PollConnectionTest.driveAll(List.of(conn.startQuery("SELECT pg_sleep(1.5), 42 AS v"))).get(0);
                assertThat(((RowSet) b).row(0).getInteger("v")).isEqualTo(42);
            } finally {
                conn.close();
            }
        }
    }

    // ---- 2: prepared statements leaked after 0A000 ------------------------------------------------------
    @Test
    void cachedPlanResultTypeChangeDoesNotLeakServerStatements() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            conn.execute("DROP TABLE IF EXISTS rv_t; CREATE TABLE rv_t (a int)");
            for (int i = 0; i < 5; i++) {
                conn.query("SELECT * FROM rv_t");
                conn.execute("ALTER TABLE rv_t ADD COLUMN c" + i + " int");
                assertThatThrownBy(() -> conn.query("SELECT * FROM rv_t"))
                        .isInstanceOf(PgException.class)
                        .satisfies(e -> assertThat(((PgException) e).sqlState()).isEqualTo("0A000"));
            }
            conn.query("SELECT * FROM rv_t");
            long onServer = conn.query("SELECT count(*) FROM pg_prepared_statements WHERE statement = 'SELECT * FROM rv_t'")
                    .row(0).getLong(0);
            assertThat(onServer).as("server-side statements for one cached SQL").isEqualTo(1);
        }
    }

    @Test
    void batchRecoversAfterTheServerForgotItsStatement() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            conn.execute("DROP TABLE IF EXISTS rv_b; CREATE TABLE rv_b (a int)");
            conn.batch("INSERT INTO rv_b VALUES ($1)", List.of(new Object[]{1}, new Object[]{2}));
            conn.execute("DEALLOCATE ALL");
            // the first use may fail (as query() does once with 26000), but the cache must not keep the dead entry
            try {
                conn.batch("INSERT INTO rv_b VALUES ($1)", List.<Object[]>of(new Object[]{3}));
            } catch (PgException first) {
                assertThat(first.sqlState()).isEqualTo("26000");
            }
            assertThat(conn.batch("INSERT INTO rv_b VALUES ($1)", List.<Object[]>of(new Object[]{4}))).containsExactly(1L);
        }
    }

    // ---- 3: array lower bounds ------------------------------------------------------------------------
    @Test
    void arrayWithNonDefaultLowerBoundKeepsItsBoundsAsText() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            String text = conn.simpleQuery("SELECT '[0:2]={1,2,3}'::int4[]").get(0).row(0).getString(0);
            assertThat(text).isEqualTo("[0:2]={1,2,3}");
            String binary = conn.query("SELECT '[0:2]={1,2,3}'::int4[]").row(0).getString(0);
            assertThat(binary).isEqualTo("[0:2]={1,2,3}");
        }
    }

    // ---- 4: COPY through a simple query on a pipelined connection ------------------------------------------
    @Test
    void copyInASimpleQueryDoesNotBreakThePipeline() throws Exception {
        try (PgConnection setup = PgConnection.connect(db.url())) {
            setup.execute("DROP TABLE IF EXISTS rv_copy; CREATE TABLE rv_copy (a int)");
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try (PgNettyConnection conn = PgNettyConnection.connect(PgConfig.parse(db.url()), group).get(10, TimeUnit.SECONDS)) {
            CompletableFuture<List<RowSet>> copy = conn.simpleQuery("COPY rv_copy FROM STDIN");
            CompletableFuture<RowSet> next = conn.query("SELECT 7 AS v");   // pipelined behind it
            assertThatThrownBy(() -> copy.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(PgException.class);
            assertThat(next.get(5, TimeUnit.SECONDS).row(0).getInteger("v")).isEqualTo(7);
            assertThat(conn.query("SELECT 8 AS v").get(5, TimeUnit.SECONDS).row(0).getInteger("v")).isEqualTo(8);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    // ---- 5: pool housekeeper must not open past maxSize ---------------------------------------------------
    @Test
    void housekeeperAndBorrowerTogetherNeverExceedMaxSize() throws Exception {
        try (SlowProxy proxy = new SlowProxy(db.host(), db.port(), n -> 40)) {   // every connect is slow
            PgConfig config = PgConfig.parse(db.url()).withHost("127.0.0.1").withPort(proxy.port());
            PoolOptions options = PoolOptions.defaults().withMaxSize(1).withMinIdle(1).withIdleTimeout(Duration.ofMillis(100));
            try (PgPool pool = PgPool.create(config, options)) {
                Thread user = Thread.ofVirtual().start(() -> pool.query("SELECT pg_sleep(0.5)"));
                int max = 0;
                long until = System.nanoTime() + 1_500_000_000L;
                while (System.nanoTime() < until) {
                    max = Math.max(max, pool.openConnections());
                    Thread.sleep(2);
                }
                user.join();
                assertThat(proxy.accepted.get()).as("connections opened to the server").isLessThanOrEqualTo(1);
                assertThat(max).as("open connections of a pool with maxSize 1").isLessThanOrEqualTo(1);
            }
        }
    }
}
