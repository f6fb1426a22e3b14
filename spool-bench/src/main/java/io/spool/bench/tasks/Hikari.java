package io.spool.bench.tasks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The HikariCP pools of the peers: a fixed number of connections, the same for every peer. */
final class Hikari {
    private Hikari() {}

    static HikariDataSource pool(Database db, int connections, String name) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(db.jdbcUrl());
        c.setMaximumPoolSize(connections);
        c.setMinimumIdle(connections);
        c.setPoolName(name);
        return new HikariDataSource(c);
    }
}
