package io.spool.memes.render;

import java.awt.image.BufferedImage;

/**
 * Writes a captioned frame as JPEG by re-encoding only the MCU rows the captions changed ({@link ChangedRows}): the
 * rest comes from the template frame's encoding ({@link JpegRows}), made once; the bytes equal those of encoding
 * the whole frame.
 */
final class CaptionJpeg {
    private CaptionJpeg() {
    }

    /**
     * {@code image}, a copy of its template's frame ({@code TYPE_3BYTE_BGR}, same size) with captions painted on it,
     * {@code changed} its rows that differ from the frame's, given {@code baseRows}, the frame's encoding at
     * {@code quality}; null if the writer made unexpected rows.
     */
    static byte[] encode(BufferedImage image, ChangedRows changed, JpegRows baseRows, int quality) {
        int count = baseRows.rows().size();
        JpegRows out = baseRows;
        for (int first = 0; first < count; ) {
            if (!changed(changed, first)) {
                first++;
                continue;
            }
            int end = first + 1;
            while (end < count && changed(changed, end)) {
                end++;
            }
            JpegRows strip = JpegRows.encode(image, first * JpegRows.MCU, end * JpegRows.MCU, quality);
            if (strip == null) {
                return null;
            }
            out = out.replace(first, strip);
            first = end;
        }
        return out.bytes();
    }

    private static boolean changed(ChangedRows changed, int mcuRow) {
        return changed.any(mcuRow * JpegRows.MCU, (mcuRow + 1) * JpegRows.MCU);
    }
}
