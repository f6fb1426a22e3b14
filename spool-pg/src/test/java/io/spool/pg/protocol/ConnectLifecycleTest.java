package io.spool.pg.protocol;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection's opening as the engine drives it, fed hand-built bytes: TLS request, answer, switch, startup. */
class ConnectLifecycleTest {
    private static ConnectOptions options(ConnectOptions.Tls tls) {
        return new ConnectOptions("alice", null, Map.of("database", "app"), tls);
    }

    private static byte[] drain(PgEngine engine) {
        byte[] out = engine.output().toByteArray();
        engine.output().consume(out.length);
        return out;
    }

    @Test
    void aTlsAnswerAloneAsksTheHostForTlsAndTheStartupFollowsTheHandshake() {
        PgEngine engine = new PgEngine();
        Startup startup = engine.connect(options(ConnectOptions.Tls.REQUIRE));
        assertThat(drain(engine)).containsExactly(0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f);   // SSLRequest only
        engine.receive(new byte[] {'S'});
        assertThat(engine.tlsRequested()).isTrue();
        assertThat(engine.output().isEmpty()).isTrue();   // nothing goes out before the handshake
        engine.tlsEstablished(new byte[32]);
        assertThat(engine.tlsRequested()).isFalse();
        byte[] startupMessage = drain(engine);
        assertThat(Bytes.int32(startupMessage, 4)).isEqualTo(Frontend.PROTOCOL_3_0);
        engine.receive(Backend.stream().startupOk().bytes());
        assertThat(startup.isDone()).isTrue();
        assertThat(startup.isFailed()).isFalse();
        assertThat(engine.authenticationMethod()).isEqualTo("trust");
    }

    @Test
    void commandsQueuedWhileTlsIsNegotiatedWaitForTheStartup() {
        PgEngine engine = new PgEngine();
        Startup startup = engine.connect(options(ConnectOptions.Tls.PREFER));
        drain(engine);
        SimpleQuery early = engine.simpleQuery("SELECT 1");
        assertThat(engine.output().isEmpty()).as("nothing in plain text before TLS").isTrue();
        engine.receive(new byte[] {'S'});
        assertThat(engine.output().isEmpty()).isTrue();
        engine.tlsEstablished(null);
        byte[] first = drain(engine);
        assertThat(Bytes.int32(first, 0)).isEqualTo(first.length);   // the startup message alone
        assertThat(Bytes.int32(first, 4)).isEqualTo(Frontend.PROTOCOL_3_0);
        engine.receive(Backend.stream().startupOk().bytes());
        assertThat(startup.isFailed()).isFalse();
        assertThat(drain(engine)[0]).isEqualTo((byte) 'Q');   // then the query
        assertThat(early.isDone()).isFalse();
    }

    @Test
    void bytesAfterTheTlsAnswerAreRefusedWhetherTheyCameWithItOrBeforeTheHandshake() {
        PgEngine together = new PgEngine();
        Startup first = together.connect(options(ConnectOptions.Tls.PREFER));
        together.receive(new byte[] {'S', 'Z', 0, 0, 0, 5, 'I'});
        assertThat(first.isDone()).isTrue();
        assertThat(first.failure().sqlState()).isEqualTo(SqlState.PROTOCOL_VIOLATION);
        assertThat(first.failure().getMessage()).contains("6 bytes after its answer to the TLS request");
        assertThat(together.tlsRequested()).isFalse();

        PgEngine later = new PgEngine();
        Startup second = later.connect(options(ConnectOptions.Tls.PREFER));
        later.receive(new byte[] {'S'});
        later.receive(new byte[] {'Z', 0, 0, 0, 5, 'I'});   // a host that fed plaintext before switching
        assertThat(second.isFailed()).isTrue();
        assertThat(second.failure().getMessage()).contains("before the TLS handshake");
    }

    @Test
    void aRefusalStartsInPlainUnlessTlsIsRequired() {
        PgEngine prefer = new PgEngine();
        Startup plain = prefer.connect(options(ConnectOptions.Tls.PREFER));
        drain(prefer);
        prefer.receive(new byte[] {'N'});
        assertThat(Bytes.int32(drain(prefer), 4)).isEqualTo(Frontend.PROTOCOL_3_0);
        prefer.receive(Backend.stream().startupOk().bytes());
        assertThat(plain.isFailed()).isFalse();

        PgEngine require = new PgEngine();
        Startup refused = require.connect(options(ConnectOptions.Tls.REQUIRE));
        require.receive(new byte[] {'N'});
        assertThat(refused.failure().sqlState()).isEqualTo(SqlState.UNABLE_TO_CONNECT);
        assertThat(refused.failure().getMessage()).contains("does not support TLS");

        PgEngine odd = new PgEngine();
        Startup notPostgres = odd.connect(options(ConnectOptions.Tls.PREFER));
        odd.receive(new byte[] {'H'});
        assertThat(notPostgres.failure().getMessage()).contains("is this a PostgreSQL server?");
    }
}
