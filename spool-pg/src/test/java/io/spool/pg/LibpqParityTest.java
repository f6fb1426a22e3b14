package io.spool.pg;

import io.spool.embedded.LocalPostgres;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * libpq connection parity: several hosts with failover and target_session_attrs (against the shared server and
 * a second, read-only one), the password file, and the {@code PG*} environment variables.
 */
@ExtendWith(PostgresExtension.class)
class LibpqParityTest {
    @TempDir
    static Path dir;
    private static LocalPostgres readOnly;
    private static TestDatabase db;

    @BeforeAll
    static void start(TestDatabase database) throws Exception {
        db = database;
        readOnly = LocalPostgres.start();
        readOnly.execute("ALTER SYSTEM SET default_transaction_read_only = on", "SELECT pg_reload_conf()");
        Thread.sleep(300);  // the reload is asynchronous
    }

    @AfterAll
    static void stop() {
        if (readOnly != null) {
            readOnly.close();
        }
    }

    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();   // closed again: connections there are refused
        }
    }

    private static int serverPort(PgConnection c) {
        return c.query("SELECT inet_server_port()").row(0).intValue(0);
    }

    @Test
    void severalHostsFailOverToTheFirstThatAnswersAndSuits() throws Exception {
        String both = "postgresql://" + db.user() + "@127.0.0.1:" + deadPort() + ",127.0.0.1:" + readOnly.port()
                + ",127.0.0.1:" + db.port() + "/" + db.database();
        try (PgConnection c = PgConnection.connect(both)) {
            assertThat(serverPort(c)).isEqualTo(readOnly.port());   // the dead one skipped, then the first that answers
        }
        try (PgConnection c = PgConnection.connect(both + "?target_session_attrs=read-write")) {
            assertThat(serverPort(c)).isEqualTo(db.port());
        }
        String reversed = "host=127.0.0.1,127.0.0.1 port=" + db.port() + "," + readOnly.port() + " user=" + db.user()
                + " dbname=" + db.database() + " target_session_attrs=read-only";
        try (PgConnection c = PgConnection.connect(reversed)) {
            assertThat(serverPort(c)).isEqualTo(readOnly.port());
        }
        try (PgConnection c = PgConnection.connect(both + "?target_session_attrs=prefer-standby")) {
            assertThat(serverPort(c)).isEqualTo(readOnly.port());   // no standby: any server, in order
        }
        assertThatThrownBy(() -> PgConnection.connect(both + "?target_session_attrs=standby"))
                .isInstanceOf(PgException.class).hasMessageContaining("no server suited target_session_attrs=standby")
                .hasMessageContaining("answered f to SELECT pg_is_in_recovery()");
        try (PgPool pool = PgPool.create(PgConfig.parse(both + "?target_session_attrs=read-write"),
                PoolOptions.defaults().withSharedConnections(1))) {
            assertThat(pool.query("SELECT inet_server_port()").row(0).intValue(0)).isEqualTo(db.port());
        }
    }

    @Test
    void thePasswordFileSuppliesAMissingPasswordAndAPublicOneIsIgnored() throws Exception {
        LocalPostgres.AuthRole role = LocalPostgres.AUTH_ROLES.get(0);
        Path pgpass = dir.resolve("pgpass");
        Files.writeString(pgpass, "# comment\nother:*:*:*:wrong\n127.0.0.1:" + readOnly.port() + ":*:" + role.user()
                + ":" + role.password().replace("\\", "\\\\").replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        String url = "postgresql://" + role.user() + "@127.0.0.1:" + readOnly.port() + "/" + readOnly.database()
                + "?passfile=" + pgpass;
        try (PgConnection c = PgConnection.connect(url)) {
            assertThat(c.query("SELECT current_user").row(0).getString(0)).isEqualTo(role.user());
        }
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> PgConnection.connect(url)).isInstanceOf(PgException.class);   // no password now
        assertThat(Pgpass.fields("h\\:x:5432:*:u:pa:ss")).containsExactly("h:x", "5432", "*", "u", "pa:ss");
    }

    @Test
    void pgEnvironmentVariablesAreDefaultsTheStringOverrides() {
        LocalPostgres.AuthRole role = LocalPostgres.AUTH_ROLES.get(1);
        Map<String, String> env = Map.of("PGHOST", "127.0.0.1", "PGPORT", Integer.toString(readOnly.port()),
                "PGUSER", role.user(), "PGPASSWORD", role.password(), "PGDATABASE", readOnly.database(),
                "PGSSLMODE", "disable", "PGAPPNAME", "from-env");
        PgConfig fromEnv = PgConfig.parse("", env);
        assertThat(fromEnv.sslMode()).isEqualTo(SslMode.DISABLE);
        try (PgConnection c = PgConnection.connect(fromEnv)) {
            assertThat(c.query("SELECT current_user, current_setting('application_name')").row(0).getString(1))
                    .isEqualTo("from-env");
        }
        PgConfig overridden = PgConfig.parse("postgresql://someone@otherhost:6000/otherdb?application_name=x", env);
        assertThat(overridden.host()).isEqualTo("otherhost");
        assertThat(overridden.port()).isEqualTo(6000);
        assertThat(overridden.database()).isEqualTo("otherdb");
        assertThat(overridden.password()).isEqualTo(role.password());   // not in the string: the environment's
        assertThat(PgConfig.parse("user=someone", env).database()).isEqualTo(readOnly.database());  // PGDATABASE wins
        assertThatThrownBy(() -> PgConfig.parse("host=a,b,c port=1,2")).hasMessageContaining("3 hosts");
        assertThatThrownBy(() -> PgConfig.parse("target_session_attrs=sometimes")).hasMessageContaining("prefer-standby");
    }
}
