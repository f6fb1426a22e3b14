package io.spool.pg;

import io.spool.embedded.LocalPostgres;
import io.spool.embedded.LocalPostgres.AuthRole;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each authentication method against a server whose pg_hba.conf requires it for one role. Uses the run's
 * embedded server, or starts one when the tests run against an external server (whose pg_hba we cannot set).
 */
@ExtendWith(PostgresExtension.class)
class AuthenticationTest {
    private static LocalPostgres server;
    private static LocalPostgres owned;

    @BeforeAll
    static void server(TestDatabase db) {
        server = db.embedded().orElseGet(() -> owned = LocalPostgres.start());
    }

    @AfterAll
    static void stop() {
        if (owned != null) {
            owned.close();
        }
    }

    static List<AuthRole> roles() {
        return LocalPostgres.AUTH_ROLES;
    }

    private static PgConfig config(String user, String password) {
        return PgConfig.defaults().withHost(server.host()).withPort(server.port()).withUser(user)
                .withPassword(password).withDatabase(server.database());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void logsInWithTheRightPassword(AuthRole role) {
        try (PgConnection c = PgConnection.connect(config(role.user(), role.password()))) {
            assertThat(c.query("SELECT current_user").row(0).getString(0)).isEqualTo(role.user());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void wrongPasswordIsRejectedWithSqlState28P01(AuthRole role) {
        assertThatThrownBy(() -> PgConnection.connect(config(role.user(), role.password() + "x")))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("28P01");
                    assertThat(e.getMessage()).contains("password authentication failed");
                });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("roles")
    void missingPasswordNamesTheMethod(AuthRole role) {
        assertThatThrownBy(() -> PgConnection.connect(config(role.user(), null)))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("28000");
                    assertThat(e.getMessage()).contains("no password was given");
                });
    }

    @org.junit.jupiter.api.Test
    void trustNeedsNoPassword() {
        try (PgConnection c = PgConnection.connect(config(server.user(), null))) {
            assertThat(c.query("SELECT 1 AS one").row(0).getInteger(0)).isEqualTo(1);
        }
    }

    @org.junit.jupiter.api.Test
    void urlCarriesTheScramPasswordWithNonAsciiCharacters() {
        AuthRole scram = LocalPostgres.AUTH_ROLES.get(1);
        String url = "postgresql://" + scram.user() + ":" + java.net.URLEncoder.encode(scram.password(),
                java.nio.charset.StandardCharsets.UTF_8) + "@" + server.host() + ":" + server.port() + "/" + server.database();
        try (PgConnection c = PgConnection.connect(url)) {
            assertThat(c.query("SELECT current_user").row(0).getString(0)).isEqualTo(scram.user());
        }
    }
}
