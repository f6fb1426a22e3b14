package io.spool.bench.memes;

import io.spool.bench.ProcessTree;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A contender's caption server written for the bench (a Node or Python script), in processes of its own: started
 * with port 0, it prints {@code listening PORT WHAT} once every worker serves, {@code WHAT} naming its libraries'
 * versions; its standard error goes to a log file named in any error. Closing sends SIGTERM (the script stops its
 * workers), then kills whatever of its process tree is left after 10 seconds.
 */
final class ScriptServer implements AutoCloseable {
    private static final long START_SECONDS = 60;

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;
    private final String versions;

    private ScriptServer(String name, Process process, Path log, int port, String versions) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
        this.versions = versions;
    }

    static ScriptServer start(String name, List<String> command, Path workDir, Map<String, String> env)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("spool-bench-" + name + "-", ".log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = p.inputReader(StandardCharsets.UTF_8);
                String line = out.readLine();
                Thread.ofVirtual().start(() -> drain(out));   // later output must not fill the pipe
                return line;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            String line = ready.get(START_SECONDS, TimeUnit.SECONDS);
            String[] words = line == null ? new String[0] : line.split(" ", 3);
            if (words.length < 2 || !words[0].equals("listening")) {
                throw new IOException(name + " did not start (first line '" + line + "'): " + String.join(" ", command)
                        + "\n" + Files.readString(log));
            }
            return new ScriptServer(name, p, log, Integer.parseInt(words[1]), words.length > 2 ? words[2] : "");
        } catch (ExecutionException | TimeoutException | IOException | RuntimeException e) {
            stop(p);
            throw e instanceof IOException io ? io
                    : new IOException(name + " did not get ready within " + START_SECONDS + " s; see " + log, e);
        }
    }

    private static void drain(BufferedReader out) {
        try (out) {
            while (out.readLine() != null) {
                // the scripts print nothing after the ready line; whatever comes is dropped
            }
        } catch (IOException ended) {
            // the process ended
        }
    }

    int port() {
        return port;
    }

    /** What the script said it runs on (library versions). */
    String versions() {
        return versions;
    }

    /** CPU seconds so far of the script's process and every process it started. */
    double cpuSeconds() {
        return ProcessTree.cpuSeconds(process.pid());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (stop(process)) {
            Files.deleteIfExists(log);
        } else {
            System.out.printf("  (%s did not stop within 10 s; killed; see %s)%n", name, log);
        }
    }

    /** SIGTERM, then after 10 s SIGKILL to the process and its descendants; true when it stopped by itself. */
    private static boolean stop(Process p) throws InterruptedException {
        List<ProcessHandle> tree = p.descendants().toList();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        p.destroy();
        boolean clean = p.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle h : tree) {
            while (h.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);   // the script is stopping its workers
            }
            if (h.isAlive()) {
                h.destroyForcibly();
                clean = false;
            }
        }
        if (!clean) {
            p.destroyForcibly().waitFor();
        }
        return clean;
    }
}
