package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.model.ImageFormat;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Drawing on byte rasters (what PNG and JPEG now use) gives the pixels and files the int rasters gave. */
class ByteRasterTest {
    private static BufferedImage drawn(int type) {
        BufferedImage image = Template.convert(TestImages.solid(200, 120, TestImages.GREY), 200, 120, type);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Float(20, 10, 150, 90));
        g.setColor(Color.WHITE);
        g.fill(new Ellipse2D.Float(20, 10, 150, 90));
        g.dispose();
        return image;
    }

    @Test
    void jpegFromAThreeByteRasterMatchesTheIntRasterPath() {
        BufferedImage ints = drawn(BufferedImage.TYPE_INT_RGB);
        BufferedImage bytes = drawn(BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage a = TestImages.read(ImageEncoder.encode(List.of(new Frame(ints, 0, "none")), ImageFormat.JPEG, -1));
        BufferedImage b = TestImages.read(ImageEncoder.encode(List.of(new Frame(bytes, 0, "none")), ImageFormat.JPEG, -1));
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 200; x++) {
                assertThat(bytes.getRGB(x, y)).isEqualTo(ints.getRGB(x, y));
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    assertThat(Math.abs((p >> shift & 255) - (q >> shift & 255))).isLessThanOrEqualTo(2);
                }
            }
        }
    }

    @Test
    void copiesAreWholeAndIndependent() {
        BufferedImage source = drawn(BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage copy = Pixels.copy(source);
        assertThat(copy.getType()).isEqualTo(source.getType());
        assertThat(copy.getRGB(100, 60)).isEqualTo(source.getRGB(100, 60));
        copy.setRGB(100, 60, 0xFF0000);
        assertThat(source.getRGB(100, 60)).isNotEqualTo(copy.getRGB(100, 60));
        BufferedImage ints = drawn(BufferedImage.TYPE_INT_ARGB);
        assertThat(Pixels.copy(ints).getRGB(5, 5)).isEqualTo(ints.getRGB(5, 5));
    }
}
