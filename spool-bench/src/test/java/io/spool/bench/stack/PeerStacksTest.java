package io.spool.bench.stack;

import io.spool.embedded.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each peer contender started in this JVM on a free loopback port against a real PostgreSQL holding TechEmpower's
 * tables, checked by {@link StackCheck} (every rule, updates read back), holding exactly the connections it was given.
 */
class PeerStacksTest {
    private static final int CONNECTIONS = 3;
    private static LocalPostgres postgres;
    private static StackDatabase database;

    @BeforeAll
    static void load() {
        postgres = LocalPostgres.start();
        database = StackDatabase.parse(postgres.url(), CONNECTIONS);
        TechEmpowerData.load(database);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void vertxPassesTechEmpowersChecks() throws Exception {
        passes(new VertxStack());
    }

    @Test
    void javalinPassesTechEmpowersChecks() throws Exception {
        passes(new JavalinStack());
    }

    @Test
    void helidonPassesTechEmpowersChecks() throws Exception {
        passes(new HelidonStack());
    }

    private static void passes(StackContender contender) throws Exception {
        int port = freePort();
        try (AutoCloseable running = contender.start(port, database)) {
            new StackCheck(contender.name(), URI.create("http://127.0.0.1:" + port), database).all();
            assertThat(openConnections()).as("%s's database connections", contender.name()).isEqualTo(CONNECTIONS);
        }
    }

    /** Client connections to the server other than this one, once the pool has filled (it may fill in the background). */
    private static int openConnections() throws Exception {
        int open = 0;
        for (int attempt = 0; attempt < 50 && open != CONNECTIONS; attempt++) {
            if (attempt > 0) {
                Thread.sleep(100);
            }
            try (Connection c = TechEmpowerData.connect(database); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                         + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
                rows.next();
                open = rows.getInt(1);
            }
        }
        return open;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
