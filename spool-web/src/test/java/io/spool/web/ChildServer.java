package io.spool.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@link SignalMain} in a JVM of its own, started with the given JVM flags. A thread collects what it prints:
 * tests take it line by line or read it all.
 */
final class ChildServer implements AutoCloseable {
    final Process process;
    final int port;
    final boolean unsafe;
    /** The server's {@link Threading}, as the child printed it. */
    final Threading threading;
    /** Netty's leak detection level once the server runs, as the child printed it. */
    final String leakDetection;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer output = new StringBuffer();

    ChildServer(String... jvmFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx64m");
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SignalMain.class.getName()));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Thread.ofPlatform().daemon().start(this::collect);
        boolean sawUnsafe = false;
        Threading sawThreading = null;
        String sawLeakDetection = null;
        String line = nextLine();
        for (; line != null && !line.startsWith("port "); line = nextLine()) {
            sawUnsafe |= line.equals("unsafe true");   // other lines: the JDK's warnings
            if (line.startsWith("threading ")) {
                sawThreading = Threading.valueOf(line.substring("threading ".length()));
            } else if (line.startsWith("leak detection ")) {
                sawLeakDetection = line.substring("leak detection ".length());
            }
        }
        if (line == null) {
            throw new IOException("the child server did not start: " + output);
        }
        unsafe = sawUnsafe;
        threading = sawThreading;
        leakDetection = sawLeakDetection;
        port = Integer.parseInt(line.substring(5));
    }

    private void collect() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                output.append(line).append('\n');
                lines.add(line);
            }
        } catch (IOException closed) {
            // the process was destroyed
        }
    }

    /** The next line printed, or null when none came within 30 seconds. */
    String nextLine() throws InterruptedException {
        return lines.poll(30, TimeUnit.SECONDS);
    }

    /** Everything printed so far. */
    String output() {
        return output.toString();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
