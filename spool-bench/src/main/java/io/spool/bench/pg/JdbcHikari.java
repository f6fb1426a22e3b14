package io.spool.bench.pg;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;

/** pgjdbc behind HikariCP, the usual blocking set-up; driven by virtual or by platform threads. */
final class JdbcHikari implements Contender.Blocking {
    private final HikariDataSource pool;
    private final boolean virtual;

    JdbcHikari(String host, int port, String database, String user, String password, int connections, boolean virtual) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=disable");
        config.setUsername(user);
        if (password != null) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setConnectionTimeout(60_000);
        this.pool = new HikariDataSource(config);
        this.virtual = virtual;
    }

    @Override
    public String name() {
        return "pgjdbc+Hikari (" + (virtual ? "VT" : "platform") + ")";
    }

    @Override
    public ThreadFactory threads() {
        return virtual ? Thread.ofVirtual().factory() : Thread.ofPlatform().daemon().factory();
    }

    @Override
    public long request(Workload workload, SplittableRandom random) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return switch (workload) {
                case SINGLE, SINGLE_256 -> world(c, random);
                case MULTI -> {
                    long sum = 0;
                    try (PreparedStatement ps = c.prepareStatement(Workload.jdbc(Workload.SELECT_WORLD))) {
                        for (int i = 0; i < 20; i++) {
                            ps.setInt(1, Contender.worldId(random));
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                sum += rs.getInt(1) + rs.getInt(2);
                            }
                        }
                    }
                    yield sum;
                }
                case FETCH -> mixed(c);
                case INSERT -> {
                    try (PreparedStatement ps = c.prepareStatement(Workload.jdbc(Workload.INSERT_EVENT))) {
                        ps.setInt(1, random.nextInt());
                        ps.setLong(2, random.nextLong());
                        ps.setString(3, "event-" + random.nextInt(1000));
                        ps.setDouble(4, random.nextDouble());
                        ps.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
                        yield ps.executeUpdate();
                    }
                }
            };
        }
    }

    private static long world(Connection c, SplittableRandom random) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(Workload.jdbc(Workload.SELECT_WORLD))) {
            ps.setInt(1, Contender.worldId(random));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) + rs.getInt(2);
            }
        }
    }

    /** Reads every column of every row, with the getters a JDBC user would call. */
    static long mixed(Connection c) throws SQLException {
        long sum = 0;
        try (PreparedStatement ps = c.prepareStatement(Workload.SELECT_MIXED); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                sum += rs.getInt(1);
                sum += rs.getLong(2);
                sum += rs.getString(3).length();
                sum += rs.getBigDecimal(4).scale();
                sum += rs.getObject(5, OffsetDateTime.class).getNano();
                sum += rs.getBoolean(6) ? 1 : 0;
                sum += rs.getObject(7, UUID.class).getLeastSignificantBits();
                sum += (long) rs.getDouble(8);
            }
        }
        return sum;
    }

    @Override
    public void close() {
        pool.close();
    }
}
