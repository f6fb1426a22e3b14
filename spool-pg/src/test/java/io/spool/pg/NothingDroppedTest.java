package io.spool.pg;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.io.Loop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Losses are told: notification overflow, parameter values the statement has no place for, too many parameters. */
@ExtendWith(PostgresExtension.class)
class NothingDroppedTest {
    private final TestDatabase db;

    NothingDroppedTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void aNotificationOverflowIsThrownByTheNextWaitCountedAndCalledBack() {
        PgConfig config = PgConfig.parse(db.url() + "?max_queued_notifications=10");
        try (PgConnection listener = PgConnection.connect(config); PgConnection sender = PgConnection.connect(db.url())) {
            AtomicLong told = new AtomicLong();
            listener.onNotificationOverflow(told::set);
            listener.execute("LISTEN overflow");
            sender.execute("SELECT pg_notify('overflow', g::text) FROM generate_series(1, 25) g");
            assertThat(listener.query("SELECT pg_sleep(0.2)")).hasSize(1);   // the notifications arrive meanwhile

            assertThatThrownBy(() -> listener.waitForNotification(Duration.ofSeconds(1)))
                    .isInstanceOf(NotificationOverflowException.class).hasMessageContaining("15 notifications were dropped")
                    .hasMessageContaining("at most 10").extracting(e -> ((PgException) e).sqlState()).isEqualTo("54000");
            assertThat(listener.waitForNotification(Duration.ofSeconds(1)).payload()).isEqualTo("16");
            assertThat(listener.droppedNotifications()).isEqualTo(15);
            assertThat(told.get()).isEqualTo(15);
        }
    }

    @Test
    void aPollConnectionThrowsTheOverflowFromItsNotificationPollable() throws Exception {
        PgConfig config = PgConfig.parse(db.url()).withMaxQueuedNotifications(3);
        try (Loop loop = Loop.open(); PgConnection sender = PgConnection.connect(db.url())) {
            PgPollConnection listener = loop.run(PgPollConnection.start(config)::poll);
            loop.run(listener.startSimpleQuery("LISTEN polled"));
            sender.execute("SELECT pg_notify('polled', g::text) FROM generate_series(1, 5) g");
            assertThatThrownBy(() -> loop.run(listener.nextNotification()))
                    .isInstanceOf(NotificationOverflowException.class).hasMessageContaining("2 notifications were dropped");
            assertThat(loop.run(listener.nextNotification()).payload()).isEqualTo("3");
            assertThat(listener.droppedNotifications()).isEqualTo(2);
            listener.close();
        }
    }

    @Test
    void aNettyConnectionCallsBackOnOverflowUntilAListenerTakesTheQueue() throws Exception {
        io.netty.channel.EventLoopGroup group = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                io.netty.channel.nio.NioIoHandler.newFactory());
        try (PgConnection sender = PgConnection.connect(db.url());
             io.spool.pg.netty.PgNettyConnection listener = io.spool.pg.netty.PgNettyConnection.connect(
                     PgConfig.parse(db.url()).withMaxQueuedNotifications(4), group).get(10, java.util.concurrent.TimeUnit.SECONDS)) {
            AtomicLong told = new AtomicLong();
            listener.onNotificationOverflow(told::set);
            listener.simpleQuery("LISTEN netty_overflow").get(10, java.util.concurrent.TimeUnit.SECONDS);
            sender.execute("SELECT pg_notify('netty_overflow', g::text) FROM generate_series(1, 10) g");
            listener.query("SELECT pg_sleep(0.2)").get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(told.get()).isEqualTo(6);
            java.util.List<String> kept = new java.util.concurrent.CopyOnWriteArrayList<>();
            listener.onNotification(n -> kept.add(n.payload()));
            listener.query("SELECT 1").get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(kept).containsExactly("7", "8", "9", "10");
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void valuesTheStatementHasNoPlaceholderForAreAClearClientSideError() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            conn.execute("CREATE TEMP TABLE ar (id int)");
            conn.execute("INSERT INTO ar VALUES (5), (6)");
            assertThatThrownBy(() -> conn.execute("DELETE FROM ar WHERE id = $1", 5, 6))
                    .isInstanceOf(PgException.class).hasMessageContaining("the query has 1 parameter but 2 values were given")
                    .extracting(e -> ((PgException) e).sqlState()).isEqualTo("07001");
            assertThat(conn.query("SELECT count(*) FROM ar").row(0).longValue(0)).isEqualTo(2);
            assertThatThrownBy(() -> conn.query("SELECT 1", 1)).hasMessageContaining("has 0 parameters but 1 value was given");
            assertThatThrownBy(() -> conn.query("SELECT $1::int, $2::int", 1)).hasMessageContaining("has 2 parameters");
            // placeholders inside literals, quoted names, dollar quotes and comments are not placeholders
            Row row = conn.query("SELECT '$2' AS a, \"?column?\".x AS b, $$ $3 $$ AS c, $1::int AS d -- $4\n"
                    + "FROM (SELECT E'\\'$5' AS x) \"?column?\" /* $6 /* $7 */ */", 9).row(0);
            assertThat(row.getString(0)).isEqualTo("$2");
            assertThat(row.getString(1)).isEqualTo("'$5");
            assertThat(row.getString(2)).isEqualTo(" $3 ");
            assertThat(row.intValue(3)).isEqualTo(9);
            assertThat(conn.query("SELECT $1::int + $1::int", 4).row(0).intValue(0)).isEqualTo(8);  // one value, used twice
        }
    }

    @Test
    void moreThan65535ParametersFailBeforeAnythingIsSent() {
        try (PgConnection conn = PgConnection.connect(db.url())) {
            int cached = conn.cachedStatements();
            Object[] values = new Object[65_536];
            java.util.Arrays.fill(values, 1);
            assertThatThrownBy(() -> conn.query("SELECT $1", values))
                    .isInstanceOf(PgException.class).hasMessageContaining("at most 65,535 parameters")
                    .hasMessageContaining("65536 were given").extracting(e -> ((PgException) e).sqlState()).isEqualTo("54000");
            assertThatThrownBy(() -> conn.batch("SELECT $1", java.util.List.<Object[]>of(values)))
                    .hasMessageContaining("at most 65,535 parameters");
            assertThat(conn.cachedStatements()).isEqualTo(cached);   // no Parse went out
            assertThat(conn.query("SELECT 1").row(0).intValue(0)).isEqualTo(1);
        }
    }
}
