package io.spool.bench.web;

import io.spool.web.Threading;
import io.spool.web.WebApp;
import io.spool.web.WebServer;
import java.util.List;
import java.util.Optional;

/**
 * spool-web as a user writes it: two plain handlers on virtual threads, JSON by the framework's Jackson, in its
 * default {@link Threading} (handlers carried by the event loops' threads) or, as the optional
 * "spool-web-virtual" and "spool-web-platform", in one of the others. As "spool-web-baseline" it is the same
 * server with the classes of an earlier build ahead on its class path, to compare a change with what it changed.
 */
final class SpoolWebContender implements WebContender {
    private final Threading threading;
    /** Present for the baseline: the earlier build's classes (empty inside the baseline's own JVM). */
    private final Optional<Optional<String>> baseline;

    SpoolWebContender(Threading threading) {
        this.threading = threading;
        this.baseline = Optional.empty();
    }

    /** The baseline contender; {@code classes} is null where only its name matters (in its own JVM). */
    static SpoolWebContender baseline(String classes) {
        return new SpoolWebContender(Optional.ofNullable(classes));
    }

    private SpoolWebContender(Optional<String> classes) {
        this.threading = Threading.LOOP_CARRIERS;
        this.baseline = Optional.of(classes);
    }

    @Override
    public String name() {
        if (baseline.isPresent()) {
            return Contenders.SPOOL_WEB_BASELINE;
        }
        return switch (threading) {
            case LOOP_CARRIERS -> Contenders.SPOOL_WEB;
            case VIRTUAL_LOOPS -> Contenders.SPOOL_WEB_VIRTUAL;
            case PLATFORM_LOOPS -> Contenders.SPOOL_WEB_PLATFORM;
        };
    }

    @Override
    public List<String> classPathFirst() {
        return baseline.flatMap(classes -> classes).map(List::of).orElse(List.of());
    }

    @Override
    public String about() {
        if (baseline.isPresent()) {
            return "spool-web as above, its classes from " + baseline.get().orElse("an earlier build");
        }
        return "spool-web, handlers on virtual threads " + switch (threading) {
            case LOOP_CARRIERS -> "carried by its platform event loops (its default)";
            case VIRTUAL_LOOPS -> "beside event loops on virtual threads";
            case PLATFORM_LOOPS -> "on the JDK's scheduler, event loops on platform threads";
        };
    }

    @Override
    public AutoCloseable start(int port) {
        return app().start(port)::close;
    }

    @Override
    public boolean http2() {
        return true;
    }

    @Override
    public AutoCloseable startHttp2(int port) {
        return app().http2Cleartext(true, 100).start(port)::close;
    }

    private WebApp app() {
        WebApp app = WebApp.create().threading(threading);
        app.get("/plaintext", ctx -> Hello.PLAINTEXT);
        app.get("/json", ctx -> Hello.message());
        return app;
    }
}
