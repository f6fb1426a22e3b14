package io.spool.bench.web;

import io.spool.web.Threading;
import java.util.List;
import java.util.stream.Stream;

/**
 * The frameworks {@code ./spool bench web} compares, in table order, and the names the report computes
 * spool-web's ratios against. spool-web goes first in {@link #all()}.
 */
public final class Contenders {
    public static final String SPOOL_WEB = "spool-web";
    public static final String RAW_NETTY = "raw-netty";
    public static final String JAVALIN = "javalin";
    public static final String HELIDON = "helidon";
    /** spool-web in its other threading modes: measured only when named exactly in {@code --only}. */
    public static final String SPOOL_WEB_VIRTUAL = "spool-web-virtual";
    public static final String SPOOL_WEB_PLATFORM = "spool-web-platform";
    /** spool-web from an earlier build ({@code --baseline DIR}): before and after a change, in one run. */
    public static final String SPOOL_WEB_BASELINE = "spool-web-baseline";

    private Contenders() {}

    public static List<WebContender> all() {
        return List.of(
                new SpoolWebContender(Threading.LOOP_CARRIERS),
                new RawNettyContender(),
                new JavalinContender(),
                new HelidonContender());
    }

    /** Variants for comparisons of spool-web's own settings, not part of a default run. */
    public static List<WebContender> optional() {
        return List.of(new SpoolWebContender(Threading.VIRTUAL_LOOPS), new SpoolWebContender(Threading.PLATFORM_LOOPS));
    }

    /** spool-web as {@link #all()} has it, its classes taken from {@code classes} (null inside that JVM). */
    public static WebContender baseline(String classes) {
        return SpoolWebContender.baseline(classes);
    }

    static WebContender named(String name) {
        return java.util.stream.Stream.concat(all().stream(), Stream.concat(optional().stream(),
                        Stream.of(baseline(null))))
                .filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no web contender named " + name));
    }
}
