package io.spool.bench.web;

import io.spool.web.WebApp;
import io.spool.web.WebServer;

/**
 * spool-web as a user writes it, with its defaults: two plain handlers on virtual threads, JSON by the
 * framework's Jackson.
 */
final class SpoolWebContender implements WebContender {
    @Override
    public String name() {
        return Contenders.SPOOL_WEB;
    }

    @Override
    public String about() {
        return "spool-web, handlers on virtual threads, event loops on virtual threads (its default on JDK 25+)";
    }

    @Override
    public AutoCloseable start(int port) {
        WebApp app = WebApp.create();
        app.get("/plaintext", ctx -> Hello.PLAINTEXT);
        app.get("/json", ctx -> Hello.message());
        WebServer server = app.start(port);
        return server::close;
    }
}
