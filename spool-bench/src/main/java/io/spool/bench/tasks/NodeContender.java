package io.spool.bench.tasks;

import io.spool.bench.NodePackages;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A task system running in a Node process ({@code node-runner.cjs}, see {@link NodePackages}): graphile-worker
 * with its default settings or its batched mode, or pg-boss. The bench speaks to it over the process's stdin and
 * stdout: it spawns each batch through the system's own batch API and waits for the reply; the handlers'
 * start times come back as {@code s index:nanos} lines, on the same monotonic clock as {@link System#nanoTime}
 * (both read CLOCK_MONOTONIC), and go to the {@link Probe}. The Node process's CPU is counted with the JVM's.
 */
final class NodeContender implements TaskContender {
    /** One of the systems the runner script knows. */
    enum Peer {
        GRAPHILE("graphile-worker", "graphile", "run({concurrency, pollInterval}) with default settings; "
                + "addJobs batches"),
        GRAPHILE_BATCHED("graphile-worker-batched", "graphile-batched", "as graphile-worker, plus the batching "
                + "of its performance page: localQueue {size: 500}, completeJobBatchDelay 0, failJobBatchDelay 0"),
        PG_BOSS("pg-boss", "pg-boss", "one work() per handler (pg-boss 10 runs one job at a time per work()), "
                + "batchSize 1, polling every 0.5 s (its minimum), insert() batches");

        final String contenderName;
        final String runnerName;
        final String settings;

        Peer(String contenderName, String runnerName, String settings) {
            this.contenderName = contenderName;
            this.runnerName = runnerName;
            this.settings = settings;
        }
    }

    /** The script that drives the systems, a resource next to this class. */
    static final String RUNNER = "node-runner.cjs";
    /** graphile-worker 0.18 and pg-boss 11 need Node 22: these are the newest that run on Node 20. */
    static final NodePackages PACKAGES = new NodePackages("tasks bench",
            Map.of("graphile-worker", "0.17.3", "pg-boss", "10.4.2"), NodeContender.class, List.of(RUNNER));

    private final Peer system;
    private final Options options;
    private Process process;
    private Writer stdin;
    private final LinkedBlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final StringBuffer errors = new StringBuffer();

    NodeContender(Peer system, Options options) {
        this.system = system;
        this.options = options;
    }

    @Override
    public String name() {
        return system.contenderName;
    }

    @Override
    public String settings() {
        String version = PACKAGES.versions().get(system == Peer.PG_BOSS ? "pg-boss" : "graphile-worker");
        return version + " on Node (" + node() + "): concurrency " + options.concurrency() + ", pg pool "
                + options.connections() + " (producer and workers share it), poll " + options.pollInterval().toMillis()
                + " ms where allowed; " + system.settings;
    }

    private static String node() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? v : "node missing";
        } catch (IOException | InterruptedException e) {
            return "node missing";
        }
    }

    @Override
    public void start(Database db, Probe probe) throws Exception {
        Path dir = PACKAGES.ensure();
        process = new ProcessBuilder("node", RUNNER, system.runnerName, db.url(),
                Integer.toString(options.concurrency()), Integer.toString(options.connections()),
                Long.toString(options.pollInterval().toMillis())).directory(dir.toFile()).start();
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name(name() + "-stdout").start(() -> read(probe));
        Thread.ofPlatform().daemon().name(name() + "-stderr").start(() -> {
            try (BufferedReader err = process.errorReader(StandardCharsets.UTF_8)) {
                err.lines().forEach(l -> errors.append(l).append('\n'));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        expect("ready", 60);
    }

    private void read(Probe probe) {
        try (BufferedReader out = process.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("s ")) {
                    for (String started : line.substring(2).split(" ")) {
                        int colon = started.indexOf(':');
                        probe.started(Integer.parseInt(started, 0, colon, 10),
                                Long.parseLong(started, colon + 1, started.length(), 10));
                    }
                } else {
                    replies.add(line);
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
        replies.add("(ended)");
    }

    private void expect(String reply, int seconds) throws InterruptedException {
        String got = replies.poll(seconds, TimeUnit.SECONDS);
        if (!reply.equals(got)) {
            throw new IllegalStateException(name() + " in Node answered " + (got == null ? "nothing within "
                    + seconds + " s" : "'" + got + "'") + " instead of '" + reply + "'; its stderr:\n" + errors);
        }
    }

    @Override
    public void spawn(int from, int count) throws Exception {
        stdin.write("spawn " + from + " " + count + "\n");
        stdin.flush();
        expect("spawned " + from, 60);
    }

    @Override
    public long completed(Connection monitor, int spawned) throws SQLException {
        return switch (system) {
            // graphile-worker deletes a job once it completes
            case GRAPHILE, GRAPHILE_BATCHED -> spawned - TaskContender.count(monitor,
                    "SELECT count(*) FROM graphile_worker._private_jobs");
            case PG_BOSS -> TaskContender.count(monitor,
                    "SELECT count(*) FROM pgboss.job WHERE name = 'noop' AND state = 'completed'");
        };
    }

    @Override
    public long processId() {
        return process == null ? 0 : process.pid();
    }

    @Override
    public void close() throws Exception {
        if (process == null) {
            return;
        }
        try {
            stdin.write("stop\n");
            stdin.flush();
            expect("stopped", 30);
        } catch (IOException | IllegalStateException e) {
            System.err.println(name() + " did not stop cleanly: " + e.getMessage());
        } finally {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
