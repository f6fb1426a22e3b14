package io.spool.bench.memes;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What every contender captions from, in a temporary folder: each workload's template as the service serves it,
 * and spool-memes' caption font (Anton, {@code anton.ttf} of its assets) alone in a {@code fonts} folder, with a
 * {@code fonts.conf} naming only that folder, so a contender that finds its font through fontconfig (librsvg,
 * for sharp's SVG text) gets Anton or nothing, never a fallback.
 */
final class BenchAssets implements AutoCloseable {
    static final String FONT_RESOURCE = "/io/spool/memes/assets/fonts/anton.ttf";

    final Path dir;
    final Path font;
    final Path fontsConf;
    private final Map<Workload, Path> templates = new EnumMap<>(Workload.class);
    private final Map<Workload, BufferedImage> firstFrames = new EnumMap<>(Workload.class);

    private BenchAssets(Path dir) throws IOException {
        this.dir = dir;
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        try (InputStream in = BenchAssets.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the Anton font is not on the class path (spool-memes)");
            }
            font = Files.write(fonts.resolve("anton.ttf"), in.readAllBytes());
        }
        fontsConf = Files.writeString(dir.resolve("fonts.conf"), """
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
                <fontconfig>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(fonts, dir.resolve("fontcache")));
    }

    /** The templates as {@code spool} serves them ({@code GET /templates/NAME}). */
    static BenchAssets from(SpoolMemes spool) throws IOException, InterruptedException {
        Map<Workload, byte[]> images = new EnumMap<>(Workload.class);
        for (Workload w : Workload.values()) {
            images.put(w, spool.get("/templates/" + w.template));
        }
        return of(images);
    }

    /** These templates' bytes, one for each workload. */
    static BenchAssets of(Map<Workload, byte[]> images) throws IOException {
        BenchAssets assets = new BenchAssets(Files.createTempDirectory("spool-bench-memes"));
        for (Workload w : Workload.values()) {
            byte[] image = images.get(w);
            assets.templates.put(w, Files.write(assets.dir.resolve(w.template + "." + w.extension), image));
            assets.firstFrames.put(w, ImageIO.read(new ByteArrayInputStream(image)));
        }
        return assets;
    }

    Path template(Workload w) {
        return templates.get(w);
    }

    /** The template's first frame, as decoded by ImageIO. */
    BufferedImage firstFrame(Workload w) {
        return firstFrames.get(w);
    }

    /** {@code NAME=FILE} for each template, as the contenders' server scripts take them. */
    List<String> templateArguments() {
        return templates.entrySet().stream().map(e -> e.getKey().template + "=" + e.getValue()).toList();
    }

    @Override
    public void close() throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
