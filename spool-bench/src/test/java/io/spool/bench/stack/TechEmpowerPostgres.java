package io.spool.bench.stack;

import io.spool.embedded.LocalPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own embedded PostgreSQL holding TechEmpower's tables ({@link TechEmpowerData}), started before its
 * tests and stopped after them: {@code @RegisterExtension static final TechEmpowerPostgres POSTGRES = new
 * TechEmpowerPostgres(connections);}, then {@link #database()}. Its own server, so the tables and the connection
 * counts the tests check are theirs alone.
 */
final class TechEmpowerPostgres implements BeforeAllCallback, AfterAllCallback {
    private final int connections;
    private LocalPostgres postgres;
    private StackDatabase database;

    TechEmpowerPostgres(int connections) {
        this.connections = connections;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        postgres = LocalPostgres.start();
        database = StackDatabase.parse(postgres.url(), connections);
        TechEmpowerData.load(database);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        postgres.close();
    }

    /** The server, with the connection count each contender under test is given. */
    StackDatabase database() {
        return database;
    }
}
