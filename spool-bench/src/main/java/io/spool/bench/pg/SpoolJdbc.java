package io.spool.bench.pg;

import io.spool.jdbc.SpoolDataSource;

/**
 * spool-jdbc in shared mode on virtual threads: the same JDBC code as pgjdbc + HikariCP, its autocommit statements
 * pipelined over {@code connections} shared PostgreSQL connections (no pool in front: a connection is a handle).
 */
final class SpoolJdbc extends JdbcContender {

    SpoolJdbc(String host, int port, String database, String user, String password, int connections) {
        super(dataSource(host, port, database, user, password, connections), true);
    }

    private static SpoolDataSource dataSource(String host, int port, String database, String user, String password,
                                              int connections) {
        SpoolDataSource ds = new SpoolDataSource("jdbc:spool:postgresql://" + host + ":" + port + "/" + database
                + "?sslmode=disable");
        ds.setUser(user);
        if (password != null) {
            ds.setPassword(password);
        }
        ds.setSharedConnections(connections);
        return ds;
    }

    @Override
    public String name() {
        return "spool-jdbc (shared, VT)";
    }
}
