package io.spool.bench.pg;

import io.spool.pg.PgConfig;
import io.spool.pg.PgPool;
import io.spool.pg.PoolOptions;
import io.spool.pg.Row;
import io.spool.pg.RowSet;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadFactory;

/**
 * spool-pg's blocking client on virtual threads: a {@link PgPool} whose callers each borrow a connection
 * (unfair, as HikariCP is), or (shared) whose single statements are pipelined over the same number of
 * shared connections.
 */
final class SpoolBlocking implements Contender.Blocking {
    private final PgPool pool;
    private final boolean shared;

    SpoolBlocking(PgConfig config, int connections, boolean shared) {
        PoolOptions options = PoolOptions.defaults().withAcquireTimeout(Duration.ofSeconds(60));
        pool = PgPool.create(config, shared ? options.withMaxSize(1).withSharedConnections(connections)
                : options.withMaxSize(connections).withMinIdle(connections).withFair(false));
        this.shared = shared;
    }

    @Override
    public String name() {
        return shared ? "spool-pg blocking (VT, shared)" : "spool-pg blocking (VT, unfair)";
    }

    @Override
    public ThreadFactory threads() {
        return Thread.ofVirtual().factory();
    }

    @Override
    public long request(Workload workload, SplittableRandom random) {
        return switch (workload) {
            case SINGLE, SINGLE_256 -> world(pool.query(Workload.SELECT_WORLD, Contender.worldId(random)));
            case MULTI -> shared ? multi(pool, random) : pool.withConnection(c -> multi(c, random));
            case FETCH -> mixed(pool.query(Workload.SELECT_MIXED));
            case INSERT -> pool.execute(Workload.INSERT_EVENT, random.nextInt(), random.nextLong(), "event-" + random.nextInt(1000),
                    random.nextDouble(), Instant.now());
            case BATCH_INSERT -> {
                java.util.List<Object[]> rows = new java.util.ArrayList<>(Workload.BATCH_ROWS);
                for (int i = 0; i < Workload.BATCH_ROWS; i++) {
                    rows.add(new Object[] {random.nextInt(), random.nextLong(), "event-" + random.nextInt(1000),
                            random.nextDouble(), Instant.now()});
                }
                yield pool.batch(Workload.INSERT_EVENT, rows).length;
            }
        };
    }

    @Override
    public boolean supports(Workload workload) {
        return true;
    }

    private static long multi(io.spool.pg.SqlClient client, SplittableRandom random) {
        long sum = 0;
        for (int i = 0; i < 20; i++) {
            sum += world(client.query(Workload.SELECT_WORLD, Contender.worldId(random)));
        }
        return sum;
    }

    static long world(RowSet rows) {
        Row row = rows.row(0);
        return row.intValue(0) + row.intValue(1);
    }

    /** Reads every column of every row through the typed getters. */
    static long mixed(RowSet rows) {
        long sum = 0;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.row(r);
            sum += row.intValue(0);
            sum += row.longValue(1);
            sum += row.getString(2).length();
            sum += row.getBigDecimal(3).scale();
            sum += row.getOffsetDateTime(4).getNano();
            sum += row.booleanValue(5) ? 1 : 0;
            sum += row.getUuid(6).getLeastSignificantBits();
            sum += (long) row.doubleValue(7);
        }
        return sum;
    }

    @Override
    public void close() {
        pool.close();
    }
}
