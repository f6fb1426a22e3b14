package io.spool.bench.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One contender running in a child JVM of its own (this JDK, this class path, {@link #JVM_FLAGS}), on a free port;
 * {@link #start} returns once the port accepts connections and both endpoints answer correctly, {@link #close}
 * closes the child's standard input, then kills it if it has not exited. Its output goes to a log file that is
 * named in any error and deleted after a clean run.
 */
final class ServerProcess implements AutoCloseable {
    static final List<String> JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static ServerProcess start(WebContender contender) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("spool-bench-web-" + contender.name() + "-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Serve.class.getName(),
                contender.name(), Integer.toString(port)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(contender.name(), p, log, port);
        try {
            server.awaitPort();
            for (Endpoint e : Endpoint.values()) {
                server.check(e);
            }
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.kill();
            throw e;
        }
    }

    URI uri(Endpoint endpoint) {
        return URI.create("http://127.0.0.1:" + port + endpoint.path);
    }

    private void awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException(name + " did not start listening on port " + port + "; see " + log, e);
                }
                Thread.sleep(50);
            }
        }
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
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            System.out.printf("  (%s did not stop within 10 s of end of input; killed; see %s)%n", name, log);
            kill();
        } else {
            Files.deleteIfExists(log);
        }
    }

    private void kill() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
