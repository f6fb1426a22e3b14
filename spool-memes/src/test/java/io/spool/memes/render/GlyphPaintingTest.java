package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.CaptionRequest;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Captions painted from cached glyph masks against the reference: the same lines' outlines stroked and filled
 * by {@code Graphics2D} as one shape, as the renderer did before the cache. Glyphs move by at most 1/16 pixel
 * (sub-pixel steps of 1/8) and neighbouring glyphs' antialiased edges blend one after the other rather than as one
 * shape, so pixels on glyph edges differ a little; the tolerance is stated in {@link #assertClose}.
 */
class GlyphPaintingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FontCache FONTS = new FontCache(AssetStore.fonts(null), 16L << 20);
    private static final AssetStore TEMPLATES = AssetStore.templates(null);

    @Test
    void masksMatchTheOutlinePathOnEveryTemplateFontSizeAndAlignment() throws Exception {
        GlyphMasks masks = new GlyphMasks(16L << 20);
        String[][] texts = {
                {"anton", "When the build is green 1234", "ship it"},
                {"anton", "AVATAR To fi fl WAVE 'quoted' (x)", "left aligned, two lines maybe, or three of them"},
                {"dejavu-sans-bold", "Привет, мир — Ωμέγα", "ÄÖÜ ß ÉÈ çà ñ"},
        };
        String[] sizes = {"fit", "shrink", "17", "41.3"};
        String[] aligns = {"left", "center", "right"};
        int cases = 0;
        for (String name : TEMPLATES.names()) {
            BufferedImage base = TestImages.template(name);
            for (String[] text : texts) {
                for (int i = 0; i < sizes.length; i++) {
                    String align = aligns[(cases + i) % aligns.length];
                    List<PaintedText> captions = layout(base, text, sizes[i], align);
                    assertThat(captions).allSatisfy(c -> assertThat(c.lines()).allSatisfy(
                            l -> assertThat(l.run()).as("a line of the caption's own font is painted from masks")
                                    .isNotNull()));
                    BufferedImage fast = Pixels.copy(base);
                    BufferedImage reference = Pixels.copy(base);
                    for (PaintedText c : captions) {
                        c.paint(fast, masks);
                        paintOutlines(reference, c);
                    }
                    assertClose(fast, reference, name + " " + text[0] + " size " + sizes[i] + " " + align);
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(TEMPLATES.names().size() * texts.length * sizes.length);
    }

    @Test
    void oneGlyphOnAStepIsPaintedExactlyAsByGraphics2D() throws Exception {
        BufferedImage base = TestImages.solid(120, 90, TestImages.GREY);
        BufferedImage converted = Template.convert(base, 120, 90, BufferedImage.TYPE_3BYTE_BGR);
        List<PaintedText> captions = layout(converted, new String[] {"anton", "g", ""}, "50", "left");
        PaintedText g = captions.getFirst();
        PaintedText.Line line = g.lines().getFirst();
        // move the line so its glyph's origin falls exactly on a sub-pixel step
        float x = 10 + 3f / GlyphMasks.PHASES;
        float y = 60 + 5f / GlyphMasks.PHASES;
        GlyphRun run = GlyphRun.of(line.layout(), "g", line.run().base(), line.run().sized(), x, y);
        PaintedText moved = new PaintedText(List.of(new PaintedText.Line(line.layout(), x, y, run, List.of())), g.fill(),
                g.outline(), g.strokeWidth());
        BufferedImage fast = Pixels.copy(converted);
        BufferedImage reference = Pixels.copy(converted);
        moved.paint(fast, new GlyphMasks(1L << 20));
        paintOutlines(reference, moved);
        assertThat(maxDifference(fast, reference)).isLessThanOrEqualTo(1);
    }

    @Test
    void textNeedingFallbackFontsOrRightToLeftKeepsTheOutlinePath() throws Exception {
        BufferedImage canvas = new BufferedImage(300, 200, BufferedImage.TYPE_3BYTE_BGR);
        assertThat(layout(canvas, new String[] {"anton", "Привет", ""}, "30", "center").getFirst().lines().getFirst().run())
                .as("Anton has no Cyrillic: the line mixes in the fallback font").isNull();
        assertThat(layout(canvas, new String[] {"dejavu-sans-bold", "שלום עולם", ""}, "30", "center").getFirst()
                .lines().getFirst().run()).as("right to left").isNull();
        // painted anyway, by Graphics2D
        BufferedImage image = Pixels.copy(canvas);
        for (PaintedText c : layout(canvas, new String[] {"anton", "Привет", "שלום"}, "30", "center")) {
            c.paint(image, new GlyphMasks(1L << 20));
        }
        assertThat(maxDifference(image, canvas)).isEqualTo(255);
    }

    /**
     * Over the whole image, mean difference (per channel, 0–255) at most 1.5 and at most 2% of the pixels off by
     * more than 16: only antialiased glyph edges differ, by a fraction of the edge's contrast.
     */
    private static void assertClose(BufferedImage fast, BufferedImage reference, String what) {
        long sum = 0;
        long far = 0;
        int pixels = fast.getWidth() * fast.getHeight();
        for (int y = 0; y < fast.getHeight(); y++) {
            for (int x = 0; x < fast.getWidth(); x++) {
                int d = difference(fast.getRGB(x, y), reference.getRGB(x, y));
                sum += d;
                far += d > 16 ? 1 : 0;
            }
        }
        assertThat(sum / (double) pixels).as(what + ": mean difference").isLessThanOrEqualTo(1.5);
        assertThat(far / (double) pixels).as(what + ": share of pixels off by more than 16").isLessThanOrEqualTo(0.02);
    }

    static int maxDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                max = Math.max(max, difference(a.getRGB(x, y), b.getRGB(x, y)));
            }
        }
        return max;
    }

    /** The largest difference of the three colour channels. */
    private static int difference(int p, int q) {
        int d = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            d = Math.max(d, Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF)));
        }
        return d;
    }

    /** The reference: every line's outline in one shape, stroked then filled by Graphics2D. */
    private static void paintOutlines(BufferedImage image, PaintedText caption) {
        Path2D.Float shape = new Path2D.Float();
        for (PaintedText.Line line : caption.lines()) {
            shape.append(line.layout().getOutline(AffineTransform.getTranslateInstance(line.x(), line.baseline())),
                    false);
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        if (caption.outline() != null) {
            g.setColor(caption.outline());
            g.setStroke(new BasicStroke(caption.strokeWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(shape);
        }
        g.setColor(caption.fill());
        g.fill(shape);
        g.dispose();
    }

    /** {@code text}: font, top caption, bottom caption (left out when empty). */
    private static List<PaintedText> layout(BufferedImage canvas, String[] text, String size, String align)
            throws Exception {
        List<ObjectNode> captions = new ArrayList<>();
        for (int i = 1; i < text.length; i++) {
            if (!text[i].isEmpty()) {
                ObjectNode c = JSON.createObjectNode().put("text", text[i]).put("font", text[0]).put("halign", align)
                        .put("valign", i == 1 ? "top" : "bottom");
                c.set("size", size.matches("[0-9.]+") ? JSON.getNodeFactory().numberNode(Double.parseDouble(size))
                        : JSON.getNodeFactory().textNode(size));
                captions.add(c);
            }
        }
        ObjectNode request = JSON.createObjectNode().put("template", "chelsea");
        request.putArray("captions").addAll(captions);
        return new CaptionLayout(canvas.getWidth(), canvas.getHeight(), FONTS)
                .layout(CaptionRequest.parse(request).captions());
    }
}
