package io.spool.bench.stack;

import java.net.URI;

/**
 * Where every contender's connections go and how many each may open: the shared PostgreSQL holding TechEmpower's
 * {@code world} and {@code fortune} tables, and the same connection count for all contenders.
 */
public record StackDatabase(String host, int port, String database, String user, String password, int connections) {

    /** Reads a {@code postgresql://user[:password]@host:port/database} URL, as spool-embedded gives. */
    public static StackDatabase parse(String url, int connections) {
        URI uri = URI.create(url);
        String userInfo = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? null : userInfo.substring(colon + 1);
        String database = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
        return new StackDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database, user, password,
                connections);
    }

    /** The same server as a pgjdbc URL (credentials passed separately). */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The same server as a spool-pg URL, credentials included. */
    public String url() {
        String auth = password == null ? user : user + ":" + password;
        return "postgresql://" + auth + "@" + host + ":" + port + "/" + database;
    }
}
