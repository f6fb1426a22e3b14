package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The indexed GIF path: template colours kept exactly, transparency and timing kept, captions added. */
class IndexedGifTest {
    @TempDir
    Path dir;

    private static BufferedImage frame(Color left) {
        BufferedImage image = new BufferedImage(160, 120, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, 80, 120); // the right half stays transparent
        g.setColor(new Color(10, 200, 30));
        g.fillRect(0, 50, 160, 20);
        g.dispose();
        return image;
    }

    @Test
    void captionedFramesKeepTemplateColoursTransparencyAndTiming() throws Exception {
        byte[] template = ImageEncoder.encode(List.of(new Frame(frame(new Color(200, 40, 40)), 4, "restoreToBackgroundColor"),
                new Frame(frame(new Color(40, 40, 200)), 9, "restoreToBackgroundColor")), ImageFormat.GIF, 0);
        Files.write(dir.resolve("half.gif"), template);
        Picture source = ImageDecoder.decode(template, RenderLimits.DEFAULT);
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(dir));
        RenderResult result = renderer.render(CaptionRequest.parse(new ObjectMapper().readTree(
                "{\"template\":\"half\",\"top_text\":\"HELLO\",\"bottom_text\":\"WORLD\"}")));
        Picture out = ImageDecoder.decode(result.bytes(), RenderLimits.DEFAULT);
        assertThat(out.frames()).extracting(Frame::delayCentis).containsExactly(4, 9);
        assertThat(out.frames()).extracting(Frame::disposal).containsOnly("restoreToBackgroundColor");
        assertThat(out.loops()).isZero();
        assertThat(out.alpha()).isTrue();
        for (int f = 0; f < 2; f++) {
            BufferedImage was = source.frames().get(f).image();
            BufferedImage now = out.frames().get(f).image();
            for (int y = 45; y < 75; y++) { // the middle band: no caption, every pixel as in the template
                for (int x = 0; x < 160; x++) {
                    int p = was.getRGB(x, y);
                    int q = now.getRGB(x, y);
                    assertThat(p >>> 24 == 0 ? q >>> 24 : q).isEqualTo(p >>> 24 == 0 ? 0 : p);
                }
            }
            assertThat(now.getRGB(150, 5) >>> 24).isZero(); // transparent corner left so
            assertThat(TestImages.count(now, 0, 40, TestImages::white)).isPositive();
            assertThat(TestImages.count(now, 80, 120, TestImages::white)).isPositive();
        }
    }

    @Test
    void indexerKeepsThePaletteAndAddsCaptionColours() {
        BufferedImage base = frame(new Color(200, 40, 40));
        IndexedFrame indexed = IndexedFrame.of(base);
        assertThat(indexed).isNotNull();
        assertThat(indexed.transparent()).isNotNegative();
        BufferedImage painted = Pixels.copy(base);
        painted.setRGB(10, 10, 0xFFFFFFFF);
        painted.setRGB(11, 10, 0xFF000000);
        painted.setRGB(12, 10, 0xFF808080);
        BufferedImage out = GifIndexer.index(painted, base, indexed, new int[][] {{0xFFFFFFFF, 0xFF000000}});
        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_BYTE_INDEXED);
        IndexColorModel model = (IndexColorModel) out.getColorModel();
        assertThat(model.getTransparentPixel()).isEqualTo(indexed.transparent());
        assertThat(out.getRGB(10, 10)).isEqualTo(0xFFFFFFFF);
        assertThat(out.getRGB(11, 10)).isEqualTo(0xFF000000);
        assertThat(out.getRGB(12, 10) & 0xFFFFFF).isBetween(0x606060, 0xA0A0A0);
        assertThat(out.getRGB(5, 60)).isEqualTo(0xFF0AC81E);
        assertThat(out.getRGB(150, 5) >>> 24).isZero();
    }

    @Test
    void photographsWithMoreThan256ColoursAreLeftToTheQuantizer() {
        BufferedImage busy = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 1600; i++) {
            busy.setRGB(i % 40, i / 40, i * 997);
        }
        assertThat(IndexedFrame.of(busy)).isNull();
    }
}
