package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes a captioned frame as PNG by deflating only the bands ({@link PngBands}) the captions changed: the rest
 * comes from the template frame's bands, made once. Compares the frame with the template's pixels to find them
 * (a band also changes with the band before it, its deflate dictionary, and the row above that, which
 * the band before's first row is filtered against); the bytes equal those
 * of {@link PngEncoder#encode(BufferedImage)} of the whole frame.
 */
final class CaptionPng {
    private CaptionPng() {
    }

    /**
     * {@code image}, a copy of {@code base} ({@code TYPE_3BYTE_BGR}, same size) with captions painted on it, given
     * {@code baseBands}, the bands of {@code base}.
     */
    static byte[] encode(BufferedImage image, BufferedImage base, PngBands baseBands) {
        byte[] now = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] was = ((DataBufferByte) base.getRaster().getDataBuffer()).getData();
        int rowBytes = 3 * image.getWidth();
        PngPixels pixels = PngPixels.of(image, false);
        List<PngBands.Band> bands = new ArrayList<>(baseBands.bands());
        Deflater deflater = null;
        try {
            for (int i = 0; i < bands.size(); i++) {
                int from = Math.max(0, (i - 1) * PngBands.ROWS - 1) * rowBytes;
                int to = Math.min(now.length, (i + 1) * PngBands.ROWS * rowBytes);
                if (Arrays.equals(now, from, to, was, from, to)) {
                    continue;
                }
                if (deflater == null) {
                    deflater = new Deflater(PngBands.LEVEL, true);
                }
                bands.set(i, PngBands.band(pixels, i, deflater));
            }
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
        return new PngBands(baseBands.head(), bands).bytes();
    }
}
