package io.spool.embedded.junit;

import io.spool.embedded.LocalPostgres;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that injects a {@link TestDatabase} parameter. The first test that asks starts one embedded
 * PostgreSQL for the whole test run (it stops when the run ends), unless {@code SPOOL_TEST_DATABASE_URL} names
 * a server to use instead. Use with {@code @ExtendWith(PostgresExtension.class)}.
 */
public final class PostgresExtension implements ParameterResolver {

    public static final String URL_VARIABLE = "SPOOL_TEST_DATABASE_URL";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The run-wide database, started on first use. */
    public static TestDatabase shared(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.create(PostgresExtension.class));
        return store.getOrComputeIfAbsent("database", key -> new SharedDatabase(), SharedDatabase.class).database;
    }

    /** Holds the database in the root store so JUnit closes it when the run ends. */
    private static final class SharedDatabase implements ExtensionContext.Store.CloseableResource {
        private final LocalPostgres server;
        private final TestDatabase database;

        SharedDatabase() {
            String url = System.getenv(URL_VARIABLE);
            if (url != null && !url.isBlank()) {
                server = null;
                database = TestDatabase.parse(url);
            } else {
                server = LocalPostgres.start();
                database = TestDatabase.of(server);
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
        }
    }
}
