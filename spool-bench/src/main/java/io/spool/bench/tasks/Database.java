package io.spool.bench.tasks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** One database of the benchmark's PostgreSQL server, created empty for one contender's round. */
record Database(String host, int port, String user, String password, String name) {

    /** A {@code postgresql://} URL, for spool. */
    String url() {
        return "postgresql://" + user + (password == null ? "" : ":" + password) + "@" + host + ":" + port + "/"
                + name + "?sslmode=disable";
    }

    /** A JDBC URL, for the peers and the bench's monitor connection. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name + "?sslmode=disable&user=" + user
                + (password == null ? "" : "&password=" + password);
    }

    Database named(String other) {
        return new Database(host, port, user, password, other);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Creates the database {@code name} afresh (dropping one of that name), through this one. */
    Database create(String other) throws SQLException {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + other + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + other);
        }
        return named(other);
    }

    /** Drops the database {@code other}, through this one. */
    void drop(String other) throws SQLException {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + other + " WITH (FORCE)");
        }
    }
}
