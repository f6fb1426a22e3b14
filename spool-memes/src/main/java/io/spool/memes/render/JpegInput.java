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
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = new byte[bgr.length];
        for (int i = 0; i + 2 < bgr.length; i += 3) {
            rgb[i] = bgr[i + 2];
            rgb[i + 1] = bgr[i + 1];
            rgb[i + 2] = bgr[i];
        }
        int w = image.getWidth();
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(rgb, rgb.length), w,
                image.getHeight(), 3 * w, 3, new int[] {0, 1, 2}, null);
        return new BufferedImage(RGB, raster, false, null);
    }
}
