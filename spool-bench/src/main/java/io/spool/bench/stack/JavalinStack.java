package io.spool.bench.stack;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.spool.bench.web.WebContender;

/**
 * Javalin 7 on Jetty 12 with its virtual threads switched on, over pgjdbc and HikariCP ({@link JdbcWorlds}): each
 * request blocks its own virtual thread on one pooled connection. Updates commit one JDBC batch in a transaction,
 * as Javalin's TechEmpower entry does; JSON is written by Jackson and sent as bytes, as is the shared fortunes page.
 */
public final class JavalinStack implements StackContender {
    private static final String JSON = "application/json";
    private static final String HTML = "text/html; charset=utf-8";

    @Override
    public String name() {
        return "javalin";
    }

    @Override
    public String about() {
        return "Javalin " + WebContender.version(Javalin.class) + " (Jetty "
                + WebContender.version(org.eclipse.jetty.server.Server.class)
                + "), virtual threads, pgjdbc + HikariCP";
    }

    @Override
    public AutoCloseable start(int port, StackDatabase database) {
        JdbcWorlds worlds = new JdbcWorlds(database, true);
        try {
            WorldCache cache = worlds.cache();
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.startup.showOldJavalinVersionWarning = false;
                config.concurrency.useVirtualThreads = true;
                // Jetty's own Server header, which Javalin turns off (its TechEmpower entry brings its own Jetty for it)
                config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(true));
                config.routes.get("/db", ctx -> send(ctx, JSON, StackJson.bytes(worlds.world())));
                config.routes.get("/queries", ctx -> send(ctx, JSON,
                        StackJson.bytes(worlds.worlds(TechEmpower.queries(ctx.queryParam("queries"))))));
                config.routes.get("/fortunes", ctx -> send(ctx, HTML,
                        FortunesPage.render(TechEmpower.withAdditional(worlds.fortunes()))));
                config.routes.get("/updates", ctx -> send(ctx, JSON,
                        StackJson.bytes(worlds.update(TechEmpower.queries(ctx.queryParam("queries"))))));
                config.routes.get("/cached-queries", ctx -> send(ctx, JSON,
                        StackJson.bytes(cache.random(TechEmpower.queries(ctx.queryParam("count"))))));
            }).start("127.0.0.1", port);
            return () -> {
                app.stop();
                worlds.close();
            };
        } catch (RuntimeException e) {
            worlds.close();
            throw e;
        }
    }

    private static void send(Context ctx, String contentType, byte[] body) {
        ctx.contentType(contentType).result(body);
    }
}
