package io.spool.bench.stack;

import java.util.List;

/**
 * The stacks {@code ./spool bench stack} compares, in table order, and the names the report computes spool's
 * ratios against. The headline spool contender (spool-web + spool-pg's Netty transport on the web server's event
 * loops, which measured best) goes first.
 */
public final class StackContenders {
    public static final String SPOOL = "spool";
    /** spool-web + spool-pg's blocking pool on shared connections: the simplest code, and the README's. */
    public static final String SPOOL_BLOCKING = "spool-blocking";
    public static final String VERTX = "vertx";
    public static final String JAVALIN = "javalin";
    public static final String HELIDON = "helidon";

    private StackContenders() {}

    public static List<StackContender> all() {
        return List.of(SpoolStack.netty(), SpoolStack.blocking(), new VertxStack(), new JavalinStack(), new HelidonStack());
    }

    static StackContender named(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stack contender named " + name));
    }
}
