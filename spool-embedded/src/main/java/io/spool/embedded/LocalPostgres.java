package io.spool.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A PostgreSQL server run from the binaries that zonky publishes on Maven Central, listening on a free port of
 * the loopback interface. Started for tests ({@link #start()}) it trades safety for speed ({@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} off), its superuser {@code postgres} logs in with
 * {@code trust}, and {@link #AUTH_ROLES} are roles that must authenticate with md5, SCRAM-SHA-256 and cleartext
 * password, so clients can test each method. Started for a service's own data ({@link #startDurable}) it keeps
 * PostgreSQL's durable defaults and the superuser needs a SCRAM password, generated on first start and kept in
 * the data directory. Either way a server that a killed process left running on the data directory is stopped
 * first ({@link LeftoverPostmaster}), so the first start after a crash succeeds.
 */
public final class LocalPostgres implements AutoCloseable {

    /** Roles created on start, each bound by {@code pg_hba.conf} to one authentication method. */
    public static final List<AuthRole> AUTH_ROLES = List.of(
            new AuthRole("spool_md5", "md5-Secret!", "md5"),
            new AuthRole("spool_scram", "scram-Sécret✓", "scram-sha-256"),
            new AuthRole("spool_password", "clear:Secret", "password"));

    /** A login role, its password and the {@code pg_hba.conf} method it must use. */
    public record AuthRole(String user, String password, String method) {}

    /** The file in a durable server's data directory that holds its superuser's password. */
    public static final String PASSWORD_FILE = "spool-superuser.password";

    private final EmbeddedPostgres server;
    private final String password;

    private LocalPostgres(EmbeddedPostgres server, String password) {
        this.server = server;
        this.password = password;
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
            EmbeddedPostgres.Builder builder = builder(dataDirectory, port)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            LocalPostgres pg = new LocalPostgres(builder.start(), null);
            pg.configureTestAuthentication();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * Starts a server for a service's own data in {@code dataDirectory} (created if missing), on any free port:
     * every commit is flushed to disk ({@code fsync}, {@code synchronous_commit}, {@code full_page_writes} on, so
     * an OS crash or power loss loses no committed transaction), and every connection, TCP or Unix socket, must
     * give the superuser's SCRAM-SHA-256 password ({@link #PASSWORD_FILE} in the data directory, readable by its
     * owner only); {@link #url()} carries it.
     */
    public static LocalPostgres startDurable(Path dataDirectory) {
        if (dataDirectory == null) {
            throw new IllegalArgumentException("a durable server needs a data directory");
        }
        try {
            Path passwordFile = dataDirectory.resolve(PASSWORD_FILE);
            boolean known = Files.isRegularFile(passwordFile);
            String password = known ? Files.readString(passwordFile).trim() : newPassword();
            // zonky starts postgres with -F (fsync off); a later -c wins, so these restore the durable defaults
            EmbeddedPostgres.Builder builder = builder(dataDirectory, 0)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setConnectConfig("password", password);
            LocalPostgres pg = new LocalPostgres(builder.start(), password);
            if (!known) {
                pg.execute("SET password_encryption = 'scram-sha-256'", "ALTER ROLE postgres PASSWORD '" + password + "'");
                Files.writeString(passwordFile, password + "\n");
                Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            }
            pg.writeHbaAndReload("# written by spool-embedded: the superuser's password is in " + PASSWORD_FILE + "\n"
                    + "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n");
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            LeftoverPostmaster.stopIfRunning(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        return builder;
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);   // hex: safe in a URL and in an SQL literal
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getPort();
    }

    /** The superuser. */
    public String user() {
        return "postgres";
    }

    /** The superuser's password, or null when it logs in with {@code trust} (a test server). */
    public String password() {
        return password;
    }

    public String database() {
        return "postgres";
    }

    /** A {@code postgresql://} URL for the superuser, with the password when it has one. */
    public String url() {
        String auth = password == null ? user() : user() + ":" + password;
        return "postgresql://" + auth + "@" + host() + ":" + port() + "/" + database();
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

    private void configureTestAuthentication() throws IOException {
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
        writeHbaAndReload(hba.toString());
    }

    private void writeHbaAndReload(String hba) throws IOException {
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
