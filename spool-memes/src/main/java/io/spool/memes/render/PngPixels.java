package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * An image's pixels as PNG lays them out: the narrowest colour type that holds them exactly (grey, grey and alpha,
 * RGB or RGBA; alpha only when some pixel is not opaque; grey only when asked), packed a row at a time and
 * filtered by {@link RowFilter}. Reads {@code TYPE_3BYTE_BGR} and {@code TYPE_4BYTE_ABGR} rasters in place, other
 * types through one {@code getRGB} copy.
 */
final class PngPixels {
    static final int GREY = 0;
    static final int RGB = 2;
    static final int GREY_ALPHA = 4;
    static final int RGBA = 6;

    final int width;
    final int height;
    final int channels;
    final int colourType;
    private final byte[] abgr; // 4 bytes a pixel, alpha first, or 3 (b, g, r) when stride is 3
    private final int stride;
    private final boolean grey;
    private final boolean alpha;

    private PngPixels(int width, int height, byte[] abgr, int stride, boolean grey, boolean alpha) {
        this.width = width;
        this.height = height;
        this.abgr = abgr;
        this.stride = stride;
        this.grey = grey;
        this.alpha = alpha;
        this.channels = (grey ? 1 : 3) + (alpha ? 1 : 0);
        this.colourType = grey ? (alpha ? GREY_ALPHA : GREY) : (alpha ? RGBA : RGB);
    }

    /** {@code image}'s pixels, as grey (with alpha if needed) when {@code greyWhenPossible} and every pixel is. */
    static PngPixels of(BufferedImage image, boolean greyWhenPossible) {
        byte[] abgr = abgr(image);
        int stride = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
        boolean alpha = stride == 4 && !opaque(abgr);
        return new PngPixels(image.getWidth(), image.getHeight(), abgr, stride, greyWhenPossible && grey(abgr, stride),
                alpha);
    }

    int rowBytes() {
        return width * channels;
    }

    /**
     * Writes rows [{@code from}, {@code to}) as scanlines, each after its filter byte, "up" from the row above, to
     * the start of {@code out}.
     */
    void scanlines(int from, int to, byte[] out) {
        if (!grey && !alpha && stride == 3) {
            bgrScanlines(from, to, out);
            return;
        }
        int rowBytes = rowBytes();
        byte[] above = new byte[rowBytes]; // zeros above the image
        byte[] row = new byte[rowBytes];
        if (from > 0) {
            pack(from - 1, above);
        }
        for (int y = from, at = 1; y < to; y++, at += rowBytes + 1) {
            pack(y, row);
            out[at - 1] = RowFilter.UP;
            RowFilter.up(row, above, out, at);
            byte[] swap = above;
            above = row;
            row = swap;
        }
    }

    /**
     * The photographs' case, packing and filtering in one pass straight from the {@code TYPE_3BYTE_BGR} raster: "up"
     * is a difference per byte, so it can be taken before the bytes of a pixel are put in RGB order.
     */
    private void bgrScanlines(int from, int to, byte[] out) {
        int rowBytes = 3 * width;
        for (int y = from, at = 0; y < to; y++, at += rowBytes + 1) {
            out[at] = RowFilter.UP;
            int o = at + 1;
            int i = y * rowBytes;
            if (y == 0) { // zeros above the image
                for (int j = 0; j < rowBytes; j += 3) {
                    out[o + j] = abgr[i + j + 2];
                    out[o + j + 1] = abgr[i + j + 1];
                    out[o + j + 2] = abgr[i + j];
                }
                continue;
            }
            int u = i - rowBytes;
            for (int j = 0; j < rowBytes; j += 3) {
                out[o + j] = (byte) (abgr[i + j + 2] - abgr[u + j + 2]);
                out[o + j + 1] = (byte) (abgr[i + j + 1] - abgr[u + j + 1]);
                out[o + j + 2] = (byte) (abgr[i + j] - abgr[u + j]);
            }
        }
    }

    /** Row {@code y} in PNG order: grey or r, g, b, then alpha when kept. */
    private void pack(int y, byte[] dst) {
        int c = stride - 3;
        int i = y * width * stride;
        for (int j = 0; j < dst.length; i += stride, j += channels) {
            if (grey) {
                dst[j] = abgr[i + c];
            } else {
                dst[j] = abgr[i + c + 2];
                dst[j + 1] = abgr[i + c + 1];
                dst[j + 2] = abgr[i + c];
            }
            if (alpha) {
                dst[j + channels - 1] = abgr[i];
            }
        }
    }

    private static byte[] abgr(BufferedImage image) {
        int type = image.getType();
        if (type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_4BYTE_ABGR) {
            return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        }
        int width = image.getWidth();
        int height = image.getHeight();
        int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
        byte[] bytes = new byte[argb.length * 4];
        for (int i = 0, j = 0; i < argb.length; i++, j += 4) {
            int p = argb[i];
            bytes[j] = (byte) (p >>> 24);
            bytes[j + 1] = (byte) p;
            bytes[j + 2] = (byte) (p >> 8);
            bytes[j + 3] = (byte) (p >> 16);
        }
        return bytes;
    }

    private static boolean opaque(byte[] abgr) {
        for (int i = 0; i < abgr.length; i += 4) {
            if (abgr[i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static boolean grey(byte[] pixels, int stride) {
        int first = stride - 3; // blue
        for (int i = first; i < pixels.length; i += stride) {
            if (pixels[i] != pixels[i + 1] || pixels[i] != pixels[i + 2]) {
                return false;
            }
        }
        return true;
    }
}
