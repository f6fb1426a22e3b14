package io.spool.bench.stack;

import io.spool.pg.PgConfig;
import io.spool.pg.PgPool;
import io.spool.pg.PoolOptions;
import io.spool.pg.Row;
import io.spool.web.Context;
import io.spool.web.Response;
import io.spool.web.WebApp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * spool-web + spool-pg as a user writes them: straight-line handlers on virtual threads calling spool-pg's
 * blocking API on a pool of shared connections (statements of all handlers pipelined over the connections),
 * JSON through spool-web's own Jackson path, fortunes through {@link FortunesPage}, and the updates of one request
 * as one batch (one round trip). spool-web runs in its default threading, handlers carried by its event loops.
 */
final class SpoolStack implements StackContender {
    static final String SELECT_WORLD = "SELECT id, randomnumber FROM world WHERE id = $1";
    static final String UPDATE_WORLD = "UPDATE world SET randomnumber = $2 WHERE id = $1";
    static final String SELECT_FORTUNES = "SELECT id, message FROM fortune";

    @Override
    public String name() {
        return StackContenders.SPOOL;
    }

    @Override
    public String about() {
        return "spool-web (handlers on virtual threads) + spool-pg's blocking PgPool, its connections shared and"
                + " pipelined";
    }

    @Override
    public AutoCloseable start(int port, StackDatabase database) {
        PgPool pool = PgPool.create(PgConfig.parse(database.url()),
                PoolOptions.defaults().withSharedConnections(database.connections()));
        var server = app(pool).start(port);
        return () -> {
            server.close();
            pool.close();
        };
    }

    /** The four routes over {@code pool}. */
    static WebApp app(PgPool pool) {
        WebApp app = WebApp.create();
        app.get("/db", ctx -> world(pool, TechEmpower.randomWorld()));
        app.get("/queries", ctx -> worlds(pool, count(ctx)));
        app.get("/fortunes", ctx -> Response.ok(FortunesPage.render(TechEmpower.withAdditional(fortunes(pool))))
                .contentType("text/html; charset=utf-8"));
        app.get("/updates", ctx -> update(pool, worlds(pool, count(ctx))));
        return app;
    }

    private static int count(Context ctx) {
        return TechEmpower.queries(ctx.queryParam("queries"));
    }

    private static World world(PgPool pool, int id) {
        Row row = pool.query(SELECT_WORLD, id).row(0);
        return new World(row.intValue(0), row.intValue(1));
    }

    private static World[] worlds(PgPool pool, int count) {
        World[] worlds = new World[count];
        for (int i = 0; i < count; i++) {
            worlds[i] = world(pool, TechEmpower.randomWorld());
        }
        return worlds;
    }

    private static List<Fortune> fortunes(PgPool pool) {
        List<Fortune> fortunes = new ArrayList<>();
        for (Row row : pool.query(SELECT_FORTUNES)) {
            fortunes.add(new Fortune(row.intValue(0), row.getString(1)));
        }
        return fortunes;
    }

    /** Gives each row a new random number and writes them all in one batch, in id order (no deadlock between two). */
    private static World[] update(PgPool pool, World[] worlds) {
        List<Object[]> rows = new ArrayList<>(worlds.length);
        for (int i = 0; i < worlds.length; i++) {
            worlds[i] = new World(worlds[i].id(), TechEmpower.randomWorld());
        }
        Arrays.stream(worlds).sorted(Comparator.comparingInt(World::id))
                .forEach(w -> rows.add(new Object[]{w.id(), w.randomNumber()}));
        pool.batch(UPDATE_WORLD, rows);
        return worlds;
    }
}
