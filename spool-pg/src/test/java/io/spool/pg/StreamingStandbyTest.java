package io.spool.pg;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.spool.embedded.LocalPostgres;
import io.spool.io.Loop;
import io.spool.pg.netty.PgNettyConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * target_session_attrs against a real streaming standby, on every transport: a primary and a hot standby made
 * from it with the low-level base backup API ({@code pg_backup_start()}, a file copy of the running primary's
 * data directory, {@code pg_backup_stop()} and its backup label, {@code standby.signal} and
 * {@code primary_conninfo}). One pair serves the whole class; the failover test, which stops the primary, runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingStandbyTest {
    /** What a base backup leaves out: the server's runtime files and directories refilled at start (their contents). */
    private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    @TempDir
    static Path dir;
    private static LocalPostgres primary;
    private static EmbeddedPostgres standby;
    private static EventLoopGroup group;
    private static int primaryPort;
    private static boolean primaryStopped;

    @BeforeAll
    static void startPair() throws Exception {
        primary = LocalPostgres.start();
        primaryPort = primary.port();
        Path copy = dir.resolve("standby");
        try (PgConnection c = PgConnection.connect(primary.url())) {
            Path data = Path.of(c.query("SHOW data_directory").row(0).getString(0));
            assertThat(c.query("SHOW wal_level").row(0).getString(0)).isEqualTo("replica");
            Files.writeString(data.resolve("pg_hba.conf"), "host replication all 127.0.0.1/32 trust\n",
                    StandardOpenOption.APPEND);
            c.query("SELECT pg_reload_conf()");
            c.query("CREATE TABLE standby_rows (id int PRIMARY KEY, note text)");
            c.query("SELECT pg_backup_start('spool-standby', true)");
            copyDataDirectory(data, copy);
            Row stop = c.query("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)").row(0);
            Files.writeString(copy.resolve("backup_label"), stop.getString(0));
            if (stop.getString(1) != null && !stop.getString(1).isEmpty()) {
                Files.writeString(copy.resolve("tablespace_map"), stop.getString(1));
            }
        }
        Files.createFile(copy.resolve("standby.signal"));
        Files.writeString(copy.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=127.0.0.1 port="
                + primary.port() + " user=postgres application_name=spool_standby'\n", StandardOpenOption.APPEND);
        standby = EmbeddedPostgres.builder().setDataDirectory(copy).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")   // a hot standby needs at least the primary's
                .setServerConfig("hot_standby", "on")
                .start();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    /** The file copy of a base backup: everything but runtime files, taken while the primary runs. */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(source);
                Path target = to.resolve(relative.toString());
                if (relative.getNameCount() > 0 && NOT_COPIED.contains(relative.getFileName().toString())) {
                    continue;
                }
                if (relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString())
                        && !Files.isDirectory(source)) {
                    continue;
                }
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (NoSuchFileException gone) {
                    // a temporary file removed while we copied: a base backup tolerates that
                }
            }
        }
        // PostgreSQL refuses a data directory that others may read
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        if (standby != null) {
            standby.close();
        }
        if (primary != null && !primaryStopped) {
            primary.close();
        }
    }

    private static String both(String target) {
        return "postgresql://postgres@127.0.0.1:" + primaryPort + ",127.0.0.1:" + standby.getPort()
                + "/postgres?target_session_attrs=" + target;
    }

    /** The port of the server each transport settles on for {@code target}. */
    private static void assertEveryTransportPicks(String target, int port) throws Exception {
        PgConfig config = PgConfig.parse(both(target));
        String ask = "SELECT inet_server_port()";
        try (PgConnection c = PgConnection.connect(config)) {
            assertThat(c.query(ask).row(0).intValue(0)).as("blocking, %s", target).isEqualTo(port);
        }
        try (PgPool pool = PgPool.create(config, PoolOptions.defaults().withSharedConnections(1))) {
            assertThat(pool.query(ask).row(0).intValue(0)).as("shared pool, %s", target).isEqualTo(port);
        }
        try (Loop loop = Loop.open(); PgPollConnection c = loop.run(PgPollConnection.connect(config))) {
            assertThat(loop.run(c.startQuery(ask)).row(0).intValue(0)).as("poll, %s", target).isEqualTo(port);
        }
        PgNettyConnection netty = PgNettyConnection.connect(config, group).get(20, TimeUnit.SECONDS);
        try {
            assertThat(netty.query(ask).get(20, TimeUnit.SECONDS).row(0).intValue(0)).as("Netty, %s", target)
                    .isEqualTo(port);
        } finally {
            netty.close();
        }
    }

    @Test
    @Order(1)
    void theStandbyIsInRecoveryAndReceivesThePrimarysRows() throws Exception {
        try (PgConnection p = PgConnection.connect(primary.url());
             PgConnection s = PgConnection.connect("postgresql://postgres@127.0.0.1:" + standby.getPort() + "/postgres")) {
            assertThat(s.query("SELECT pg_is_in_recovery()").row(0).getBoolean(0)).isTrue();
            assertThat(p.query("SELECT pg_is_in_recovery()").row(0).getBoolean(0)).isFalse();
            p.execute("INSERT INTO standby_rows VALUES (1, 'written on the primary')");
            String seen = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen == null && System.nanoTime() < deadline) {
                Row row = s.query("SELECT note FROM standby_rows WHERE id = 1").first();
                seen = row == null ? null : row.getString(0);
                if (seen == null) {
                    Thread.sleep(50);
                }
            }
            assertThat(seen).isEqualTo("written on the primary");
            assertThat(p.query("SELECT count(*) FROM pg_stat_replication WHERE application_name = 'spool_standby'")
                    .row(0).longValue(0)).isEqualTo(1);
            assertThatThrownBy(() -> s.execute("INSERT INTO standby_rows VALUES (2, 'x')"))
                    .isInstanceOf(PgException.class).hasMessageContaining("read-only transaction");
        }
    }

    @Test
    @Order(2)
    void targetSessionAttrsPickTheRightServerOnEveryTransport() throws Exception {
        assertEveryTransportPicks("any", primary.port());
        assertEveryTransportPicks("primary", primary.port());
        assertEveryTransportPicks("read-write", primary.port());
        assertEveryTransportPicks("standby", standby.getPort());
        assertEveryTransportPicks("prefer-standby", standby.getPort());
        assertEveryTransportPicks("read-only", standby.getPort());
    }

    @Test
    @Order(3)
    void withThePrimaryStoppedTheStandbyStillServesAndPrimaryFailsClearly() throws Exception {
        primary.close();   // the URL still names its port, where connections are now refused
        primaryStopped = true;
        assertEveryTransportPicks("prefer-standby", standby.getPort());
        assertEveryTransportPicks("any", standby.getPort());
        PgConfig wantPrimary = PgConfig.parse(both("primary"));
        assertThatThrownBy(() -> PgConnection.connect(wantPrimary)).isInstanceOf(PgException.class)
                .hasMessageContaining("no server suited target_session_attrs=primary")
                .hasMessageContaining("answered t to SELECT pg_is_in_recovery()");
        try (Loop loop = Loop.open()) {
            assertThatThrownBy(() -> loop.run(PgPollConnection.connect(wantPrimary))).isInstanceOf(PgException.class)
                    .hasMessageContaining("no server suited target_session_attrs=primary");
        }
        assertThatThrownBy(() -> PgNettyConnection.connect(wantPrimary, group).get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(PgException.class)
                .hasMessageContaining("no server suited target_session_attrs=primary");
    }
}
