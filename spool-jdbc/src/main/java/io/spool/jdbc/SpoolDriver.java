package io.spool.jdbc;

import io.spool.pg.PgConnection;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The JDBC driver, found by {@link DriverManager} through {@code ServiceLoader}: it takes
 * {@code jdbc:spool:postgresql://host:port/database?...} URLs, and {@code jdbc:postgresql://...} ones too when
 * the system property {@value JdbcUrl#TAKE_POSTGRESQL_URLS} is {@code true} and pgjdbc
 * ({@code org.postgresql.Driver}) is not on the class path. Each connection is one spool-pg connection, or, with
 * {@code sharedConnections=N} in the URL, a handle on the shared mode of one {@link SpoolDataSource} per URL
 * kept for the life of the JVM (prefer a {@code SpoolDataSource} you close).
 */
public final class SpoolDriver implements Driver {
    static final String NAME = "spool-jdbc";
    static final int MAJOR = 0;
    static final int MINOR = 1;
    private static final Map<String, SpoolDataSource> SHARED = new ConcurrentHashMap<>();

    static {
        try {
            DriverManager.registerDriver(new SpoolDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;  // JDBC: another driver's URL
        }
        JdbcUrl parsed = JdbcUrl.parse(url, info);
        if (parsed.sharedConnections() > 0) {
            String key = url + "|" + (info == null ? "" : info.toString());
            return SHARED.computeIfAbsent(key, k -> new SpoolDataSource(parsed)).getConnection();
        }
        return open(parsed);
    }

    static SpoolConnection open(JdbcUrl url) throws SQLException {
        try {
            return new SpoolConnection(url, PgConnection.connect(url.config()), null);
        } catch (RuntimeException e) {
            throw SqlExceptions.of(e);
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url, takesPostgresqlUrls());
    }

    /** Whether {@code jdbc:postgresql:} URLs are ours: asked for, and pgjdbc is absent. */
    static boolean takesPostgresqlUrls() {
        return Boolean.getBoolean(JdbcUrl.TAKE_POSTGRESQL_URLS) && !pgjdbcPresent();
    }

    private static boolean pgjdbcPresent() {
        try {
            Class.forName("org.postgresql.Driver", false, SpoolDriver.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[] {
                property("user", "the PostgreSQL user"),
                property("password", "the user's password"),
                property("sharedConnections", "pipeline autocommit statements over this many shared connections (0: off)"),
                property("maxDedicatedConnections", "shared mode: connections lent for transactions at most (100)"),
                property("ApplicationName", "application_name of the session"),
                property("connectTimeout", "seconds to connect and log in"),
                property("socketTimeout", "seconds to wait for any answer"),
                property("currentSchema", "the search_path"),
                property("sslmode", "disable, allow, prefer, require, verify-ca or verify-full"),
        };
    }

    private static DriverPropertyInfo property(String name, String description) {
        DriverPropertyInfo p = new DriverPropertyInfo(name, null);
        p.description = description;
        return p;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return MINOR;
    }

    /** Not fully JDBC compliant (no updatable result sets, see the README), as the method means it. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.unsupported("Driver.getParentLogger() (spool-jdbc does not log through java.util.logging)");
    }
}
