package io.spool.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for spool-jdbc: set a URL ({@code jdbc:spool:postgresql://...}), optionally a user,
 * password and {@code sharedConnections}. Without shared connections each {@link #getConnection()} opens a
 * spool-pg connection (put HikariCP in front to pool them). With them, connections are cheap handles whose
 * autocommit statements are pipelined over that many shared PostgreSQL connections, and which take a
 * connection of their own for transactions and session state (see {@link SpoolConnection}); {@link #close()}
 * then closes the shared connections.
 */
public final class SpoolDataSource implements DataSource, AutoCloseable {
    private final ReentrantLock lock = new ReentrantLock();
    private String url;
    private final Properties properties = new Properties();
    private JdbcUrl parsed;
    private SharedMode shared;
    private int loginTimeout;

    public SpoolDataSource() {}

    /** A data source on {@code url} (its properties in the query string). */
    public SpoolDataSource(String url) {
        this.url = url;
    }

    SpoolDataSource(JdbcUrl parsed) {
        this.parsed = parsed;
    }

    public void setUrl(String url) {
        this.url = url;
        this.parsed = null;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        setProperty("user", user);
    }

    public void setPassword(String password) {
        setProperty("password", password);
    }

    /** Pipelines autocommit statements over {@code n} shared connections (0, the default, turns it off). */
    public void setSharedConnections(int n) {
        setProperty("sharedConnections", Integer.toString(n));
    }

    /** Any property of the URL's (see the module README); null removes it. */
    public void setProperty(String name, String value) {
        lock.lock();
        try {
            if (shared != null) {
                throw new IllegalStateException("the data source is in use; set its properties before the first connection");
            }
            if (value == null) {
                properties.remove(name);
            } else {
                properties.setProperty(name, value);
            }
            parsed = null;
        } finally {
            lock.unlock();
        }
    }

    private JdbcUrl parsed() throws SQLException {
        if (parsed == null) {
            if (url == null) {
                throw new SQLException("the data source has no URL (setUrl(\"jdbc:spool:postgresql://host/db\"))", "08001");
            }
            parsed = JdbcUrl.parse(url, properties);
        }
        return parsed;
    }

    @Override
    public Connection getConnection() throws SQLException {
        JdbcUrl settings;
        SharedMode mode;
        lock.lock();
        try {
            settings = parsed();
            if (settings.sharedConnections() > 0 && shared == null) {
                shared = new SharedMode(settings);
            }
            mode = shared;
        } finally {
            lock.unlock();
        }
        return mode == null ? SpoolDriver.open(settings) : new SpoolConnection(settings, null, mode);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.putAll(properties);
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        return SpoolDriver.open(JdbcUrl.parse(url, p));
    }

    /** Closes the shared connections (in shared mode); connections handed out fail from then on. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (shared != null) {
                shared.close();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        if (out != null) {
            throw SqlExceptions.unsupported("DataSource.setLogWriter (spool-jdbc writes no log)");
        }
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
        if (seconds > 0) {
            setProperty("connectTimeout", Integer.toString(seconds));
        }
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw SqlExceptions.unsupported("DataSource.getParentLogger()");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return SqlExceptions.unwrap(this, type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
