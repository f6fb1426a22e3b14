package io.spool.bench.stack;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * One instance of the Vert.x contender: its own pipelined PostgreSQL connection and a vertx-web router on the
 * shared port. Every handler runs on the verticle's event loop, so the counters and arrays it fills from query
 * callbacks need no locking. JSON goes through Vert.x's {@link Json} (Jackson databind underneath, as in the
 * TechEmpower entry, without its Blackbird module); updates are one {@code executeBatch} of the rows sorted by id;
 * cached queries come from a {@link WorldCache} the verticle fills through its connection at start.
 */
final class VertxStackVerticle extends VerticleBase {
    private static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = $1";
    private static final String SELECT_FORTUNE = "SELECT id, message FROM fortune";
    private static final String UPDATE_WORLD = "UPDATE world SET randomnumber = $1 WHERE id = $2";
    private static final CharSequence SERVER = HttpHeaders.createOptimized("vertx-web");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");
    private static final CharSequence HTML = HttpHeaders.createOptimized("text/html; charset=UTF-8");
    /** Deep enough that a connection never waits for answers before sending the next query, as in the entry. */
    private static final int PIPELINING_LIMIT = 100_000;

    private final int port;
    private final StackDatabase database;
    private PgConnection connection;
    private WorldCache cache;
    private CharSequence date;

    VertxStackVerticle(int port, StackDatabase database) {
        this.port = port;
        this.database = database;
    }

    @Override
    public Future<?> start() {
        updateDate();
        vertx.setPeriodic(1000, tick -> updateDate());
        PgConnectOptions options = new PgConnectOptions().setHost(database.host()).setPort(database.port())
                .setDatabase(database.database()).setUser(database.user())
                .setCachePreparedStatements(true).setPipeliningLimit(PIPELINING_LIMIT);
        if (database.password() != null) {
            options.setPassword(database.password());
        }
        return PgConnection.connect(vertx, options).compose(connected -> {
            connection = connected;
            return connected.query(WorldCache.SELECT_CACHED_WORLDS).execute();
        }).compose(rows -> {
            List<World> cached = new ArrayList<>(TechEmpower.WORLD_ROWS);
            for (Row row : rows) {
                cached.add(new World(row.getInteger(0), row.getInteger(1)));
            }
            cache = new WorldCache(cached);
            Router router = Router.router(vertx);
            router.get("/db").handler(this::db);
            router.get("/queries").handler(this::queries);
            router.get("/fortunes").handler(this::fortunes);
            router.get("/updates").handler(this::updates);
            router.get("/cached-queries").handler(this::cachedQueries);
            return vertx.createHttpServer().requestHandler(router).listen(port, "127.0.0.1");
        });
    }

    private void updateDate() {
        date = HttpHeaders.createOptimized(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
    }

    private void db(RoutingContext ctx) {
        connection.preparedQuery(SELECT_WORLD).execute(Tuple.of(TechEmpower.randomWorld())).onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            Row row = result.result().iterator().next();
            send(ctx, JSON, Json.encodeToBuffer(new World(row.getInteger(0), row.getInteger(1))));
        });
    }

    private void queries(RoutingContext ctx) {
        readWorlds(ctx, worlds -> send(ctx, JSON, Json.encodeToBuffer(worlds)));
    }

    private void fortunes(RoutingContext ctx) {
        connection.preparedQuery(SELECT_FORTUNE).execute().onComplete(result -> {
            if (result.failed()) {
                ctx.fail(result.cause());
                return;
            }
            List<Fortune> fortunes = new ArrayList<>();
            for (Row row : result.result()) {
                fortunes.add(new Fortune(row.getInteger(0), row.getString(1)));
            }
            send(ctx, HTML, Buffer.buffer(FortunesPage.render(TechEmpower.withAdditional(fortunes))));
        });
    }

    private void updates(RoutingContext ctx) {
        readWorlds(ctx, read -> {
            World[] worlds = new World[read.length];
            List<Tuple> batch = new ArrayList<>(read.length);
            for (int i = 0; i < read.length; i++) {
                worlds[i] = new World(read[i].id(), TechEmpower.randomWorld());
            }
            Arrays.sort(worlds, Comparator.comparingInt(World::id));   // one lock order for all requests
            for (World world : worlds) {
                batch.add(Tuple.of(world.randomNumber(), world.id()));
            }
            connection.preparedQuery(UPDATE_WORLD).executeBatch(batch).onComplete(result -> {
                if (result.failed()) {
                    ctx.fail(result.cause());
                } else {
                    send(ctx, JSON, Json.encodeToBuffer(worlds));
                }
            });
        });
    }

    private void cachedQueries(RoutingContext ctx) {
        send(ctx, JSON, Json.encodeToBuffer(cache.random(TechEmpower.queries(ctx.request().getParam("count")))));
    }

    /** Sends {@code queries} selects at once down the pipelined connection and hands on the rows when all came. */
    private void readWorlds(RoutingContext ctx, Consumer<World[]> then) {
        int queries = TechEmpower.queries(ctx.request().getParam("queries"));
        World[] worlds = new World[queries];
        int[] done = {0};
        boolean[] failed = {false};
        for (int i = 0; i < queries; i++) {
            connection.preparedQuery(SELECT_WORLD).execute(Tuple.of(TechEmpower.randomWorld())).onComplete(result -> {
                if (failed[0]) {
                    return;
                }
                if (result.failed()) {
                    failed[0] = true;
                    ctx.fail(result.cause());
                    return;
                }
                Row row = result.result().iterator().next();
                worlds[done[0]++] = new World(row.getInteger(0), row.getInteger(1));
                if (done[0] == queries) {
                    then.accept(worlds);
                }
            });
        }
    }

    private void send(RoutingContext ctx, CharSequence contentType, Buffer body) {
        ctx.response()
                .putHeader(HttpHeaders.SERVER, SERVER)
                .putHeader(HttpHeaders.DATE, date)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .end(body);
    }

    @Override
    public Future<?> stop() {
        return connection == null ? Future.succeededFuture() : connection.close();
    }
}
