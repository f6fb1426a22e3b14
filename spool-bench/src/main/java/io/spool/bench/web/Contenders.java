package io.spool.bench.web;

import java.util.List;

/**
 * The frameworks {@code ./spool bench web} compares, in table order, and the names the report computes
 * spool-web's ratios against. spool-web goes first in {@link #all()}.
 */
public final class Contenders {
    public static final String SPOOL_WEB = "spool-web";
    public static final String RAW_NETTY = "raw-netty";
    public static final String JAVALIN = "javalin";
    public static final String HELIDON = "helidon";

    private Contenders() {}

    public static List<WebContender> all() {
        return List.of(
                new SpoolWebContender(),
                new RawNettyContender(),
                new JavalinContender(),
                new HelidonContender());
    }

    static WebContender named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no web contender named " + name));
    }
}
