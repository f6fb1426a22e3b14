package io.spool.memes.render;

/**
 * A coverage mask ({@code alpha}, 0 to 255 a pixel, {@code width}×{@code height} row by row) with each row's span
 * of non-zero pixels ({@code spans[2y]} to {@code spans[2y + 1]}, exclusive), so compositing a glyph skips the
 * empty margins round its outline and inside its stroke's bounding box.
 */
record Coverage(byte[] alpha, int width, int height, int[] spans) {
    static Coverage of(byte[] alpha, int width, int height) {
        int[] spans = new int[2 * height];
        for (int y = 0, row = 0; y < height; y++, row += width) {
            int first = 0;
            while (first < width && alpha[row + first] == 0) {
                first++;
            }
            int end = width;
            while (end > first && alpha[row + end - 1] == 0) {
                end--;
            }
            spans[2 * y] = first;
            spans[2 * y + 1] = end;
        }
        return new Coverage(alpha, width, height, spans);
    }

    /** Bytes of the mask and its spans. */
    long bytes() {
        return alpha.length + 4L * spans.length;
    }
}
