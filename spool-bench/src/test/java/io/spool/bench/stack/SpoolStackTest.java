package io.spool.bench.stack;

import io.spool.bench.ChildJvm;
import io.spool.embedded.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

/** Each spool contender, started here on a real PostgreSQL, passes TechEmpower's checks on all four tests. */
class SpoolStackTest {
    private static LocalPostgres postgres;
    private static StackDatabase database;

    @BeforeAll
    static void load() {
        postgres = LocalPostgres.start();
        database = StackDatabase.parse(postgres.url(), 2);
        TechEmpowerData.load(database);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {StackContenders.SPOOL, StackContenders.SPOOL_BLOCKING})
    void answersByTechEmpowersRules(String name) throws Exception {
        int port = ChildJvm.freePort();
        try (AutoCloseable server = StackContenders.named(name).start(port, database)) {
            new StackCheck(name, URI.create("http://127.0.0.1:" + port), database).all();
        }
    }
}
