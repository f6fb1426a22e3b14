package io.spool.bench.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** vertx-pg-client's pipelining client over a pool, on two event loops: the fastest Java peer. */
final class VertxPg implements Contender.Async {
    private final Vertx vertx;
    private final SqlClient client;

    VertxPg(String host, int port, String database, String user, String password, int connections) {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setPreferNativeTransport(false));
        PgConnectOptions connect = new PgConnectOptions().setHost(host).setPort(port).setDatabase(database)
                .setUser(user).setCachePreparedStatements(true).setPipeliningLimit(256);
        if (password != null) {
            connect.setPassword(password);
        }
        client = PgBuilder.client().with(new PoolOptions().setMaxSize(connections)).connectingTo(connect).using(vertx).build();
    }

    @Override
    public String name() {
        return "vertx-pg-client (pipelined)";
    }

    @Override
    public CompletableFuture<Long> request(Workload workload, SplittableRandom random) {
        Future<Long> result = switch (workload) {
            case SINGLE, SINGLE_256 -> world(random);
            case MULTI -> {
                List<Future<Long>> all = new ArrayList<>(20);
                for (int i = 0; i < 20; i++) {
                    all.add(world(random));
                }
                yield Future.all(all).map(cf -> {
                    long sum = 0;
                    for (int i = 0; i < 20; i++) {
                        sum += cf.<Long>resultAt(i);
                    }
                    return sum;
                });
            }
            case FETCH -> client.preparedQuery(Workload.SELECT_MIXED).execute().map(VertxPg::mixed);
            case INSERT -> client.preparedQuery(Workload.INSERT_EVENT)
                    .execute(Tuple.of(random.nextInt(), random.nextLong(), "event-" + random.nextInt(1000), random.nextDouble(),
                            OffsetDateTime.now(ZoneOffset.UTC)))
                    .map(rs -> (long) rs.rowCount());
            case BATCH_INSERT -> throw new UnsupportedOperationException("measured for the blocking and JDBC contenders only");
        };
        return result.toCompletionStage().toCompletableFuture();
    }

    private Future<Long> world(SplittableRandom random) {
        return client.preparedQuery(Workload.SELECT_WORLD).execute(Tuple.of(Contender.worldId(random))).map(rs -> {
            Row row = rs.iterator().next();
            return (long) (row.getInteger(0) + row.getInteger(1));
        });
    }

    private static long mixed(RowSet<Row> rows) {
        long sum = 0;
        for (Row row : rows) {
            sum += row.getInteger(0);
            sum += row.getLong(1);
            sum += row.getString(2).length();
            sum += row.getBigDecimal(3).scale();
            sum += row.getOffsetDateTime(4).getNano();
            sum += row.getBoolean(5) ? 1 : 0;
            sum += row.getUUID(6).getLeastSignificantBits();
            sum += (long) row.getDouble(7).doubleValue();
        }
        return sum;
    }

    @Override
    public void close() throws Exception {
        client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
