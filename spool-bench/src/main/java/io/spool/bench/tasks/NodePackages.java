package io.spool.bench.tasks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Node peers' packages, installed by the bench itself with npm into a folder of its own (never the repo):
 * {@code ~/.cache/spool-bench/node}, or {@code SPOOL_BENCH_NODE_DIR}. The versions are pinned (the newest that
 * run on Node 20); they are installed once and reused while they match. The runner script that drives them
 * ({@code node-runner.cjs}) is copied there from the bench's resources before each use.
 */
final class NodePackages {
    /** Package to version: graphile-worker 0.18 and pg-boss 11 need Node 22. */
    static final Map<String, String> VERSIONS = versions();
    static final String RUNNER = "node-runner.cjs";
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    private NodePackages() {}

    private static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("graphile-worker", "0.17.3");
        v.put("pg-boss", "10.4.2");
        return v;
    }

    static Path directory() {
        String dir = System.getenv("SPOOL_BENCH_NODE_DIR");
        return dir != null && !dir.isBlank() ? Path.of(dir)
                : Path.of(System.getProperty("user.home"), ".cache", "spool-bench", "node");
    }

    /** Installs the packages when missing or of another version, writes the runner; returns the folder. */
    static synchronized Path ensure() throws IOException, InterruptedException {
        Path dir = directory();
        Files.createDirectories(dir);
        if (!installed(dir)) {
            List<String> command = new ArrayList<>(List.of("npm", "install", "--no-audit", "--no-fund",
                    "--loglevel=error"));
            VERSIONS.forEach((name, version) -> command.add(name + "@" + version));
            System.out.printf("tasks bench: installing %s with npm into %s (once; kept outside the repo)%n",
                    String.join(", ", command.subList(5, command.size())), dir);
            Path manifest = dir.resolve("package.json");
            if (!Files.exists(manifest)) {
                Files.writeString(manifest, "{\"name\": \"spool-bench-node\", \"private\": true}\n");
            }
            Process npm;
            try {
                npm = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
            } catch (IOException e) {
                throw new IllegalStateException("npm is needed to install the Node peers (" + e.getMessage()
                        + "); install Node.js 20+ with npm, or leave them out with --only", e);
            }
            if (npm.waitFor() != 0 || !installed(dir)) {
                throw new IllegalStateException("npm install of " + VERSIONS + " into " + dir + " failed (exit "
                        + npm.exitValue() + ")");
            }
        }
        try (InputStream in = NodePackages.class.getResourceAsStream(RUNNER)) {
            Files.copy(in, dir.resolve(RUNNER), StandardCopyOption.REPLACE_EXISTING);
        }
        return dir;
    }

    private static boolean installed(Path dir) throws IOException {
        for (var e : VERSIONS.entrySet()) {
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
