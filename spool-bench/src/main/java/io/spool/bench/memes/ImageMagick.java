package io.spool.bench.memes;

import io.spool.bench.ProcessTree;

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

    private final BenchAssets assets;
    private final String version;
    private final Map<Workload, Integer> pointSize = new EnumMap<>(Workload.class);

    /** {@code version}: what {@link #version()} said. */
    ImageMagick(BenchAssets assets, String version) {
        this.assets = assets;
        this.version = version;
        for (Workload w : Workload.values()) {
            pointSize.put(w, Math.max(12, assets.firstFrame(w).getHeight() / 9));
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
        return version + ", one " + CONVERT + " per caption, fixed point size, -annotate";
    }

    @Override
    public byte[] caption(Workload w, String top, String bottom) throws IOException, InterruptedException {
        int size = pointSize.get(w);
        List<String> cmd = new ArrayList<>(List.of(CONVERT.toString(), assets.template(w).toString()));
        if (w == Workload.GIF) {
            cmd.add("-coalesce");
        }
        cmd.addAll(List.of("-font", assets.font.toString(), "-pointsize", Integer.toString(size),
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

    /** The convert processes this JVM has started and reaped (the other contenders' processes live on). */
    @Override
    public double cpuSeconds() {
        return ProcessTree.reapedChildrenSeconds(ProcessHandle.current().pid());
    }

    @Override
    public boolean fitsTextLikeSpool() {
        return false;   // a fixed point size on one line
    }

    @Override
    public void close() {
        // the assets are the bench's
    }
}
