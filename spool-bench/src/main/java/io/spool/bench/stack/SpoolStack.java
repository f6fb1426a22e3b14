package io.spool.bench.stack;

import io.netty.util.concurrent.EventExecutor;
import io.spool.web.Context;
import io.spool.web.Response;
import io.spool.web.WebApp;

import java.util.function.Function;

/**
 * spool-web + spool-pg as a user writes them: straight-line handlers on virtual threads (spool-web's default
 * threading, carried by its event loops), JSON through spool-web's own Jackson path, fortunes through
 * {@link FortunesPage}, the updates of one request as one batch, and cached queries from a {@link WorldCache}. As
 * "spool" the handlers use spool-pg's Netty transport on the web server's own event loops
 * ({@code WebApp.eventLoops}), each handler sending its queries at once; as "spool-blocking" spool-pg's blocking pool of shared pipelined connections, a handler's queries one after
 * the other (the simplest code; it measured slower).
 */
final class SpoolStack implements StackContender {
    private final String name;
    private final String about;
    private final Function<StackDatabase, WorldStore> store;

    private SpoolStack(String name, String about, Function<StackDatabase, WorldStore> store) {
        this.name = name;
        this.about = about;
        this.store = store;
    }

    static SpoolStack blocking() {
        return new SpoolStack(StackContenders.SPOOL_BLOCKING, "spool-web (handlers on virtual threads) + spool-pg's blocking"
                + " PgPool, its connections shared and pipelined", BlockingWorldStore::new);
    }

    static SpoolStack netty() {
        return new SpoolStack(StackContenders.SPOOL, "spool-web (handlers on virtual threads) + spool-pg's"
                + " PgNettyPool (pipelined) on the same event loops, a request's queries sent at once",
                NettyWorldStore::new);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String about() {
        return about;
    }

    @Override
    public AutoCloseable start(int port, StackDatabase database) {
        WorldStore worlds = store.apply(database);
        WebApp app = app(worlds);
        worlds.eventLoops().ifPresent(app::eventLoops);
        var server = app.start(port);
        return () -> {
            server.close();
            worlds.close();
        };
    }

    /** The five routes over {@code worlds} (the cache filled from it here). */
    static WebApp app(WorldStore worlds) {
        WorldCache cache = new WorldCache(worlds.cachedWorlds());
        WebApp app = WebApp.create().after((ctx, response) -> response.header("Server", "spool"));  // TechEmpower's rule
        app.get("/db", ctx -> worlds.world(near(ctx), TechEmpower.randomWorld()));
        app.get("/queries", ctx -> worlds.randomWorlds(near(ctx), count(ctx)));
        app.get("/fortunes", ctx -> Response.ok(FortunesPage.render(TechEmpower.withAdditional(
                worlds.fortunes(near(ctx))))).contentType("text/html; charset=utf-8"));
        app.get("/updates", ctx -> {
            World[] changed = worlds.randomWorlds(near(ctx), count(ctx));
            for (int i = 0; i < changed.length; i++) {
                changed[i] = new World(changed[i].id(), TechEmpower.randomWorld());
            }
            worlds.update(near(ctx), changed);
            return changed;
        });
        app.get("/cached-queries", ctx -> cache.random(TechEmpower.queries(ctx.queryParam("count"))));
        return app;
    }

    private static EventExecutor near(Context ctx) {
        return ctx.eventLoop().orElse(null);
    }

    private static int count(Context ctx) {
        return TechEmpower.queries(ctx.queryParam("queries"));
    }
}
