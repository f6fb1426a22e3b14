package io.spool.bench.stack;

import io.spool.bench.web.WebContender;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

import java.util.concurrent.TimeUnit;

/**
 * Vert.x as its TechEmpower entry runs it: vertx-web's router on one event loop per core, and as many instances of
 * the serving verticle ({@link VertxStackVerticle}) as there are database connections, each with one
 * vertx-pg-client connection of its own, pipelined and with prepared statements cached. The instances share the
 * HTTP port (Vert.x hands accepted connections round-robin to them), so the connection count is exactly
 * {@link StackDatabase#connections()} and the event loop count the core count.
 */
public final class VertxStack implements StackContender {
    @Override
    public String name() {
        return "vertx";
    }

    @Override
    public String about() {
        return "Vert.x " + WebContender.version(Vertx.class) + " (vertx-web, vertx-pg-client pipelined), "
                + eventLoops() + " event loops, one connection per verticle";
    }

    @Override
    public AutoCloseable start(int port, StackDatabase database) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops()));
        try {
            vertx.deployVerticle(() -> new VertxStackVerticle(port, database),
                            new DeploymentOptions().setInstances(database.connections()))
                    .await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close().await(10, TimeUnit.SECONDS);
            throw e;
        }
        return () -> vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static int eventLoops() {
        return Runtime.getRuntime().availableProcessors();
    }
}
