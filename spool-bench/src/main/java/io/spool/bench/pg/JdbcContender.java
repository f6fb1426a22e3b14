package io.spool.bench.pg;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import javax.sql.DataSource;

/**
 * The same JDBC code over any {@link DataSource}: pgjdbc behind HikariCP, or spool-jdbc; driven by virtual or by
 * platform threads. Every request takes a connection, prepares, binds, reads every value and hands it back.
 */
abstract class JdbcContender implements Contender.Blocking {
    /** The statements with {@code ?} placeholders, made once (not per request, which would time the regex). */
    private static final String SELECT_WORLD = Workload.jdbc(Workload.SELECT_WORLD);
    private static final String INSERT_EVENT = Workload.jdbc(Workload.INSERT_EVENT);
    private final DataSource pool;
    private final boolean virtual;

    JdbcContender(DataSource pool, boolean virtual) {
        this.pool = pool;
        this.virtual = virtual;
    }

    @Override
    public boolean supports(Workload workload) {
        return true;
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
                    try (PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
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
                case BATCH_INSERT -> {
                    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
                        for (int i = 0; i < Workload.BATCH_ROWS; i++) {
                            bindEvent(ps, random);
                            ps.addBatch();
                        }
                        yield ps.executeBatch().length;
                    }
                }
                case INSERT -> {
                    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT)) {
                        bindEvent(ps, random);
                        yield ps.executeUpdate();
                    }
                }
            };
        }
    }

    private static void bindEvent(PreparedStatement ps, SplittableRandom random) throws SQLException {
        ps.setInt(1, random.nextInt());
        ps.setLong(2, random.nextLong());
        ps.setString(3, "event-" + random.nextInt(1000));
        ps.setDouble(4, random.nextDouble());
        ps.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
    }

    private static long world(Connection c, SplittableRandom random) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_WORLD)) {
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
    public void close() throws Exception {
        if (pool instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
