package io.spool.bench.web;

import io.spool.web.Threading;
import io.spool.web.WebApp;
import io.spool.web.WebServer;

/**
 * spool-web as a user writes it: two plain handlers on virtual threads, JSON by the framework's Jackson, in its
 * default {@link Threading} (handlers carried by the event loops' threads) or, as the optional
 * "spool-web-virtual" and "spool-web-platform", in one of the others.
 */
final class SpoolWebContender implements WebContender {
    private final Threading threading;

    SpoolWebContender(Threading threading) {
        this.threading = threading;
    }

    @Override
    public String name() {
        return switch (threading) {
            case LOOP_CARRIERS -> Contenders.SPOOL_WEB;
            case VIRTUAL_LOOPS -> Contenders.SPOOL_WEB_VIRTUAL;
            case PLATFORM_LOOPS -> Contenders.SPOOL_WEB_PLATFORM;
        };
    }

    @Override
    public String about() {
        return "spool-web, handlers on virtual threads " + switch (threading) {
            case LOOP_CARRIERS -> "carried by its platform event loops (its default)";
            case VIRTUAL_LOOPS -> "beside event loops on virtual threads";
            case PLATFORM_LOOPS -> "on the JDK's scheduler, event loops on platform threads";
        };
    }

    @Override
    public AutoCloseable start(int port) {
        WebApp app = WebApp.create().threading(threading);
        app.get("/plaintext", ctx -> Hello.PLAINTEXT);
        app.get("/json", ctx -> Hello.message());
        WebServer server = app.start(port);
        return server::close;
    }
}
