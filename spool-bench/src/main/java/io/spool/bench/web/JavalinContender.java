package io.spool.bench.web;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;

/** Javalin on Jetty 12 with virtual threads enabled; JSON through Javalin's Jackson mapper. */
final class JavalinContender implements WebContender {
    @Override
    public String name() {
        return Contenders.JAVALIN;
    }

    @Override
    public String about() {
        return "Javalin " + WebContender.version(Javalin.class) + " (Jetty "
                + WebContender.version(org.eclipse.jetty.server.Server.class) + "), virtual threads";
    }

    @Override
    public AutoCloseable start(int port) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(Hello.MAPPER, true));
            config.routes.get("/plaintext", ctx -> ctx.result(Hello.PLAINTEXT));
            config.routes.get("/json", ctx -> ctx.json(Hello.message()));
        }).start(port);
        return app::stop;
    }
}
