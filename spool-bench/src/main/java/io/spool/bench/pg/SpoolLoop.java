package io.spool.bench.pg;

import io.spool.io.Loop;
import io.spool.pg.PgAsyncConnection;
import io.spool.pg.PgConfig;
import io.spool.pg.RowSet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** spool-pg's poll transport on one spool-io Loop thread: pipelined connections, least busy first. */
final class SpoolLoop implements Contender.Async {
    private final Loop loop;
    private final List<PgAsyncConnection> connections = new ArrayList<>();
    private final AtomicIntegerArray pending;
    private final AtomicInteger next = new AtomicInteger();

    SpoolLoop(PgConfig config, int count) throws Exception {
        loop = Loop.open();
        loop.startThread("spool-loop");
        for (int i = 0; i < count; i++) {
            connections.add(PgAsyncConnection.connect(config, loop).get(30, TimeUnit.SECONDS));
        }
        pending = new AtomicIntegerArray(count);
    }

    @Override
    public String name() {
        return "spool-pg pipelined (Loop)";
    }

    private CompletableFuture<RowSet> query(String sql, Object... params) {
        int best = next.getAndIncrement() % connections.size();
        for (int i = 0; i < connections.size(); i++) {
            if (pending.get(i) < pending.get(best)) {
                best = i;
            }
        }
        int slot = best;
        pending.incrementAndGet(slot);
        return connections.get(slot).query(sql, params).whenComplete((r, e) -> pending.decrementAndGet(slot));
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<Long> request(Workload workload, SplittableRandom random) {
        return switch (workload) {
            case SINGLE, SINGLE_256 -> query(Workload.SELECT_WORLD, Contender.worldId(random)).thenApply(SpoolBlocking::world);
            case MULTI -> {
                CompletableFuture<RowSet>[] all = new CompletableFuture[20];
                for (int i = 0; i < 20; i++) {
                    all[i] = query(Workload.SELECT_WORLD, Contender.worldId(random));
                }
                yield CompletableFuture.allOf(all).thenApply(v -> {
                    long sum = 0;
                    for (CompletableFuture<RowSet> f : all) {
                        sum += SpoolBlocking.world(f.join());
                    }
                    return sum;
                });
            }
            case FETCH -> query(Workload.SELECT_MIXED).thenApply(SpoolBlocking::mixed);
            case INSERT -> query(Workload.INSERT_EVENT, random.nextInt(), random.nextLong(), "event-" + random.nextInt(1000),
                    random.nextDouble(), Instant.now()).thenApply(RowSet::rowsAffected);
            case BATCH_INSERT -> throw new UnsupportedOperationException("measured for the blocking and JDBC contenders only");
        };
    }

    @Override
    public void close() throws Exception {
        for (PgAsyncConnection c : connections) {
            c.close();
        }
        loop.close();
    }
}
