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

    /** A data source of this driver on {@code db}. */
    javax.sql.DataSource dataSource(TestDatabase db) {
        if (this == SPOOL) {
            SpoolDataSource ds = new SpoolDataSource(url(db));
            ds.setUser(db.user());
            if (db.password() != null) {
                ds.setPassword(db.password());
            }
            return ds;
        }
        org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL(url(db));
        ds.setUser(db.user());
        ds.setPassword(db.password());
        return ds;
    }

    /** Creates a fresh schema and returns its name, so that tests of both drivers never see each other's tables. */
    String createSchema(TestDatabase db, String base) throws SQLException {
        String schema = freshSchema(base);
        try (Connection c = connect(db); java.sql.Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
        }
        return schema;
    }

    /** A fresh schema name, so that tests of both drivers never see each other's tables. */
    String freshSchema(String base) {
        return base + "_" + name().toLowerCase() + "_" + SCHEMAS.incrementAndGet();
    }
}
