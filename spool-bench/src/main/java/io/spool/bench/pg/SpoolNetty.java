package io.spool.bench.pg;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.spool.pg.PgConfig;
import io.spool.pg.RowSet;
import io.spool.pg.netty.PgNettyPool;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** spool-pg's Netty transport: pipelined connections on two event loops, futures completed on the loop. */
final class SpoolNetty implements Contender.Async {
    private final EventLoopGroup group;
    private final PgNettyPool pool;

    SpoolNetty(PgConfig config, int connections) throws Exception {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        pool = PgNettyPool.connect(config, connections, group).get(30, TimeUnit.SECONDS);
    }

    @Override
    public String name() {
        return "spool-pg pipelined (Netty)";
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Long> request(Workload workload, SplittableRandom random) {
        return switch (workload) {
            case SINGLE, SINGLE_256 -> pool.query(Workload.SELECT_WORLD, Contender.worldId(random)).thenApply(SpoolBlocking::world);
            case MULTI -> {
                CompletableFuture<RowSet>[] all = new CompletableFuture[20];
                for (int i = 0; i < 20; i++) {
                    all[i] = pool.query(Workload.SELECT_WORLD, Contender.worldId(random));
                }
                yield CompletableFuture.allOf(all).thenApply(v -> {
                    long sum = 0;
                    for (CompletableFuture<RowSet> f : all) {
                        sum += SpoolBlocking.world(f.join());
                    }
                    return sum;
                });
            }
            case FETCH -> pool.query(Workload.SELECT_MIXED).thenApply(SpoolBlocking::mixed);
            case INSERT -> pool.query(Workload.INSERT_EVENT, random.nextInt(), random.nextLong(), "event-" + random.nextInt(1000),
                    random.nextDouble(), Instant.now()).thenApply(RowSet::rowsAffected);
            case BATCH_INSERT -> throw new UnsupportedOperationException("measured for the blocking and JDBC contenders only");
        };
    }

    @Override
    public void close() {
        pool.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
