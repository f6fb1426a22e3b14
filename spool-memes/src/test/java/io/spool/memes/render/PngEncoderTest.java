package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Random;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
    private static BufferedImage pattern(int type, boolean grey, boolean alpha) {
        BufferedImage image = new BufferedImage(37, 23, type);
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) {
                int v = (x * 7 + y * 13) & 0xFF;
                int rgb = grey ? v * 0x010101 : v << 16 | (255 - v) << 8 | (x * y & 0xFF);
                int a = alpha ? (x + y * 37) % 256 : 255;
                image.setRGB(x, y, a << 24 | rgb);
            }
        }
        return image;
    }

    @Test
    void rgbAndRgbaRoundTripThroughImageIo() {
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            BufferedImage rgb = pattern(type, false, false);
            TestImages.assertSameArgb(rgb, TestImages.read(PngEncoder.encode(rgb)));
        }
        for (int type : new int[] {BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage rgba = pattern(type, false, true);
            BufferedImage back = TestImages.read(PngEncoder.encode(rgba));
            assertThat(back.getColorModel().hasAlpha()).isTrue();
            TestImages.assertSameArgb(rgba, back);
        }
    }

    @Test
    void opaqueAlphaImagesLoseTheAlphaChannelOnly() {
        BufferedImage opaque = pattern(BufferedImage.TYPE_4BYTE_ABGR, false, false);
        BufferedImage back = TestImages.read(PngEncoder.encode(opaque));
        assertThat(back.getColorModel().hasAlpha()).isFalse();
        TestImages.assertSameArgb(opaque, back);
    }

    @Test
    void greyImagesKeepTheirSamplesAsGreyTypes() {
        BufferedImage grey = pattern(BufferedImage.TYPE_3BYTE_BGR, true, false);
        BufferedImage back = TestImages.read(PngEncoder.encode(grey, true));
        assertThat(back.getRaster().getNumBands()).isEqualTo(1);
        BufferedImage greyAlpha = pattern(BufferedImage.TYPE_4BYTE_ABGR, true, true);
        BufferedImage backAlpha = TestImages.read(PngEncoder.encode(greyAlpha, true));
        assertThat(backAlpha.getRaster().getNumBands()).isEqualTo(2);
        Raster r = back.getRaster();
        Raster ra = backAlpha.getRaster();
        for (int y = 0; y < 23; y++) {
            for (int x = 0; x < 37; x++) { // raw samples: ImageIO maps grey through a linear colour space
                assertThat(r.getSample(x, y, 0)).isEqualTo(grey.getRGB(x, y) & 0xFF);
                assertThat(ra.getSample(x, y, 0)).isEqualTo(greyAlpha.getRGB(x, y) & 0xFF);
                assertThat(ra.getSample(x, y, 1)).isEqualTo(greyAlpha.getRGB(x, y) >>> 24);
            }
        }
    }

    @Test
    void equalPixelsGiveEqualBytes() {
        BufferedImage a = TestImages.solid(64, 48, Color.ORANGE);
        BufferedImage b = Template.convert(a, 64, 48, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = b.createGraphics();
        g.dispose();
        assertThat(PngEncoder.encode(b)).isEqualTo(PngEncoder.encode(a)).isEqualTo(PngEncoder.encode(Pixels.copy(b)));
    }

    @Test
    void bandsCombineTheirAdlerChecksumsAsZlibDoes() {
        Random random = new Random(29);
        for (int round = 0; round < 50; round++) {
            byte[] a = new byte[random.nextInt(70_000)];
            byte[] b = new byte[random.nextInt(70_000)];
            random.nextBytes(a);
            random.nextBytes(b);
            Adler32 whole = new Adler32();
            whole.update(a);
            whole.update(b);
            Adler32 first = new Adler32();
            first.update(a);
            Adler32 second = new Adler32();
            second.update(b);
            assertThat(PngBands.combine((int) first.getValue(), (int) second.getValue(), b.length))
                    .isEqualTo((int) whole.getValue());
        }
    }

    @Test
    void aCaptionReusesTheTemplatesBandsAndGivesTheWholeEncodingsBytes() {
        BufferedImage base = pattern(BufferedImage.TYPE_3BYTE_BGR, false, false);
        BufferedImage tall = new BufferedImage(37, 3 * PngBands.ROWS + 5, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = tall.createGraphics();
        g.drawImage(base, 0, 0, null);
        g.drawImage(base, 0, 23, null);
        g.drawImage(base, 0, 46, null);
        g.dispose();
        PngBands bands = PngBands.encode(PngPixels.of(tall, false));
        assertThat(bands.bands()).hasSize(4);
        // the last row of band 0 (band 1's first row is filtered against it) and a row of band 3
        BufferedImage painted = Pixels.copy(tall);
        painted.setRGB(3, PngBands.ROWS - 1, 0xFFFFFF);
        painted.setRGB(30, 3 * PngBands.ROWS + 2, 0x000000);
        byte[] spliced = CaptionPng.encode(painted, ChangedRows.between(painted, tall), bands);
        assertThat(spliced).isEqualTo(PngEncoder.encode(painted)).isNotEqualTo(PngEncoder.encode(tall));
        TestImages.assertSameArgb(painted, TestImages.read(spliced));
        BufferedImage unpainted = Pixels.copy(tall);
        assertThat(CaptionPng.encode(unpainted, ChangedRows.between(unpainted, tall), bands)).isEqualTo(bands.bytes());
    }
}
