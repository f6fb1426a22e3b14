package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * Whole-image pixel copies done as one array copy: a render takes a private copy of a cached template frame
 * this way before painting captions on it.
 */
final class Pixels {
    private Pixels() {
    }

    /** A new image of the same type, size and pixels as {@code source} (a byte or int packed/interleaved type). */
    static BufferedImage copy(BufferedImage source) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), source.getType());
        DataBuffer from = source.getRaster().getDataBuffer();
        DataBuffer to = out.getRaster().getDataBuffer();
        if (from instanceof DataBufferByte b) {
            System.arraycopy(b.getData(), 0, ((DataBufferByte) to).getData(), 0, b.getData().length);
        } else if (from instanceof DataBufferInt i) {
            System.arraycopy(i.getData(), 0, ((DataBufferInt) to).getData(), 0, i.getData().length);
        } else {
            out.setData(source.getRaster());
        }
        return out;
    }

    /**
     * Makes {@code image} equal to {@code source} again (both byte-packed, same type and size, as {@link #copy}
     * makes them) by copying back the rows that differ, {@code changed}: after a caption, only those under its text.
     */
    static void restore(BufferedImage image, BufferedImage source, ChangedRows changed) {
        byte[] to = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] from = ((DataBufferByte) source.getRaster().getDataBuffer()).getData();
        int rowBytes = from.length / source.getHeight();
        for (int y = 0; y < source.getHeight(); y++) {
            if (changed.any(y, y + 1)) {
                System.arraycopy(from, y * rowBytes, to, y * rowBytes, rowBytes);
            }
        }
    }
}
