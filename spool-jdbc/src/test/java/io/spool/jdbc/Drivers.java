package io.spool.jdbc;

import io.spool.embedded.junit.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/** The two drivers every client test runs against: spool-jdbc and pgjdbc, on the same server. */
enum Drivers {
    SPOOL("jdbc:spool:postgresql://"),
    PGJDBC("jdbc:postgresql://");

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final String prefix;

    Drivers(String prefix) {
        this.prefix = prefix;
    }

    String url(TestDatabase db) {
        return prefix + db.host() + ":" + db.port() + "/" + db.database();
    }

    /** The URL with the user and password as properties in it. */
    String urlWithLogin(TestDatabase db) {
        return url(db) + "?user=" + db.user() + (db.password() == null ? "" : "&password=" + db.password());
    }

    Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(urlWithLogin(db));
    }

    /** A fresh schema name, so that tests of both drivers never see each other's tables. */
    String freshSchema(String base) {
        return base + "_" + name().toLowerCase() + "_" + SCHEMAS.incrementAndGet();
    }
}
