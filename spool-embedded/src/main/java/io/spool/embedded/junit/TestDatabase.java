package io.spool.embedded.junit;

import io.spool.embedded.LocalPostgres;

import java.net.URI;
import java.util.Optional;

/**
 * Where the tests' PostgreSQL is: the embedded server started for this test run, or the server named by
 * {@code SPOOL_TEST_DATABASE_URL} ({@code postgresql://user:password@host:port/database}). {@link #embedded()}
 * gives the server itself when it is ours, for tests that need its authentication roles.
 */
public record TestDatabase(String host, int port, String user, String password, String database,
                           Optional<LocalPostgres> embedded) {

    /** A {@code postgresql://} URL for this database's user. */
    public String url() {
        String auth = password == null ? user : user + ":" + password;
        return "postgresql://" + auth + "@" + host + ":" + port + "/" + database;
    }

    static TestDatabase of(LocalPostgres pg) {
        return new TestDatabase(pg.host(), pg.port(), pg.user(), pg.password(), pg.database(), Optional.of(pg));
    }

    static TestDatabase parse(String url) {
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?://", "http://"));
        String user = "postgres";
        String password = null;
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        String db = uri.getPath() == null || uri.getPath().length() <= 1 ? user : uri.getPath().substring(1);
        return new TestDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password, db,
                Optional.empty());
    }
}
