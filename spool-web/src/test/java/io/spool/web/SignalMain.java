package io.spool.web;

import java.time.Duration;

/** A server in its own JVM for {@link ShutdownTest}: prints its port, then what its handler does. */
public final class SignalMain {
    public static void main(String[] args) throws Exception {
        WebServer server = WebApp.create()
                .get("/slow", ctx -> {
                    System.out.println("handling");
                    Thread.sleep(800);
                    return "finished";
                })
                .start("127.0.0.1", 0)
                .stopOnSignals(Duration.ofSeconds(10));
        System.out.println("port " + server.port());
        Thread.sleep(Long.MAX_VALUE);
    }
}
