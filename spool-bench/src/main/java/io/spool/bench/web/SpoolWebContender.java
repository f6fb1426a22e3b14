package io.spool.bench.web;

import io.spool.web.WebApp;
import io.spool.web.WebServer;

/**
 * spool-web as a user writes it: two plain handlers on virtual threads, JSON by the framework's Jackson; event
 * loops on virtual threads (the default) or, as the optional "spool-web-platform", on platform threads.
 */
final class SpoolWebContender implements WebContender {
    private final boolean virtualEventLoops;

    SpoolWebContender(boolean virtualEventLoops) {
        this.virtualEventLoops = virtualEventLoops;
    }

    @Override
    public String name() {
        return virtualEventLoops ? Contenders.SPOOL_WEB : Contenders.SPOOL_WEB_PLATFORM;
    }

    @Override
    public String about() {
        return "spool-web, handlers on virtual threads, event loops on "
                + (virtualEventLoops ? "virtual threads (its default on JDK 25+)" : "platform threads");
    }

    @Override
    public AutoCloseable start(int port) {
        WebApp app = WebApp.create().virtualEventLoops(virtualEventLoops);
        app.get("/plaintext", ctx -> Hello.PLAINTEXT);
        app.get("/json", ctx -> Hello.message());
        WebServer server = app.start(port);
        return server::close;
    }
}
