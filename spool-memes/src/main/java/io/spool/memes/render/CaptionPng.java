package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Writes a captioned frame as PNG by deflating only the bands ({@link PngBands}) the captions changed: the rest
 * comes from the template frame's bands, made once. Compares the frame with the template's pixels row by row to find
 * them (a band also changes when one of the {@link PngBands#ROWS_ABOVE} rows above it did: its dictionary and the
 * row its first is filtered against); the bytes equal those of {@link PngEncoder#encode(BufferedImage)} of the
 * whole frame.
 */
final class CaptionPng {
    private CaptionPng() {
    }

    /**
     * {@code image}, a copy of {@code base} ({@code TYPE_3BYTE_BGR}, same size) with captions painted on it, given
     * {@code baseBands}, the bands of {@code base}.
     */
    static byte[] encode(BufferedImage image, BufferedImage base, PngBands baseBands) {
        BitSet changed = changedBands(image, base);
        if (changed.isEmpty()) {
            return baseBands.bytes();
        }
        List<PngBands.Band> bands = new ArrayList<>(baseBands.bands());
        try (BandDeflater deflater = new BandDeflater(PngPixels.of(image, false))) {
            for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
                bands.set(i, deflater.band(i));
            }
        }
        return new PngBands(baseBands.head(), bands).bytes();
    }

    /** The bands of {@code image} whose bytes differ from {@code base}'s: those that a changed row reaches. */
    static BitSet changedBands(BufferedImage image, BufferedImage base) {
        int[] changedUpTo = changedUpTo(image, base);
        int height = image.getHeight();
        BitSet bands = new BitSet();
        for (int i = 0; i < PngBands.count(height); i++) {
            int from = Math.max(0, i * PngBands.ROWS - PngBands.ROWS_ABOVE);
            int to = Math.min(height, (i + 1) * PngBands.ROWS);
            if (changedUpTo[to] != changedUpTo[from]) {
                bands.set(i);
            }
        }
        return bands;
    }

    /** For each row count {@code y}, how many of the rows above {@code y} differ between the images. */
    private static int[] changedUpTo(BufferedImage image, BufferedImage base) {
        byte[] now = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] was = ((DataBufferByte) base.getRaster().getDataBuffer()).getData();
        int rowBytes = 3 * image.getWidth();
        int[] counts = new int[image.getHeight() + 1];
        for (int y = 0, at = 0; y < image.getHeight(); y++, at += rowBytes) {
            boolean changed = Arrays.mismatch(now, at, at + rowBytes, was, at, at + rowBytes) >= 0;
            counts[y + 1] = counts[y] + (changed ? 1 : 0);
        }
        return counts;
    }
}
