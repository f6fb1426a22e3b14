package io.spool.bench.memes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.render.Renderer;
import io.spool.memes.render.RendererConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/**
 * The sharp and Pillow servers start and caption each format as the service does: right format and size, the
 * text shows, and the top caption's ink is as wide as spool-memes' own render of it (same font, same size rules;
 * a fallback font would be far wider or narrower than condensed Anton). Skipped, saying why, without Node and npm
 * or Debian's python3-pil; the first run installs sharp with npm.
 */
class ScriptServersTest {
    private static final String TOP = Workload.top(7);
    private static final java.nio.file.Path SYSTEM_FONTS = java.nio.file.Path.of("/etc/fonts/fonts.conf");
    private static final String BOTTOM = Workload.bottom(7);

    private static Renderer renderer;
    private static BenchAssets assets;
    private static final Map<Workload, OutputCheck.Ink> SPOOL = new EnumMap<>(Workload.class);

    @BeforeAll
    static void spoolMemesRendersTheReference() throws Exception {
        renderer = Renderer.create(RendererConfig.DEFAULT);
        Map<Workload, byte[]> templates = new EnumMap<>(Workload.class);
        for (Workload w : Workload.values()) {
            templates.put(w, renderer.template(w.template).bytes());
        }
        assets = BenchAssets.of(templates);
        for (Workload w : Workload.values()) {
            ObjectNode tree = JsonNodeFactory.instance.objectNode().put("template", w.template).put("format", w.format);
            tree.putArray("captions").add(TOP).add(BOTTOM);
            byte[] image = renderer.render(CaptionRequest.parse(tree)).bytes();
            SPOOL.put(w, OutputCheck.startUp("spool-memes", w, image, assets.firstFrame(w)));
        }
    }

    @AfterAll
    static void removeAssets() throws IOException {
        assets.close();
    }

    @Test
    void sharpCaptionsInAntonLikeTheService() throws Exception {
        assumeNode();
        try (Sharp sharp = Sharp.start(assets, 2, EncoderSettings.SERVICE)) {
            assertThat(sharp.about()).contains("sharp 0.35.6", "libvips", "cluster of 2 workers");
            captionsLikeTheService(sharp);
        }
    }

    @Test
    void theWidthCheckCatchesSharpFallingBackToAnotherFont() throws Exception {
        assumeNode();
        Assumptions.assumeTrue(java.nio.file.Files.exists(SYSTEM_FONTS), "no " + SYSTEM_FONTS + " to fall back with");
        // the system's fonts.conf does not know the bench's Anton: fontconfig hands librsvg another font
        try (ScriptServer server = ScriptServer.start("sharp-fallback", ScriptContender.command("node", Sharp.SCRIPT, 1,
                assets, EncoderSettings.SERVICE), Sharp.PACKAGES.ensure(), Map.of("FONTCONFIG_FILE", SYSTEM_FONTS.toString()));
             CaptionClient client = new CaptionClient(server.port())) {
            OutputCheck.Ink ink = OutputCheck.ink(assets.firstFrame(Workload.JPEG),
                    ImageIO.read(new ByteArrayInputStream(client.caption(Workload.JPEG, TOP, BOTTOM))));
            int spoolWidth = SPOOL.get(Workload.JPEG).topWidth();
            assertThat(ink.topWidth()).as("%s; spool-memes' %s", ink, SPOOL.get(Workload.JPEG))
                    .isNotCloseTo(spoolWidth, withPercentage(10));
        }
    }

    @Test
    void pillowCaptionsInAntonLikeTheService() throws Exception {
        Assumptions.assumeTrue(Pillow.installed(), "Debian's python3-pil is not installed (apt-get install "
                + "python3-pil): " + Pillow.PYTHON + " cannot import PIL");
        try (Pillow pillow = Pillow.start(assets, 2, EncoderSettings.SERVICE)) {
            assertThat(pillow.about()).contains("Pillow", "processes 2");
            captionsLikeTheService(pillow);
        }
    }

    private static void assumeNode() throws InterruptedException {
        for (String tool : new String[] {"node", "npm"}) {
            try {
                new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor();
            } catch (IOException e) {
                Assumptions.abort(tool + " is not installed, so sharp cannot run: " + e.getMessage());
            }
        }
    }

    private static void captionsLikeTheService(CaptionMaker maker) throws Exception {
        double cpuBefore = maker.cpuSeconds();
        for (Workload w : Workload.values()) {
            byte[] image = maker.caption(w, TOP, BOTTOM);
            OutputCheck.Ink ink = OutputCheck.startUp(maker.name(), w, image, assets.firstFrame(w));
            int spoolWidth = SPOOL.get(w).topWidth();
            assertThat(ink.topWidth()).as("%s %s: %s; spool-memes' %s", maker.name(), w, ink, SPOOL.get(w))
                    .isBetween((int) (spoolWidth * 0.9), (int) (spoolWidth * 1.1));
            assertThat(ImageIO.getImageReaders(ImageIO.createImageInputStream(new ByteArrayInputStream(image))))
                    .as("ImageIO reads it").hasNext();
        }
        assertThat(maker.cpuSeconds()).as("CPU of its processes").isGreaterThan(cpuBefore);
    }
}
