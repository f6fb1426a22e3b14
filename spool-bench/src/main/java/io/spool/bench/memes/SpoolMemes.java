package io.spool.bench.memes;

import io.spool.bench.ChildJvm;

import java.io.IOException;
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
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * The spool-memes service as a user runs it ({@code spool-memes serve}), in a {@link ChildJvm} on a free port with
 * an embedded PostgreSQL in a temporary directory, asked over HTTP: {@code GET /caption?template=…&top_text=…}
 * on kept-alive connections. Closing it sends SIGTERM, so the service drains as in production.
 */
final class SpoolMemes implements CaptionMaker {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final ChildJvm jvm;
    private final Path dataDir;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private SpoolMemes(ChildJvm jvm, Path dataDir, int port) {
        this.jvm = jvm;
        this.dataDir = dataDir;
        this.port = port;
    }

    static SpoolMemes start(List<String> serveArgs) throws IOException, InterruptedException {
        int port = ChildJvm.freePort();
        Path dataDir = Files.createTempDirectory("spool-bench-memes-pg");
        List<String> args = new ArrayList<>(List.of("serve", "127.0.0.1:" + port, "--data-dir", dataDir.toString()));
        args.addAll(serveArgs);
        SpoolMemes service = new SpoolMemes(ChildJvm.start("memes", "io.spool.memes.cli.MemesCli", args), dataDir, port);
        service.jvm.awaitReady(port, START_TIMEOUT, () -> service.get("/templates"));
        return service;
    }

    /** The service's process id, for its CPU time ({@link io.spool.bench.ProcessUsage}). */
    long pid() {
        return jvm.process().pid();
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

    @Override
    public void close() throws IOException, InterruptedException {
        client.close();
        jvm.process().destroy();   // SIGTERM: the service stops gracefully
        jvm.awaitExit(Duration.ofSeconds(30));
        try (var paths = Files.walk(dataDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
