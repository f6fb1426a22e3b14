package io.spool.bench.stack;

import io.spool.bench.ChildJvm;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

/** Each spool contender, started here on a real PostgreSQL, passes TechEmpower's checks on all five tests. */
class SpoolStackTest {
    @RegisterExtension
    static final TechEmpowerPostgres POSTGRES = new TechEmpowerPostgres(2);

    @ParameterizedTest
    @ValueSource(strings = {StackContenders.SPOOL, StackContenders.SPOOL_BLOCKING})
    void answersByTechEmpowersRules(String name) throws Exception {
        int port = ChildJvm.freePort();
        try (AutoCloseable server = StackContenders.named(name).start(port, POSTGRES.database())) {
            new StackCheck(name, URI.create("http://127.0.0.1:" + port), POSTGRES.database()).all();
        }
    }
}
