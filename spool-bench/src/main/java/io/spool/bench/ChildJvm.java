package io.spool.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test in a JVM of its own: this JDK, this class path, {@link #FLAGS}, a main class and its
 * arguments; its output goes to a log file that is named in any error and deleted after a clean stop. Benchmarks
 * run servers this way so that each has a fresh heap and JIT and none shares threads with the load generator.
 */
public final class ChildJvm {
    /** Also {@code java.lang} open, as {@code ./spool run} has it: spool-web's loops then carry its handlers. */
    public static final List<String> FLAGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "--add-opens=java.base/java.lang=ALL-UNNAMED");

    /** A check that the server is ready, retried while it throws {@link IOException}. */
    @FunctionalInterface
    public interface ReadyCheck {
        void check() throws IOException, InterruptedException;
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ChildJvm start(String name, String mainClass, List<String> args) throws IOException {
        return start(name, List.of(), mainClass, args);
    }

    /** As {@link #start(String, String, List)}, with {@code classPathFirst} ahead of this class path (shadowing it). */
    public static ChildJvm start(String name, List<String> classPathFirst, String mainClass, List<String> args)
            throws IOException {
        Path log = Files.createTempFile("spool-bench-" + name + "-", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(FLAGS);
        List<String> classPath = new ArrayList<>(classPathFirst);
        classPath.add(System.getProperty("java.class.path"));
        command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), mainClass));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(name, p, log);
    }

    /** A port nobody listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Waits until {@code port} accepts connections and {@code ready} passes; kills the JVM and fails if that
     * does not happen within {@code timeout} or the JVM exits.
     */
    public void awaitReady(int port, Duration timeout, ReadyCheck ready) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    ready.check();
                    return;
                } catch (IOException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline) {
                        throw new IOException(name + " did not get ready on port " + port + "; see " + log, e);
                    }
                    Thread.sleep(100);
                }
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            kill();
            throw e;
        }
    }

    public Process process() {
        return process;
    }

    /**
     * After the caller asked the JVM to stop (closed its input, or sent SIGTERM): waits up to {@code grace}, then
     * kills it. True when it stopped by itself (its log is deleted then).
     */
    public boolean awaitExit(Duration grace) throws IOException, InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            System.out.printf("  (%s did not stop within %d s; killed; see %s)%n", name, grace.toSeconds(), log);
            kill();
            return false;
        }
        Files.deleteIfExists(log);
        return true;
    }

    public void kill() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
