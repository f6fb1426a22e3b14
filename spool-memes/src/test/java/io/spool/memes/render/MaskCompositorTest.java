package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both compositors' row loops (over each mask row's covered span) against a plain pixel-by-pixel blend with Java2D's
 * arithmetic, edges included, and that arithmetic against Java2D's own table.
 */
class MaskCompositorTest {
    @Test
    void byteAndIntRastersBlendAsOnePixelAtATime() {
        Random random = new Random(29);
        int width = 50;
        int height = 40;
        BufferedImage bgr = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        BufferedImage reference = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = random.nextInt() & 0xFFFFFF;
                bgr.setRGB(x, y, p);
                rgb.setRGB(x, y, p);
                reference.setRGB(x, y, p);
            }
        }
        MaskCompositor onBytes = MaskCompositor.of(bgr);
        MaskCompositor onInts = MaskCompositor.of(rgb);
        for (int round = 0; round < 300; round++) {
            int mw = 1 + random.nextInt(30);
            int mh = 1 + random.nextInt(30);
            byte[] mask = new byte[mw * mh];
            for (int i = 0; i < mask.length; i++) { // uncovered and fully covered pixels are the common ones
                int kind = random.nextInt(3);
                mask[i] = (byte) (kind == 0 ? 0 : kind == 1 ? 255 : 1 + random.nextInt(254));
            }
            int x = random.nextInt(width + 40) - 20; // some masks hang over an edge, some lie outside
            int y = random.nextInt(height + 40) - 20;
            int colour = random.nextInt() & 0xFFFFFF;
            Coverage coverage = Coverage.of(mask, mw, mh);
            onBytes.blend(coverage, x, y, colour);
            onInts.blend(coverage, x, y, colour);
            blendOneByOne(reference, mask, mw, mh, x, y, colour);
        }
        TestImages.assertSameArgb(reference, bgr);
        TestImages.assertSameArgb(reference, rgb);
    }

    @Test
    void mul8IsJavaTwoDsTable() {
        for (int a = 1; a < 256; a++) { // the table as Java2D's AlphaMath.c fills it: a running sum a row
            int increment = a * 0x010101;
            long value = increment + (1 << 23);
            for (int b = 1; b < 256; b++, value += increment) {
                assertThat(MaskCompositor.mul8(a, b)).as("mul8(%d, %d)", a, b).isEqualTo((int) (value >>> 24));
            }
            assertThat(MaskCompositor.mul8(a, 0)).isZero();
            assertThat(MaskCompositor.mul8(0, a)).isZero();
        }
    }

    private static void blendOneByOne(BufferedImage image, byte[] mask, int mw, int mh, int x, int y, int colour) {
        for (int my = 0; my < mh; my++) {
            for (int mx = 0; mx < mw; mx++) {
                int a = mask[my * mw + mx] & 0xFF;
                int px = x + mx;
                int py = y + my;
                if (a == 0 || px < 0 || py < 0 || px >= image.getWidth() || py >= image.getHeight()) {
                    continue;
                }
                int d = image.getRGB(px, py);
                int out = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    out |= MaskCompositor.mix(a, colour >> shift & 0xFF, d >> shift & 0xFF) << shift;
                }
                image.setRGB(px, py, out);
            }
        }
    }
}
