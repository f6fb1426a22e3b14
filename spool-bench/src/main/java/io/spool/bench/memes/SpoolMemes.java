package io.spool.bench.memes;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The spool-memes service as a user runs it ({@code spool-memes serve}), in a child JVM of its own on a free port,
 * asked over HTTP: {@code GET /caption?template=…&top_text=…&bottom_text=…} on kept-alive connections.
 */
final class SpoolMemes implements CaptionMaker {
    static final List<String> JVM_FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final Path dataDir;
    private final int port;
    private final HttpClient client;

    private SpoolMemes(Process process, Path log, Path dataDir, int port) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.port = port;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    static SpoolMemes start(List<String> serveArgs) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Files.createTempFile("spool-bench-memes-", ".log");
        Path dataDir = Files.createTempDirectory("spool-bench-memes-pg");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.spool.memes.cli.MemesCli", "serve",
                "127.0.0.1:" + port, "--data-dir", dataDir.toString()));
        command.addAll(serveArgs);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SpoolMemes service = new SpoolMemes(p, log, dataDir, port);
        try {
            service.awaitPort();
            return service;
        } catch (IOException | RuntimeException | InterruptedException e) {
            service.kill();
            throw e;
        }
    }

    @Override
    public String name() {
        return "spool-memes";
    }

    @Override
    public String about() {
        return "spool-memes serve, HTTP GET /caption, unique captions (no result-cache hits)";
    }

    @Override
    public byte[] caption(Workload w, String top, String bottom) throws IOException, InterruptedException {
        return get("/caption?template=" + w.template + "&format=" + (w == Workload.JPEG ? "jpeg" : w.extension)
                + "&top_text=" + URLEncoder.encode(top, StandardCharsets.UTF_8)
                + "&bottom_text=" + URLEncoder.encode(bottom, StandardCharsets.UTF_8));
    }

    /** The bytes of a 200 answer to {@code GET path}; anything else fails. */
    byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }

    private void awaitPort() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                get("/templates");
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("spool-memes did not start on port " + port + "; see " + log, e);
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        client.close();
        process.destroy();   // SIGTERM: the service stops gracefully
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            System.out.printf("  (spool-memes did not stop within 30 s of SIGTERM; killed; see %s)%n", log);
            kill();
            return;
        }
        Files.deleteIfExists(log);
        deleteTree(dataDir);
    }

    private void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
