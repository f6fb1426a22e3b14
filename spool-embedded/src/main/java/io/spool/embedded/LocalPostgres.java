package io.spool.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A PostgreSQL server run from the binaries that zonky publishes on Maven Central, listening on a free port of
 * the loopback interface. The superuser {@code postgres} logs in with {@code trust}; {@link #AUTH_ROLES} are
 * roles that must authenticate with md5, SCRAM-SHA-256 and cleartext password, so clients can test each method.
 */
public final class LocalPostgres implements AutoCloseable {

    /** Roles created on start, each bound by {@code pg_hba.conf} to one authentication method. */
    public static final List<AuthRole> AUTH_ROLES = List.of(
            new AuthRole("spool_md5", "md5-Secret!", "md5"),
            new AuthRole("spool_scram", "scram-Sécret✓", "scram-sha-256"),
            new AuthRole("spool_password", "clear:Secret", "password"));

    /** A login role, its password and the {@code pg_hba.conf} method it must use. */
    public record AuthRole(String user, String password, String method) {}

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts a fresh server with a temporary data directory, removed on {@link #close()}. */
    public static LocalPostgres start() {
        return start(null);
    }

    /**
     * Starts a server; with a {@code dataDirectory} the data survives restarts (the directory is created if
     * missing), without one it lives in a temporary directory.
     */
    public static LocalPostgres start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * Starts a server on {@code port} (0: any free port); with a fixed port and data directory a restarted
     * server is found where the old one was, as a real restart would be.
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                Files.createDirectories(dataDirectory);
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            LocalPostgres pg = new LocalPostgres(builder.start());
            pg.configureAuthentication();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** The superuser, who connects without a password. */
    public String user() {
        return "postgres";
    }

    public String database() {
        return "postgres";
    }

    /** A {@code postgresql://} URL for the superuser. */
    public String url() {
        return "postgresql://" + user() + "@" + host() + ":" + port() + "/" + database();
    }

    /** Runs SQL as the superuser through JDBC, for setting up fixtures outside the client under test. */
    public void execute(String... statements) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("setup SQL failed: " + e.getMessage(), e);
        }
    }

    private void configureAuthentication() throws IOException {
        StringBuilder hba = new StringBuilder("# written by spool-embedded\n");
        for (AuthRole role : AUTH_ROLES) {
            execute("SET password_encryption = '" + (role.method().equals("md5") ? "md5" : "scram-sha-256") + "'",
                    "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role.user() + "') THEN "
                            + "CREATE ROLE " + role.user() + " LOGIN; END IF; END $$",
                    "ALTER ROLE " + role.user() + " PASSWORD '" + role.password() + "'",
                    "GRANT ALL ON SCHEMA public TO " + role.user());
            for (String address : List.of("127.0.0.1/32", "::1/128")) {
                hba.append("host all ").append(role.user()).append(' ').append(address).append(' ')
                        .append(role.method()).append('\n');
            }
        }
        hba.append("local all all trust\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n");
        Path dataDir = Path.of(queryString("SHOW data_directory"));
        Files.writeString(dataDir.resolve("pg_hba.conf"), hba);
        String loadedBefore = queryString("SELECT pg_conf_load_time()::text");
        execute("SELECT pg_reload_conf()");
        // the reload is a signal; wait until the postmaster has read the new file
        for (int i = 0; i < 500 && queryString("SELECT pg_conf_load_time()::text").equals(loadedBefore); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String queryString(String sql) {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
