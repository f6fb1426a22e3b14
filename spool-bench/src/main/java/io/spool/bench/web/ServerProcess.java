package io.spool.bench.web;

import io.spool.bench.ChildJvm;
import io.spool.bench.ProcessUsage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * One contender running in a {@link ChildJvm} ({@link Serve} as its main class) on a free port; {@link #start}
 * returns once the port accepts connections and both endpoints answer correctly, {@link #close} closes the
 * child's standard input, then kills it if it has not exited within 10 seconds.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final ChildJvm jvm;
    private final int port;

    private ServerProcess(String name, ChildJvm jvm, int port) {
        this.name = name;
        this.jvm = jvm;
        this.port = port;
    }

    static ServerProcess start(WebContender contender, boolean http2) throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        ChildJvm jvm = ChildJvm.start("web-" + contender.name(), contender.classPathFirst(), Serve.class.getName(),
                http2 ? List.of(contender.name(), Integer.toString(port), "h2c")
                        : List.of(contender.name(), Integer.toString(port)));
        ServerProcess server = new ServerProcess(contender.name(), jvm, port);
        jvm.awaitReady(port, START_TIMEOUT, () -> {
            for (Endpoint e : Endpoint.values()) {
                server.check(e);
            }
        });
        return server;
    }

    String name() {
        return name;
    }

    /** What the server's JVM has used so far (CPU time, context switches). */
    ProcessUsage usage() {
        return ProcessUsage.of(jvm.process().pid());
    }

    URI uri(Endpoint endpoint) {
        return URI.create("http://127.0.0.1:" + port + endpoint.path);
    }

    /** Fails unless {@code endpoint} answers 200 with its body and content type. */
    private void check(Endpoint endpoint) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri(endpoint)).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String type = r.headers().firstValue("content-type").orElse("");
            if (r.statusCode() != 200 || !r.body().equals(endpoint.body) || !type.startsWith(endpoint.contentType)) {
                throw new IllegalStateException(name + " answered " + endpoint.path + " with " + r.statusCode()
                        + " [" + type + "] " + r.body() + "; expected [" + endpoint.contentType + "] " + endpoint.body);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        jvm.process().getOutputStream().close();
        jvm.awaitExit(Duration.ofSeconds(10));
    }
}
