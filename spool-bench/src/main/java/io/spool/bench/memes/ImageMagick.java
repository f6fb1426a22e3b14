package io.spool.bench.memes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline a user would script: one ImageMagick {@code convert} process per caption, reading the template
 * file and writing the image to its standard output. It draws outlined text in the same font (Anton) at a fixed
 * size with {@code -annotate}, ImageMagick's cheapest text path (no wrapping or fitting, which spool does), and
 * captions every frame of the GIF ({@code -coalesce}, then {@code -layers Optimize}).
 */
final class ImageMagick implements CaptionMaker {
    static final Path CONVERT = Path.of("/usr/bin/convert");   // /usr/local/bin may hold a stand-in

    private final Path dir;
    private final Path font;
    private final Map<Workload, Path> templates = new EnumMap<>(Workload.class);
    private final Map<Workload, Integer> pointSize = new EnumMap<>(Workload.class);

    /** {@code templateBytes} and {@code heights}: each workload's template, as the service serves it. */
    ImageMagick(Map<Workload, byte[]> templateBytes, Map<Workload, Integer> heights, byte[] fontBytes)
            throws IOException {
        dir = Files.createTempDirectory("spool-bench-magick");
        font = Files.write(dir.resolve("anton.ttf"), fontBytes);
        for (Workload w : Workload.values()) {
            templates.put(w, Files.write(dir.resolve(w.template + "." + w.extension), templateBytes.get(w)));
            pointSize.put(w, Math.max(12, heights.get(w) / 9));
        }
    }

    /** Fails with what to install unless a real ImageMagick {@code convert} is there. */
    static String version() throws IOException, InterruptedException {
        if (!Files.isExecutable(CONVERT)) {
            throw new IllegalStateException("./spool bench memes needs ImageMagick's convert at " + CONVERT
                    + ": apt-get install imagemagick");
        }
        Process p = new ProcessBuilder(CONVERT.toString(), "-version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().findFirst().orElse("?").replace("Version: ", "");
    }

    @Override
    public String name() {
        return "imagemagick";
    }

    @Override
    public String about() {
        return "convert per caption (" + CONVERT + ")";
    }

    @Override
    public byte[] caption(Workload w, String top, String bottom) throws IOException, InterruptedException {
        int size = pointSize.get(w);
        List<String> cmd = new ArrayList<>(List.of(CONVERT.toString(), templates.get(w).toString()));
        if (w == Workload.GIF) {
            cmd.add("-coalesce");
        }
        cmd.addAll(List.of("-font", font.toString(), "-pointsize", Integer.toString(size),
                "-fill", "white", "-stroke", "black", "-strokewidth", Integer.toString(Math.max(2, size / 12)),
                "-gravity", "north", "-annotate", "+0+8", top,
                "-gravity", "south", "-annotate", "+0+8", bottom));
        if (w == Workload.GIF) {
            cmd.addAll(List.of("-layers", "Optimize"));
        }
        cmd.add(w.extension + ":-");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] image = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        if (code != 0 || image.length == 0) {
            throw new IOException(String.join(" ", cmd) + " exited with " + code);
        }
        return image;
    }

    @Override
    public void close() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
