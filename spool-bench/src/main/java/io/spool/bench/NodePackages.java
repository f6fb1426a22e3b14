package io.spool.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node packages a benchmark's peers need, installed by the bench itself with npm into a folder of its own (never
 * the repo): {@code ~/.cache/spool-bench/node}, or {@code SPOOL_BENCH_NODE_DIR}. Each benchmark names its pinned
 * versions; they are installed once and reused while they match (benchmarks share the folder, each adding its
 * own packages). The benchmark's scripts, resources next to {@code scriptsOwner}, are copied there before each use.
 *
 * @param purpose what the packages are for, as said when installing them
 * @param versions package to pinned version
 * @param scriptsOwner the class whose package holds the scripts as resources
 * @param scripts the scripts' file names
 */
public record NodePackages(String purpose, Map<String, String> versions, Class<?> scriptsOwner, List<String> scripts) {
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");
    /** npm must not run twice at once in the shared folder. */
    private static final ReentrantLock INSTALLING = new ReentrantLock();

    public NodePackages {
        versions = Map.copyOf(versions);
        scripts = List.copyOf(scripts);
    }

    public static Path directory() {
        String dir = System.getenv("SPOOL_BENCH_NODE_DIR");
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "spool-bench", "node");
    }

    /** Installs the packages when missing or of another version, writes the scripts; returns the folder. */
    public Path ensure() throws IOException, InterruptedException {
        Path dir = directory();
        INSTALLING.lock();
        try {
            Files.createDirectories(dir);
            if (!installed(dir)) {
                install(dir);
            }
            for (String script : scripts) {
                try (InputStream in = scriptsOwner.getResourceAsStream(script)) {
                    if (in == null) {
                        throw new IllegalStateException(script + " is not a resource next to " + scriptsOwner.getName());
                    }
                    Files.copy(in, dir.resolve(script), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } finally {
            INSTALLING.unlock();
        }
    }

    private void install(Path dir) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
        List<String> packages = versions.entrySet().stream().map(e -> e.getKey() + "@" + e.getValue()).sorted().toList();
        command.addAll(packages);
        System.out.printf("%s: installing %s with npm into %s (once; kept outside the repo)%n", purpose,
                String.join(", ", packages), dir);
        Path manifest = dir.resolve("package.json");
        if (!Files.exists(manifest)) {
            Files.writeString(manifest, "{\"name\": \"spool-bench-node\", \"private\": true}\n");
        }
        Process npm;
        try {
            npm = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        } catch (IOException e) {
            throw new IllegalStateException("npm is needed to install " + String.join(", ", packages) + " ("
                    + e.getMessage() + "); install Node.js 20+ with npm, or leave them out", e);
        }
        if (npm.waitFor() != 0 || !installed(dir)) {
            throw new IllegalStateException("npm install of " + packages + " into " + dir + " failed (exit "
                    + npm.exitValue() + ")");
        }
    }

    private boolean installed(Path dir) throws IOException {
        for (var e : versions.entrySet()) {
            Path manifest = dir.resolve("node_modules").resolve(e.getKey()).resolve("package.json");
            if (!Files.exists(manifest)) {
                return false;
            }
            Matcher m = VERSION.matcher(Files.readString(manifest));
            if (!m.find() || !m.group(1).equals(e.getValue())) {
                return false;
            }
        }
        return true;
    }
}
