package io.spool.memes.render;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * The image handed to the JPEG writer: 8-bit RGB bytes in R, G, B order. ImageIO's JPEG writer copies its input
 * one row at a time into a raster of that order; from {@code TYPE_3BYTE_BGR} (bands stored backwards) the copy
 * goes pixel by pixel through generic Raster calls, from R, G, B order it is one array copy per row.
 */
final class JpegInput {
    private static final ComponentColorModel RGB = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    private JpegInput() {
    }

    /** {@code image} as R, G, B bytes: a swapped copy of a {@code TYPE_3BYTE_BGR} image, any other image as is. */
    static BufferedImage of(BufferedImage image) {
        return image.getType() != BufferedImage.TYPE_3BYTE_BGR ? image : of(image, 0, image.getHeight());
    }

    /** Rows [{@code from}, {@code to}) of {@code image} ({@code TYPE_3BYTE_BGR} or opaque) as R, G, B bytes. */
    static BufferedImage of(BufferedImage image, int from, int to) {
        int w = image.getWidth();
        to = Math.min(to, image.getHeight());
        byte[] rgb = new byte[3 * w * (to - from)];
        if (image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0, j = 3 * w * from; i < rgb.length; i += 3, j += 3) {
                rgb[i] = bgr[j + 2];
                rgb[i + 1] = bgr[j + 1];
                rgb[i + 2] = bgr[j];
            }
        } else {
            int[] row = new int[w];
            for (int y = from, i = 0; y < to; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                for (int p : row) {
                    rgb[i++] = (byte) (p >> 16);
                    rgb[i++] = (byte) (p >> 8);
                    rgb[i++] = (byte) p;
                }
            }
        }
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), w,
                to - from, 3 * w, 3, new int[] {0, 1, 2}, null);
        return new BufferedImage(RGB, raster, false, null);
    }
}
