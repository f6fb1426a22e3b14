package io.spool.bench.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** pgjdbc behind HikariCP, the usual blocking set-up; driven by virtual or by platform threads. */
final class JdbcHikari extends JdbcContender {
    private final boolean virtual;

    JdbcHikari(String host, int port, String database, String user, String password, int connections, boolean virtual) {
        super(pool(host, port, database, user, password, connections), virtual);
        this.virtual = virtual;
    }

    private static HikariDataSource pool(String host, int port, String database, String user, String password,
                                         int connections) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=disable");
        config.setUsername(user);
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setConnectionTimeout(60_000);
        return new HikariDataSource(config);
    }

    @Override
    public String name() {
        return "pgjdbc+Hikari (" + (virtual ? "VT" : "platform") + ")";
    }
}
