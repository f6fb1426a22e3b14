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
 * rounding), so a glyph composited from {@link GlyphMask}s matches one filled by {@code Graphics2D}.
 * Handles 3-byte interleaved RGB in any byte order and {@code TYPE_INT_RGB}; {@link #of} is null for other images.
 */
abstract sealed class MaskCompositor {
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
     * Paints {@code rgb} (0xRRGGBB) through {@code mask} placed with its first pixel at ({@code x}, {@code y});
     * the parts outside the image, and each row's pixels outside its non-zero span, are skipped.
     */
    final void blend(Coverage mask, int x, int y, int rgb) {
        int[] spans = mask.spans();
        int y0 = Math.max(0, -y);
        int y1 = Math.min(mask.height(), height - y);
        for (int my = y0; my < y1; my++) {
            int from = Math.max(spans[2 * my], -x);
            int to = Math.min(spans[2 * my + 1], width - x);
            if (from < to) {
                row(mask.alpha(), my * mask.width(), from, to, x, y + my, rgb);
            }
        }
    }

    /**
     * Composites mask pixels {@code mask[m + from]} to {@code mask[m + to - 1]} onto image row {@code y}, from
     * column {@code x + from}.
     */
    abstract void row(byte[] mask, int m, int from, int to, int x, int y, int rgb);

    /** a·src/255 + (255-a)·dst/255, rounded as Java2D does, for coverage {@code a} from 1 to 254. */
    static int mix(int a, int src, int dst) {
        return mul8(a, src) + mul8(255 - a, dst);
    }

    /**
     * a·b/255 rounded as Java2D's {@code mul8table} has it, computed rather than looked up: the 64 KiB table
     * missed the processor's first-level cache on most antialiased pixels. The sum stays below 2^32, so the
     * unsigned shift is exact.
     */
    static int mul8(int a, int b) {
        return (a * 0x010101 * b + (1 << 23)) >>> 24;
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

        @Override
        void row(byte[] mask, int m, int from, int to, int x, int y, int rgb) {
            int red = rgb >> 16 & 0xFF;
            int green = rgb >> 8 & 0xFF;
            int blue = rgb & 0xFF;
            for (int k = from, i = y * stride + (x + from) * 3; k < to; k++, i += 3) {
                int a = mask[m + k] & 0xFF;
                if (a == 255) {
                    data[i + r] = (byte) red;
                    data[i + g] = (byte) green;
                    data[i + b] = (byte) blue;
                } else if (a != 0) {
                    data[i + r] = (byte) mix(a, red, data[i + r] & 0xFF);
                    data[i + g] = (byte) mix(a, green, data[i + g] & 0xFF);
                    data[i + b] = (byte) mix(a, blue, data[i + b] & 0xFF);
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
        void row(byte[] mask, int m, int from, int to, int x, int y, int rgb) {
            for (int k = from, i = y * stride + x + from; k < to; k++, i++) {
                int a = mask[m + k] & 0xFF;
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
