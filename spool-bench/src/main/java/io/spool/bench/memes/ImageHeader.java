package io.spool.bench.memes;

import java.io.IOException;

/**
 * The format and size an encoded image declares in its first bytes: PNG (IHDR), GIF (logical screen) or JPEG
 * (the first start-of-frame segment). Cheap enough to check every answer of a benchmark run.
 */
record ImageHeader(String format, int width, int height) {
    static ImageHeader of(byte[] b) throws IOException {
        if (b.length >= 24 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return new ImageHeader("png", int32(b, 16), int32(b, 20));
        }
        if (b.length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return new ImageHeader("gif", (b[6] & 0xFF) | (b[7] & 0xFF) << 8, (b[8] & 0xFF) | (b[9] & 0xFF) << 8);
        }
        if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8) {
            return jpeg(b);
        }
        throw new IOException("not a PNG, GIF or JPEG image (" + b.length + " bytes)");
    }

    private static ImageHeader jpeg(byte[] b) throws IOException {
        int at = 2;
        while (at + 9 < b.length) {
            if ((b[at] & 0xFF) != 0xFF) {
                throw new IOException("JPEG without a segment marker at byte " + at);
            }
            int marker = b[at + 1] & 0xFF;
            // SOF0..SOF15 but DHT (C4), JPG (C8) and DAC (CC), which share the range
            if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
                return new ImageHeader("jpeg", int16(b, at + 7), int16(b, at + 5));
            }
            at += 2 + int16(b, at + 2);
        }
        throw new IOException("JPEG without a start-of-frame segment");
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static int int32(byte[] b, int at) {
        return int16(b, at) << 16 | int16(b, at + 2);
    }
}
