package io.spool.pg.netty;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.pg.LatencyProxy;
import io.spool.pg.PipeliningProof;
import io.spool.pg.PgConfig;
import io.spool.pg.PgConnection;
import io.spool.pg.PgException;
import io.spool.pg.RowSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The same engine inside a Netty channel handler: futures completed on the event loop, pipelining. */
@ExtendWith(PostgresExtension.class)
class NettyConnectionTest {
    private static EventLoopGroup group;
    private static TestDatabase db;

    @BeforeAll
    static void start(TestDatabase database) {
        db = database;
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private static PgNettyConnection connect(PgConfig config) throws Exception {
        return PgNettyConnection.connect(config, group).get(10, TimeUnit.SECONDS);
    }

    @Test
    void queriesCompleteOnTheEventLoop() throws Exception {
        try (PgNettyConnection conn = connect(PgConfig.parse(db.url()))) {
            AtomicInteger onLoop = new AtomicInteger();
            RowSet rows = conn.query("SELECT $1::text || '!' AS s", "netty ✓")
                    .whenComplete((r, e) -> {
                        if (conn.channel().eventLoop().inEventLoop()) {
                            onLoop.incrementAndGet();
                        }
                    }).get(5, TimeUnit.SECONDS);
            assertThat(rows.row(0).getString("s")).isEqualTo("netty ✓!");
            assertThat(onLoop.get()).isEqualTo(1);
        }
    }

    @Test
    void aThousandPipelinedQueriesWithOneFailingOnlyFailThatOne() throws Exception {
        try (PgNettyConnection conn = connect(PgConfig.parse(db.url()))) {
            List<CompletableFuture<RowSet>> results = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                results.add(conn.query("SELECT 1000 / $1::int4 AS v", i == 500 ? 0 : i + 1));
            }
            for (int i = 0; i < 1000; i++) {
                if (i == 500) {
                    int index = i;
                    assertThatThrownBy(() -> results.get(index).get(5, TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PgException.class);
                } else {
                    assertThat(results.get(i).get(5, TimeUnit.SECONDS).row(0).getInteger(0)).isEqualTo(1000 / (i + 1));
                }
            }
        }
    }

    @Test
    void pipeliningNeedsFarFewerRoundTripsThanSequentialQueries() throws Exception {
        try (LatencyProxy proxy = new LatencyProxy(db.host(), db.port(), 1000)) {
            PgConfig viaProxy = PgConfig.parse(db.url()).withHost("127.0.0.1").withPort(proxy.port());
            try (PgNettyConnection conn = connect(viaProxy)) {
                PipeliningProof.assertPipelines("netty", proxy, i -> conn.query("SELECT $1::int4 AS v", i), 50);
            }
        }
    }

    @Test
    void killedBackendFailsPendingFuturesWithAConnectionError() throws Exception {
        try (PgNettyConnection conn = connect(PgConfig.parse(db.url()))) {
            CompletableFuture<RowSet> sleeping = conn.query("SELECT pg_sleep(10)");
            Thread.sleep(200);
            try (PgConnection admin = PgConnection.connect(db.url())) {
                admin.query("SELECT pg_terminate_backend($1)", conn.processId());
            }
            assertThatThrownBy(() -> sleeping.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PgException.class)
                    .satisfies(e -> assertThat(((PgException) e.getCause()).isConnectionError()).isTrue());
            assertThatThrownBy(() -> conn.query("SELECT 1").get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(PgException.class);
            assertThat(conn.isUsable()).isFalse();
        }
    }

    @Test
    void poolPrefersAConnectionOfTheLoopTheCallerNames() throws Exception {
        // a virtual thread carried by an event loop cannot be told by inEventLoop(): the caller names its loop
        EventLoopGroup two = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (PgNettyPool pool = PgNettyPool.connect(PgConfig.parse(db.url()), 4, two).get(10, TimeUnit.SECONDS)) {
            for (io.netty.util.concurrent.EventExecutor loop : two) {
                for (int n = 0; n < 20; n++) {
                    int i = n;
                    io.netty.channel.EventLoop[] used = new io.netty.channel.EventLoop[1];
                    RowSet rows = pool.on(loop, c -> {
                        used[0] = c.channel().eventLoop();
                        return c.query("SELECT $1::int4", i);
                    }).get(5, TimeUnit.SECONDS);
                    assertThat(rows.row(0).intValue(0)).isEqualTo(i);
                    assertThat(used[0]).isSameAs(loop);
                }
            }
        } finally {
            two.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void poolKeepsWorkOnTheCallersLoopWhileTheOtherLoopsConnectionsAreBusy() throws Exception {
        // issue 28: handing queries to another loop's connection under load cost more than the queue it skipped
        EventLoopGroup two = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        try (PgNettyPool pool = PgNettyPool.connect(PgConfig.parse(db.url()), 2, two).get(10, TimeUnit.SECONDS);
             PgConnection admin = PgConnection.connect(db.url())) {
            java.util.Iterator<io.netty.util.concurrent.EventExecutor> loops = two.iterator();
            io.netty.util.concurrent.EventExecutor a = loops.next();
            io.netty.util.concurrent.EventExecutor b = loops.next();
            admin.query("SELECT pg_advisory_lock(2801), pg_advisory_lock(2802)");
            // a's connection: a statement waiting for the lock and 40 more behind it; b's: one waiting statement
            List<CompletableFuture<?>> queued = new ArrayList<>();
            PgNettyConnection onA = queue(pool, a, 2801, 40, queued);
            PgNettyConnection onB = queue(pool, b, 2802, 0, queued);
            assertThat(onA).isNotSameAs(onB);

            assertThat(pool.on(a, c -> CompletableFuture.completedFuture(c)).get(5, TimeUnit.SECONDS))
                    .as("a busy connection of the caller's loop beats a less busy one elsewhere").isSameAs(onA);

            admin.query("SELECT pg_advisory_unlock(2802)");
            queued.get(41).get(5, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (onB.commandsInFlight() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);   // the count drops in a callback that may run just after the caller's
            }
            assertThat(pool.on(a, c -> CompletableFuture.completedFuture(c)).get(5, TimeUnit.SECONDS))
                    .as("an idle connection of another loop takes the overflow").isSameAs(onB);

            admin.query("SELECT pg_advisory_unlock(2801)");
            CompletableFuture.allOf(queued.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } finally {
            two.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** On {@code loop}'s connection: a statement waiting for advisory lock {@code key}, then {@code more} queries. */
    private static PgNettyConnection queue(PgNettyPool pool, io.netty.util.concurrent.EventExecutor loop, int key,
                                           int more, List<CompletableFuture<?>> queued) throws Exception {
        return pool.on(loop, c -> {
            queued.add(c.query("SELECT pg_advisory_lock($1::int8), pg_advisory_unlock($1::int8)", key));
            for (int i = 0; i < more; i++) {
                queued.add(c.query("SELECT 1"));
            }
            return CompletableFuture.completedFuture(c);
        }).get(5, TimeUnit.SECONDS);
    }

    @Test
    void poolSpreadsQueriesAndReplacesAKilledConnection() throws Exception {
        try (PgNettyPool pool = PgNettyPool.connect(PgConfig.parse(db.url()), 4, group).get(10, TimeUnit.SECONDS)) {
            List<CompletableFuture<RowSet>> pids = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                pids.add(pool.query("SELECT pg_backend_pid() AS pid"));
            }
            java.util.Set<Integer> backends = new java.util.HashSet<>();
            for (CompletableFuture<RowSet> f : pids) {
                backends.add(f.get(5, TimeUnit.SECONDS).row(0).getInteger(0));
            }
            assertThat(backends).hasSize(4);
            int victim = backends.iterator().next();
            try (PgConnection admin = PgConnection.connect(db.url())) {
                admin.query("SELECT pg_terminate_backend($1)", victim);
            }
            Thread.sleep(200);
            int failures = 0;
            java.util.Set<Integer> after = new java.util.HashSet<>();
            for (int round = 0; round < 20; round++) {
                List<CompletableFuture<RowSet>> burst = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    burst.add(pool.query("SELECT pg_backend_pid()"));
                }
                for (CompletableFuture<RowSet> f : burst) {
                    try {
                        after.add(f.get(5, TimeUnit.SECONDS).row(0).getInteger(0));
                    } catch (ExecutionException e) {
                        failures++;
                    }
                }
                Thread.sleep(20);
            }
            // the killed backend's FATAL arrives before we query, so the pool notices it without a failure
            assertThat(failures).as("queries routed to the dead connection before it was noticed").isLessThanOrEqualTo(5);
            assertThat(after).doesNotContain(victim).hasSize(4);
        }
    }

    @Test
    void pipelineLimitHoldsBackCommandsButAllComplete() throws Exception {
        try (PgNettyConnection conn = connect(PgConfig.parse(db.url()))) {
            conn.pipelineLimit(3);
            List<CompletableFuture<RowSet>> results = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                results.add(conn.query("SELECT $1::int4 AS v", i));
            }
            for (int i = 0; i < 300; i++) {
                assertThat(results.get(i).get(5, TimeUnit.SECONDS).row(0).getInteger(0)).isEqualTo(i);
            }
        }
    }

    @Test
    void notificationsArriveOnTheEventLoopAndCancelFailsTheQueryWith57014() throws Exception {
        try (PgNettyConnection conn = connect(PgConfig.parse(db.url()))) {
            CompletableFuture<io.spool.pg.Notification> got = new CompletableFuture<>();
            conn.onNotification(got::complete);
            conn.simpleQuery("LISTEN netty_chan").get(5, TimeUnit.SECONDS);
            try (PgConnection other = PgConnection.connect(db.url())) {
                other.execute("NOTIFY netty_chan, 'ping'");
            }
            assertThat(got.get(5, TimeUnit.SECONDS).payload()).isEqualTo("ping");

            CompletableFuture<RowSet> slow = conn.query("SELECT pg_sleep(20)");
            Thread.sleep(300);
            conn.cancel().get(5, TimeUnit.SECONDS);
            assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(PgException.class)
                    .satisfies(e -> assertThat(((PgException) e.getCause()).sqlState()).isEqualTo("57014"));
            assertThat(conn.query("SELECT 1 AS one").get(5, TimeUnit.SECONDS).row(0).getInteger(0)).isEqualTo(1);
        }
    }

    @Test
    void refusedConnectFailsTheFuture() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PgConfig config = PgConfig.parse("postgresql://u@127.0.0.1:" + port + "/d");
        assertThatThrownBy(() -> PgNettyConnection.connect(config, group).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PgException.class);
    }
}
