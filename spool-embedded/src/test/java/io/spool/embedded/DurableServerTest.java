package io.spool.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import io.spool.embedded.junit.ChildJvm;
import io.spool.embedded.junit.MachineLoad;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable server for a service's data: durable settings, password-only logins, and a first start after the
 * process that owned the server was killed with SIGKILL (its postmaster still running on the directory).
 */
class DurableServerTest {

    @Test
    void keepsDurableSettingsAndWantsThePassword(@TempDir Path dir) throws Exception {
        try (LocalPostgres pg = LocalPostgres.startDurable(dir.resolve("pg"))) {
            assertThat(pg.password()).hasSize(48);
            assertThat(pg.url()).contains(":" + pg.password() + "@");
            try (Connection c = connect(pg.url()); Statement s = c.createStatement()) {
                for (String setting : new String[] {"fsync", "full_page_writes", "synchronous_commit"}) {
                    try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
                        rs.next();
                        assertThat(rs.getString(1)).as(setting).isEqualTo("on");
                    }
                }
            }
            String noPassword = "jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(noPassword).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
            String wrong = noPassword + "&password=guess";
            assertThatThrownBy(() -> DriverManager.getConnection(wrong).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
            Path file = dir.resolve("pg").resolve(LocalPostgres.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void testServersStayFast() {
        try (LocalPostgres pg = LocalPostgres.start()) {
            assertThat(pg.password()).isNull();
            try (Connection c = connect(pg.url()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW fsync")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("off");
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void firstStartAfterSigkillStopsTheLeftoverServerAndKeepsTheData(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        long leftoverPid;
        try (ChildJvm child = ChildJvm.start(DurableServerMain.class, data.toString())) {
            child.awaitLine(l -> l.startsWith("READY "), Duration.ofSeconds(90));
            child.kill();
            Optional<ProcessHandle> leftover = LeftoverPostmaster.find(data);
            assertThat(leftover).as("the killed JVM's postmaster still runs on the directory").isPresent();
            leftoverPid = leftover.get().pid();
        }
        long started = System.nanoTime();
        try (LocalPostgres pg = LocalPostgres.startDurable(data)) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isLessThan(MachineLoad.scaled(Duration.ofSeconds(10)));
            assertThat(ProcessHandle.of(leftoverPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
            try (Connection c = connect(pg.url()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(LeftoverPostmaster.find(data)).as("closed cleanly this time").isEmpty();
    }

    @Test
    void aPidFileOfAnotherProgramIsNotALeftover(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dir + "\n");
        assertThat(LeftoverPostmaster.find(dir)).isEmpty();
        assertThat(LeftoverPostmaster.stopIfRunning(dir)).isFalse();
    }

    private static Connection connect(String url) throws SQLException {
        URI uri = URI.create(url.replaceFirst("^postgresql://", "http://"));
        String[] auth = uri.getUserInfo().split(":", 2);
        return DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath(),
                auth[0], auth.length > 1 ? auth[1] : null);
    }
}
