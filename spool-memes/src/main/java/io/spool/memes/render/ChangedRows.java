package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;

/**
 * Which rows of a painted frame differ from the template frame it was copied from ({@code TYPE_3BYTE_BGR}, same
 * size), found once per caption: the JPEG and PNG splices ask it which rows of MCUs or bands to encode again, and
 * the spare frame is put back by copying just these rows.
 */
final class ChangedRows {
    /** {@code upTo[y]}: how many of the rows above row {@code y} differ. */
    private final int[] upTo;

    private ChangedRows(int[] upTo) {
        this.upTo = upTo;
    }

    static ChangedRows between(BufferedImage image, BufferedImage base) {
        byte[] now = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] was = ((DataBufferByte) base.getRaster().getDataBuffer()).getData();
        int rowBytes = 3 * image.getWidth();
        int[] upTo = new int[image.getHeight() + 1];
        for (int y = 0, at = 0; y < image.getHeight(); y++, at += rowBytes) {
            boolean changed = Arrays.mismatch(now, at, at + rowBytes, was, at, at + rowBytes) >= 0;
            upTo[y + 1] = upTo[y] + (changed ? 1 : 0);
        }
        return new ChangedRows(upTo);
    }

    /** Whether any of rows [{@code from}, {@code to}) differs (the range clipped to the frame). */
    boolean any(int from, int to) {
        int height = upTo.length - 1;
        return upTo[Math.clamp(to, 0, height)] != upTo[Math.clamp(from, 0, height)];
    }
}
