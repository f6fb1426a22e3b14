package io.spool.bench.memes;

import io.spool.bench.ChildJvm;
import io.spool.bench.ProcessTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spool-memes service as a user runs it ({@code spool-memes serve}), in a {@link ChildJvm} on a free port with
 * an embedded PostgreSQL in a temporary directory, asked over HTTP: {@code GET /caption?template=…&top_text=…}
 * on kept-alive connections. Closing it sends SIGTERM, so the service drains as in production. Its JPEG quality is
 * the one every contender uses ({@link EncoderSettings}).
 */
final class SpoolMemes implements CaptionMaker {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final ChildJvm jvm;
    private final Path dataDir;
    private final CaptionClient client;

    private SpoolMemes(ChildJvm jvm, Path dataDir, int port) {
        this.jvm = jvm;
        this.dataDir = dataDir;
        this.client = new CaptionClient(port);
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

    /** The service's JVM and what it started (the embedded PostgreSQL). */
    @Override
    public double cpuSeconds() {
        return ProcessTree.cpuSeconds(jvm.process().pid());
    }

    @Override
    public boolean fitsTextLikeSpool() {
        return true;
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
        return client.caption(w, top, bottom);
    }

    /** The bytes of a 200 answer to {@code GET path}; anything else fails. */
    byte[] get(String path) throws IOException, InterruptedException {
        return client.get(path);
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
