package io.spool.web;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.PlatformDependent;
import java.time.Duration;

/**
 * A server in a JVM of its own, for tests that need a real process (signals) or JVM flags of their own: prints
 * whether Netty uses {@code sun.misc.Unsafe}, its threading, Netty's leak detection level and its port, then what its slow handler does. {@code /upload}
 * counts a body's bytes.
 */
public final class SignalMain {
    public static void main(String[] args) throws Exception {
        WebServer server = WebApp.create()
                .get("/slow", ctx -> {
                    System.out.println("handling");
                    Thread.sleep(800);
                    return "finished";
                })
                .get("/ping", ctx -> "pong")
                .post("/upload", ctx -> "got " + ctx.body().length)
                .start("127.0.0.1", 0)
                .stopOnSignals(Duration.ofSeconds(10));
        System.out.println("unsafe " + PlatformDependent.hasUnsafe());
        System.out.println("threading " + server.threading());
        System.out.println("leak detection " + ResourceLeakDetector.getLevel());
        System.out.println("port " + server.port());
        Thread.sleep(Long.MAX_VALUE);
    }
}
