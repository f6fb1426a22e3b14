package io.spool.memes.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A PNG kept as its header plus one IDAT chunk per band of {@link #ROWS} rows. Each band's scanlines are deflated
 * on their own ({@link BandDeflater}), with the scanlines of the band before's last {@link #DICTIONARY_ROWS} rows
 * as the preset dictionary (so the file is about as small as one stream over all rows), ended by a sync flush
 * (byte-aligned, never final); the zlib stream is the header chunk's two bytes, the bands, and a last chunk with an
 * empty final block and the Adler-32 of all scanlines, combined from the bands' own. A band depends only on its
 * rows and the {@link #ROWS_ABOVE} rows above it (the dictionary's, and the row the first of those is filtered
 * against: "up" filter), so an image that differs from another in a few rows is written by deflating just the bands
 * those rows reach and reusing the other's chunks ({@link CaptionPng}, {@link #bytes}): the result has the same
 * bytes as encoding the whole image.
 */
record PngBands(byte[] head, List<Band> bands) {
    /** Rows a band: 16 rows of a 512-pixel RGB photograph are 24 KiB, within deflate's 32 KiB window. */
    static final int ROWS = 16;
    /** zlib level: with "up" filtering, 2 is faster than ImageIO's 4 and gives smaller files than it did. */
    static final int LEVEL = 2;

    /**
     * Rows of the band before whose scanlines are a band's dictionary. More costs time twice: zlib hashes every
     * dictionary byte, and a caption must re-deflate a band whenever a row its dictionary covers changed. On the
     * bundled camera picture two rows make the file 0.9 % larger than 8 KiB (5.3 rows) did, and the benchmark's
     * caption re-deflates 12 bands of 25 instead of 14.
     */
    static final int DICTIONARY_ROWS = 2;
    /** Rows above a band its bytes depend on: its dictionary's, and the one the first of those is filtered against. */
    static final int ROWS_ABOVE = DICTIONARY_ROWS + 1;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    private static final byte[] ZLIB_HEADER = {0x78, 0x5E}; // deflate, 32 KiB window, "fast" level
    private static final byte[] FINAL_BLOCK = {0x03, 0x00}; // an empty fixed-Huffman block with the final bit
    private static final int ADLER_BASE = 65521;

    /** One band: its IDAT chunk (length, type, data, CRC), and the Adler-32 and length of its scanlines. */
    record Band(byte[] chunk, int adler, int length) {
    }

    /** The whole image, band by band. */
    static PngBands encode(PngPixels pixels) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        putInt(header, 0, pixels.width);
        putInt(header, 4, pixels.height);
        header[8] = 8;
        header[9] = (byte) pixels.colourType;
        head.writeBytes(chunk("IHDR", header, header.length));
        head.writeBytes(chunk("IDAT", ZLIB_HEADER, ZLIB_HEADER.length));
        int count = count(pixels.height);
        List<Band> bands = new ArrayList<>(count);
        try (BandDeflater deflater = new BandDeflater(pixels)) {
            for (int i = 0; i < count; i++) {
                bands.add(deflater.band(i));
            }
        }
        return new PngBands(head.toByteArray(), bands);
    }

    /** The number of bands of an image {@code height} rows high. */
    static int count(int height) {
        return (height + ROWS - 1) / ROWS;
    }

    /** The PNG file: header, the bands' chunks, the stream's end (final block, Adler-32), IEND. */
    byte[] bytes() {
        int size = head.length;
        int adler = 1; // of no bytes
        for (Band band : bands) {
            size += band.chunk.length;
            adler = combine(adler, band.adler, band.length);
        }
        byte[] end = Arrays.copyOf(FINAL_BLOCK, FINAL_BLOCK.length + 4);
        putInt(end, FINAL_BLOCK.length, adler);
        byte[] endChunk = chunk("IDAT", end, end.length);
        byte[] iend = chunk("IEND", new byte[0], 0);
        byte[] out = new byte[size + endChunk.length + iend.length];
        System.arraycopy(head, 0, out, 0, head.length);
        int p = head.length;
        for (Band band : bands) {
            System.arraycopy(band.chunk, 0, out, p, band.chunk.length);
            p += band.chunk.length;
        }
        System.arraycopy(endChunk, 0, out, p, endChunk.length);
        System.arraycopy(iend, 0, out, p + endChunk.length, iend.length);
        return out;
    }

    /** The Adler-32 of A then B from A's, B's and B's length (zlib's {@code adler32_combine}). */
    static int combine(int adlerA, int adlerB, long lengthB) {
        long a = adlerA & 0xFFFFFFFFL;
        long b = adlerB & 0xFFFFFFFFL;
        long rem = lengthB % ADLER_BASE;
        long sum1 = a & 0xFFFF;
        long sum2 = rem * sum1 % ADLER_BASE;
        sum1 += (b & 0xFFFF) + ADLER_BASE - 1;
        sum2 += (a >>> 16) + (b >>> 16) + ADLER_BASE - rem;
        sum1 %= ADLER_BASE;
        sum2 %= ADLER_BASE;
        return (int) (sum2 << 16 | sum1);
    }

    private static byte[] chunk(String type, byte[] data, int length) {
        byte[] out = new byte[12 + length];
        putInt(out, 0, length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, out, 4, 4);
        System.arraycopy(data, 0, out, 8, length);
        CRC32 crc = new CRC32();
        crc.update(out, 4, 4 + length);
        putInt(out, 8 + length, (int) crc.getValue());
        return out;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
