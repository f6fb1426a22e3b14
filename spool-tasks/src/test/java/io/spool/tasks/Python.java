package io.spool.tasks;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code /usr/bin/python3} running the Python client ({@code spool-tasks/python}, on PYTHONPATH) for
 * the tests: a script of {@code python/tests} as a child process whose output lines the test reads. A test
 * that needs it is skipped, saying why, only when psycopg 3 is missing ({@code ./spool test} installs it).
 */
final class Python implements AutoCloseable {
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final Path ROOT = Path.of("python").toAbsolutePath();

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> unread = new LinkedBlockingQueue<>();
    private final Thread reader;

    private Python(Process process) {
        this.process = process;
        // read on a thread of its own: the output survives a SIGKILL, and a test can print it when it fails
        this.reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String l;
                while ((l = out.readLine()) != null) {
                    lines.add(l);
                    unread.add(l);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e + ")");
            }
            unread.add(END);
        });
    }

    private static final String END = new String("end of output");

    /** Skips the calling test when {@code /usr/bin/python3} cannot import psycopg. */
    static void assumePsycopg() throws Exception {
        boolean ok = Files.isExecutable(PYTHON)
                && new ProcessBuilder(PYTHON.toString(), "-c", "import psycopg").start().waitFor() == 0;
        Assumptions.assumeTrue(ok, "the Python client's tests need Debian's python3-psycopg (psycopg 3) for "
                + "/usr/bin/python3; ./spool test installs it, or: apt-get install --no-install-recommends python3-psycopg");
    }

    /** Starts {@code python3 <script> args...} with the client on PYTHONPATH and {@code env} added. */
    static Python start(String script, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-u", ROOT.resolve("tests").resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", ROOT.toString());
        pb.environment().putAll(env);
        return new Python(pb.start());
    }

    /** Reads output until a line equal to {@code line}; fails with everything read if the process ends first. */
    Python awaitLine(String line) throws InterruptedException {
        String l;
        while ((l = unread.poll(60, TimeUnit.SECONDS)) != null && l != END) {
            if (l.equals(line)) {
                return this;
            }
        }
        throw new AssertionError("python printed no '" + line + "' (ended or 60 s passed):\n" + String.join("\n", lines));
    }

    /** Waits for the process to end and returns all its output lines; fails on a non-zero exit. */
    List<String> finish(Duration timeout) throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("python did not end within " + timeout + ":\n" + String.join("\n", lines));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("python exited with " + process.exitValue() + ":\n" + String.join("\n", lines));
        }
        reader.join(timeout.toMillis());
        return List.copyOf(lines);
    }

    /** SIGKILL, and waits for it to take effect. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
            reader.join(5000);
            System.out.println("python (killed at the end of the test) printed:\n" + String.join("\n", lines));
        }
    }
}
