package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG writer for 8-bit images: the narrowest colour type that holds the pixels exactly (grey, grey and
 * alpha, RGB or RGBA; alpha only when some pixel is not opaque; grey only when asked),
 * rows filtered by {@link RowFilter}, one IDAT chunk deflated at {@link #LEVEL}. Reads
 * {@code TYPE_3BYTE_BGR} and {@code TYPE_4BYTE_ABGR} rasters directly, other types through {@code getRGB}. The
 * output depends only on the pixels, so equal images give equal bytes.
 */
final class PngEncoder {
    /** zlib level: with "up" filtering, 2 is faster than ImageIO's 4 and gives smaller files than it did. */
    static final int LEVEL = 2;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final int GREY = 0;
    private static final int RGB = 2;
    private static final int GREY_ALPHA = 4;
    private static final int RGBA = 6;

    private PngEncoder() {
    }

    /**
     * Encodes {@code image} without the grey colour types: ImageIO reads 8-bit grey PNGs into a linear grey colour
     * space, so Java clients (and our tests) would see other colours than browsers do; RGB reads alike everywhere.
     */
    static byte[] encode(BufferedImage image) {
        return encode(image, false);
    }

    /** Encodes {@code image}, as grey (with alpha if needed) when {@code greyWhenPossible} and every pixel is. */
    static byte[] encode(BufferedImage image, boolean greyWhenPossible) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] abgr = abgr(image); // 4 bytes a pixel, alpha first, or 3 (b, g, r) when pixelStride is 3
        int stride = image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 4;
        boolean alpha = stride == 4 && !opaque(abgr);
        boolean grey = greyWhenPossible && grey(abgr, stride);
        int channels = (grey ? 1 : 3) + (alpha ? 1 : 0);
        int colourType = grey ? (alpha ? GREY_ALPHA : GREY) : (alpha ? RGBA : RGB);
        byte[] raw = new byte[width * channels * height];
        pack(abgr, stride, raw, channels, grey, alpha);
        byte[] filtered = RowFilter.filter(raw, width * channels, height);

        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 1024);
        out.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, width);
        putInt(header, 4, height);
        header[8] = 8;
        header[9] = (byte) colourType;
        chunk(out, "IHDR", header, header.length);
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(filtered);
            deflater.finish();
            byte[] compressed = new byte[Math.max(1024, filtered.length / 2)];
            int length = 0;
            while (!deflater.finished()) {
                if (length == compressed.length) {
                    compressed = java.util.Arrays.copyOf(compressed, compressed.length * 2);
                }
                length += deflater.deflate(compressed, length, compressed.length - length);
            }
            chunk(out, "IDAT", compressed, length);
        } finally {
            deflater.end();
        }
        chunk(out, "IEND", new byte[0], 0);
        return out.toByteArray();
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

    /** Source pixels (a)bgr → PNG order: grey or r, g, b, then alpha when kept. */
    private static void pack(byte[] src, int stride, byte[] dst, int channels, boolean grey, boolean alpha) {
        int c = stride - 3;
        for (int i = 0, j = 0; i < src.length; i += stride, j += channels) {
            if (grey) {
                dst[j] = src[i + c];
            } else {
                dst[j] = src[i + c + 2];
                dst[j + 1] = src[i + c + 1];
                dst[j + 2] = src[i + c];
            }
            if (alpha) {
                dst[j + channels - 1] = src[i];
            }
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data, int length) {
        byte[] head = new byte[8];
        putInt(head, 0, length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, head, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data, 0, length);
        out.writeBytes(head);
        out.write(data, 0, length);
        byte[] tail = new byte[4];
        putInt(tail, 0, (int) crc.getValue());
        out.writeBytes(tail);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
