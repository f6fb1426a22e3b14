package io.spool.bench.memes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Pillow (Debian's {@code python3-pil}, on {@code /usr/bin/python3}) as memegen's renderer uses it:
 * {@code pillow-server.py}, a Python HTTP server written for the bench, draws outlined text with
 * {@code ImageDraw.text(stroke_width, stroke_fill)} in the font file on every frame and saves at the service's
 * settings. Its socket is bound once and served by one forked process per core, each with a thread per
 * connection: threads alone would share one GIL.
 */
final class Pillow extends ScriptContender {
    static final Path PYTHON = Path.of("/usr/bin/python3");   // Debian's, which python3-pil installs into
    static final String SCRIPT = "pillow-server.py";
    static final String PACKAGE = "python3-pil";

    private Pillow(ScriptServer server) {
        super(server);
    }

    static Pillow start(BenchAssets assets, int processes, EncoderSettings settings)
            throws IOException, InterruptedException {
        Path script = assets.dir.resolve(SCRIPT);
        try (InputStream in = Pillow.class.getResourceAsStream(SCRIPT)) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Pillow(ScriptServer.start("pillow",
                command(PYTHON.toString(), script.toString(), processes, assets, settings), assets.dir, Map.of()));
    }

    /** Whether Debian's Python can import PIL. */
    static boolean installed() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import PIL.ImageDraw")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Installs python3-pil with apt-get when it is missing and this runs as root, saying so; otherwise says the
     * command that does. True when Pillow is there afterwards.
     */
    static boolean ensureInstalled() throws IOException, InterruptedException {
        if (installed()) {
            return true;
        }
        String command = "apt-get install --no-install-recommends " + PACKAGE;
        if (!isRoot()) {
            System.out.printf("memes bench: Pillow is missing; skipping it (install it with: sudo %s)%n", command);
            return false;
        }
        System.out.printf("memes bench: installing Debian's %s for the Pillow contender (apt-get update, %s)%n",
                PACKAGE, command);
        run(List.of("apt-get", "update", "-q"));
        run(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", PACKAGE));
        if (!installed()) {
            System.out.printf("memes bench: %s did not make Pillow importable by %s; skipping it%n", command, PYTHON);
            return false;
        }
        return true;
    }

    private static boolean isRoot() throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        pb.start().waitFor();
    }

    @Override
    public String name() {
        return "pillow";
    }

    @Override
    public String about() {
        return server.versions() + " (preforked, a thread per connection); ImageDraw.text(stroke_width, "
                + "stroke_fill), save(quality=, compress_level=), GIF save_all on every frame";
    }
}
