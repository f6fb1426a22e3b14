package io.spool.bench.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.bench.ChildJvm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each peer contender started in this JVM on a free loopback port against a real PostgreSQL holding TechEmpower's
 * tables, checked by {@link StackCheck} (every rule, updates read back), then under concurrent updates and queries,
 * holding exactly the connections it was given.
 */
class PeerStacksTest {
    private static final int CONNECTIONS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    @RegisterExtension
    static final TechEmpowerPostgres POSTGRES = new TechEmpowerPostgres(CONNECTIONS);

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
        int port = ChildJvm.freePort();
        try (AutoCloseable running = contender.start(port, POSTGRES.database())) {
            new StackCheck(contender.name(), URI.create("http://127.0.0.1:" + port), POSTGRES.database()).all();
            servesConcurrently(contender.name(), port);
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
            try (Connection c = TechEmpowerData.connect(POSTGRES.database()); Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                         + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
                rows.next();
                open = rows.getInt(1);
            }
        }
        return open;
    }

    /**
     * Eight clients at once, half updating, half querying, over all connections: every answer is 200 with its 20
     * rows (a deadlock between two update batches would come back as a 500, pipelined answers handed to the wrong
     * request as short or failed responses).
     */
    private static void servesConcurrently(String name, int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Callable<String>> clients = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            String path = client % 2 == 0 ? "/updates?queries=20" : "/queries?queries=20";
            clients.add(() -> {
                for (int i = 0; i < 10; i++) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || JSON.readTree(response.body()).size() != 20) {
                        return name + " " + path + ": " + response.statusCode() + " " + response.body();
                    }
                }
                return "ok";
            });
        }
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<String> result : threads.invokeAll(clients)) {
                assertThat(result.get()).isEqualTo("ok");
            }
        }
    }
}
