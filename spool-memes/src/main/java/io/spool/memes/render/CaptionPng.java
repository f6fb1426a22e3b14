package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Writes a captioned frame as PNG by deflating only the bands ({@link PngBands}) the captions changed: the rest
 * comes from the template frame's bands, made once. The bands redone are those the changed rows ({@link ChangedRows})
 * reach (a band also changes when one of the {@link PngBands#ROWS_ABOVE} rows above it did: its dictionary and the
 * row its first is filtered against); the bytes equal those of {@link PngEncoder#encode(BufferedImage)} of the
 * whole frame.
 */
final class CaptionPng {
    private CaptionPng() {
    }

    /**
     * {@code image}, a copy of its template's frame ({@code TYPE_3BYTE_BGR}, same size) with captions painted on it,
     * {@code changed} its rows that differ from the frame's, given {@code baseBands}, the bands of the frame.
     */
    static byte[] encode(BufferedImage image, ChangedRows changed, PngBands baseBands) {
        BitSet redo = changedBands(changed, image.getHeight());
        if (redo.isEmpty()) {
            return baseBands.bytes();
        }
        List<PngBands.Band> bands = new ArrayList<>(baseBands.bands());
        try (BandDeflater deflater = new BandDeflater(PngPixels.of(image, false))) {
            for (int i = redo.nextSetBit(0); i >= 0; i = redo.nextSetBit(i + 1)) {
                bands.set(i, deflater.band(i));
            }
        }
        return new PngBands(baseBands.head(), bands).bytes();
    }

    /** The bands of a picture {@code height} rows high whose bytes {@code changed} rows alter: those the rows reach. */
    static BitSet changedBands(ChangedRows changed, int height) {
        BitSet bands = new BitSet();
        for (int i = 0; i < PngBands.count(height); i++) {
            if (changed.any(i * PngBands.ROWS - PngBands.ROWS_ABOVE, (i + 1) * PngBands.ROWS)) {
                bands.set(i);
            }
        }
        return bands;
    }
}
