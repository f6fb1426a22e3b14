package io.spool.pg;

import io.spool.embedded.LocalPostgres;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * TLS against an embedded server of its own (so the shared one stays plain), with a CA and server certificate
 * made here: each sslmode, a custom trust root, and SCRAM-SHA-256-PLUS channel binding.
 */
@ExtendWith(PostgresExtension.class)
class TlsTest {
    @TempDir
    static Path dir;
    private static LocalPostgres server;
    private static TestCertificates certs;
    private static TestCertificates otherCa;

    @BeforeAll
    static void start() throws Exception {
        certs = TestCertificates.create(dir.resolve("good"), "Spool Test CA");
        otherCa = TestCertificates.create(dir.resolve("other"), "Some Other CA");
        server = LocalPostgres.start();
        server.execute("ALTER SYSTEM SET ssl_cert_file = '" + certs.serverCert() + "'",
                "ALTER SYSTEM SET ssl_key_file = '" + certs.serverKey() + "'",
                "ALTER SYSTEM SET ssl = on",
                "SELECT pg_reload_conf()");
        Thread.sleep(300);  // the reload is asynchronous
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static PgConfig config(SslMode mode) {
        LocalPostgres.AuthRole scram = LocalPostgres.AUTH_ROLES.get(1);
        return PgConfig.defaults().withHost("127.0.0.1").withPort(server.port()).withUser(scram.user())
                .withPassword(scram.password()).withDatabase(server.database()).withSslMode(mode);
    }

    @Test
    void preferUsesTlsAndScramBindsToTheChannel() {
        try (PgConnection c = PgConnection.connect(config(SslMode.PREFER))) {
            assertThat(c.isEncrypted()).isTrue();
            assertThat(c.authenticationMethod()).isEqualTo("SCRAM-SHA-256-PLUS");
            assertThat(c.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").row(0).getBoolean(0)).isTrue();
        }
    }

    @Test
    void disableStaysPlainAndUsesScramWithoutBinding() {
        try (PgConnection c = PgConnection.connect(config(SslMode.DISABLE))) {
            assertThat(c.isEncrypted()).isFalse();
            assertThat(c.authenticationMethod()).isEqualTo("SCRAM-SHA-256");
            assertThat(c.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").row(0).getBoolean(0)).isFalse();
        }
    }

    @Test
    void requireEncryptsWithoutCheckingTheCertificate() {
        try (PgConnection c = PgConnection.connect(config(SslMode.REQUIRE).withSslRootCert(otherCa.caCert().toString()))) {
            assertThat(c.isEncrypted()).isTrue();
        }
    }

    @Test
    void verifyCaAcceptsOurRootAndRejectsAnother() {
        try (PgConnection c = PgConnection.connect(config(SslMode.VERIFY_CA).withSslRootCert(certs.caCert().toString()))) {
            assertThat(c.isEncrypted()).isTrue();
        }
        assertThatThrownBy(() -> PgConnection.connect(config(SslMode.VERIFY_CA).withSslRootCert(otherCa.caCert().toString())))
                .isInstanceOfSatisfying(PgException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("08001");
                    assertThat(e.getMessage()).contains("TLS handshake");
                });
    }

    @Test
    void verifyFullChecksTheHostName() {
        PgConfig byIp = config(SslMode.VERIFY_FULL).withSslRootCert(certs.caCert().toString());
        try (PgConnection c = PgConnection.connect(byIp)) {
            assertThat(c.isEncrypted()).isTrue();
        }
        // the certificate names 127.0.0.1 only; "localhost" reaches the same server but is not the named host
        assertThatThrownBy(() -> PgConnection.connect(byIp.withHost("localhost")))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.getMessage()).contains("TLS handshake"));
    }

    @Test
    void requireAgainstAServerWithoutTlsFailsClearly(TestDatabase plain) {
        if (plain.embedded().isEmpty()) {
            return;  // an external server may have TLS on: this case needs our plain embedded one
        }
        PgConfig config = PgConfig.parse(plain.url()).withSslMode(SslMode.REQUIRE);
        assertThatThrownBy(() -> PgConnection.connect(config))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.getMessage()).contains("does not support TLS"));
        try (PgConnection c = PgConnection.connect(PgConfig.parse(plain.url()).withSslMode(SslMode.PREFER))) {
            assertThat(c.isEncrypted()).isFalse();
        }
    }

    @Test
    void nettyTransportNegotiatesTlsAndVerifiesTheChain() throws Exception {
        var group = new io.netty.channel.MultiThreadIoEventLoopGroup(1, io.netty.channel.nio.NioIoHandler.newFactory());
        try {
            PgConfig verified = config(SslMode.VERIFY_FULL).withSslRootCert(certs.caCert().toString());
            try (var c = io.spool.pg.netty.PgNettyConnection.connect(verified, group).get(10, java.util.concurrent.TimeUnit.SECONDS)) {
                assertThat(c.isEncrypted()).isTrue();
                assertThat(c.query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                        .get(5, java.util.concurrent.TimeUnit.SECONDS).row(0).getBoolean(0)).isTrue();
            }
            PgConfig wrongRoot = config(SslMode.VERIFY_CA).withSslRootCert(otherCa.caCert().toString());
            assertThatThrownBy(() -> io.spool.pg.netty.PgNettyConnection.connect(wrongRoot, group)
                    .get(10, java.util.concurrent.TimeUnit.SECONDS)).hasMessageContaining("TLS handshake");
        } finally {
            group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void pollConnectionHandshakesThroughSslEngineWithoutBlocking() throws Exception {
        PgConfig verified = config(SslMode.VERIFY_FULL).withSslRootCert(certs.caCert().toString());
        PgPollConnection conn = PgPollConnection.start(verified);
        PollConnectionTest.driveAll(java.util.List.of(PollConnectionTest.connecting(conn)));
        assertThat(conn.isEncrypted()).isTrue();
        java.util.List<io.spool.io.Pollable<RowSet>> queries = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            queries.add(conn.startQuery("SELECT repeat('x', $1::int4) AS s, ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", i * 100));
        }
        java.util.List<Object> results = PollConnectionTest.driveAll(queries);
        for (int i = 0; i < 200; i++) {
            RowSet rows = (RowSet) results.get(i);
            assertThat(rows.row(0).getString(0)).hasSize(i * 100);
            assertThat(rows.row(0).getBoolean(1)).isTrue();
        }
        conn.close();

        PgPollConnection wrong = PgPollConnection.start(config(SslMode.VERIFY_CA).withSslRootCert(otherCa.caCert().toString()));
        assertThatThrownBy(() -> PollConnectionTest.driveAll(java.util.List.of(PollConnectionTest.connecting(wrong))))
                .isInstanceOfSatisfying(PgException.class, e -> assertThat(e.getMessage()).contains("TLS handshake"));
    }

    @Test
    void sslModeParsesLibpqNames() {
        assertThat(PgConfig.parse("postgresql://u@h/d?sslmode=verify-full&sslrootcert=/x.pem").sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThatThrownBy(() -> SslMode.parse("sometimes")).hasMessageContaining("verify-full");
    }
}
