package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * Writes a captioned frame as JPEG by re-encoding only the MCU rows the captions changed: the rest comes from the
 * template frame's encoding ({@link JpegRows}), made once. Compares the frame with the template's pixels to find
 * the changed rows, so it needs no word from the painter; the bytes equal those of encoding the whole frame.
 */
final class CaptionJpeg {
    private CaptionJpeg() {
    }

    /**
     * {@code image}, a copy of {@code base} ({@code TYPE_3BYTE_BGR}, same size) with captions painted on it, given
     * {@code baseRows}, the encoding of {@code base} at {@code quality}; null if the writer made unexpected rows.
     */
    static byte[] encode(BufferedImage image, BufferedImage base, JpegRows baseRows, int quality) {
        byte[] now = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] was = ((DataBufferByte) base.getRaster().getDataBuffer()).getData();
        int bandBytes = 3 * image.getWidth() * JpegRows.MCU;
        int count = baseRows.rows().size();
        JpegRows out = baseRows;
        for (int first = 0; first < count; ) {
            if (same(now, was, first, bandBytes)) {
                first++;
                continue;
            }
            int end = first + 1;
            while (end < count && !same(now, was, end, bandBytes)) {
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

    private static boolean same(byte[] a, byte[] b, int band, int bandBytes) {
        int from = band * bandBytes;
        int to = Math.min(a.length, from + bandBytes);
        return Arrays.equals(a, from, to, b, from, to);
    }
}
