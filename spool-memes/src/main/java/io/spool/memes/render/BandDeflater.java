package io.spool.memes.render;

import java.util.Arrays;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Deflates the bands of one image ({@link PngBands}) into their IDAT chunks, one after another with one
 * {@link Deflater} and one set of buffers, so that a band costs its filtering and deflate and little else: the
 * dictionary rows and the band's rows are filtered together into one buffer, deflated into another that already
 * has room for the chunk's length, type and CRC, and the chunk is that buffer cut to size. Close it to free the
 * deflater's native memory.
 */
final class BandDeflater implements AutoCloseable {
    private static final byte[] IDAT = {'I', 'D', 'A', 'T'};

    private final PngPixels pixels;
    private final int scanlineBytes;
    private final Deflater deflater = new Deflater(PngBands.LEVEL, true);
    private final byte[] scanlines;
    private byte[] chunk;

    BandDeflater(PngPixels pixels) {
        this.pixels = pixels;
        this.scanlineBytes = pixels.rowBytes() + 1;
        this.scanlines = new byte[scanlineBytes * (PngBands.DICTIONARY_ROWS + PngBands.ROWS)];
        this.chunk = new byte[12 + scanlineBytes * PngBands.ROWS / 2 + 64];
    }

    /**
     * Band {@code index}, deflated (after a reset) with the scanlines of the band before's last
     * {@link PngBands#DICTIONARY_ROWS} rows as its preset dictionary: the inflater has them as the stream's output
     * just before.
     */
    PngBands.Band band(int index) {
        int from = index * PngBands.ROWS;
        int to = Math.min(pixels.height, from + PngBands.ROWS);
        int first = Math.max(0, from - PngBands.DICTIONARY_ROWS);
        pixels.scanlines(first, to, scanlines);
        int dictionary = (from - first) * scanlineBytes;
        int length = (to - from) * scanlineBytes;
        deflater.reset();
        if (dictionary > 0) {
            deflater.setDictionary(scanlines, 0, dictionary);
        }
        deflater.setInput(scanlines, dictionary, length);
        int end = 8;
        while (true) {
            end += deflater.deflate(chunk, end, chunk.length - 4 - end, Deflater.SYNC_FLUSH);
            if (end < chunk.length - 4) {
                break; // all input taken and flushed: the flush stops short of a full buffer
            }
            chunk = Arrays.copyOf(chunk, chunk.length * 2);
        }
        PngBands.putInt(chunk, 0, end - 8);
        System.arraycopy(IDAT, 0, chunk, 4, 4);
        CRC32 crc = new CRC32();
        crc.update(chunk, 4, end - 4);
        PngBands.putInt(chunk, end, (int) crc.getValue());
        Adler32 adler = new Adler32();
        adler.update(scanlines, dictionary, length);
        return new PngBands.Band(Arrays.copyOf(chunk, end + 4), (int) adler.getValue(), length);
    }

    @Override
    public void close() {
        deflater.end();
    }
}
