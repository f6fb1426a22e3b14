package io.spool.bench.stack;

import io.spool.bench.ChildJvm;
import io.spool.bench.ProcessUsage;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * One stack contender running in a {@link ChildJvm} ({@link StackServe} as its main class) on a free port, all
 * with the same JVM flags and database connections; {@link #start} returns once the port accepts connections and
 * {@code check} passed, {@link #close} closes the child's standard input, then kills it after 10 seconds.
 */
final class StackServer implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** Fails unless the server at {@code base} answers every test type by the rules. */
    @FunctionalInterface
    interface Check {
        void check(URI base) throws IOException, InterruptedException;
    }

    private final String name;
    private final ChildJvm jvm;
    private final int port;

    private StackServer(String name, ChildJvm jvm, int port) {
        this.name = name;
        this.jvm = jvm;
        this.port = port;
    }

    static StackServer start(StackContender contender, StackDatabase database, Check check)
            throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        ChildJvm jvm = ChildJvm.start("stack-" + contender.name(), StackServe.class.getName(), List.of(
                contender.name(), Integer.toString(port), database.url(), Integer.toString(database.connections())));
        StackServer server = new StackServer(contender.name(), jvm, port);
        jvm.awaitReady(port, START_TIMEOUT, () -> check.check(server.base()));
        return server;
    }

    String name() {
        return name;
    }

    /** CPU seconds the server's JVM has used so far. */
    double cpuSeconds() {
        return ProcessUsage.of(jvm.process().pid()).cpuSeconds();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI uri(TestType test) {
        return URI.create("http://127.0.0.1:" + port + test.target);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        jvm.process().getOutputStream().close();
        jvm.awaitExit(Duration.ofSeconds(10));
    }
}
