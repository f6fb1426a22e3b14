package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a captioned GIF frame into a {@code TYPE_BYTE_INDEXED} image, so ImageIO's GIF writer takes it as is
 * instead of quantizing it again. It starts from the template frame's {@link IndexedFrame} (palette and indices),
 * adds the caption colours (fill, outline and {@link #BLENDS} steps between them) into the free slots, and only
 * looks at pixels the captions changed: each such colour gets its exact palette entry or the nearest one.
 */
final class GifIndexer {
    static final int BLENDS = 6;

    private GifIndexer() {
    }

    /**
     * {@code painted} is {@code base} with captions drawn on (same size, int pixels); {@code colours} are the
     * captions' fill and outline colours (RGB, outline may repeat fill).
     */
    static BufferedImage index(BufferedImage painted, BufferedImage base, IndexedFrame frame, int[][] colours) {
        int[] palette = java.util.Arrays.copyOf(frame.palette(), 256);
        int size = frame.palette().length;
        Map<Integer, Integer> exact = new HashMap<>();
        for (int i = 0; i < size; i++) {
            exact.putIfAbsent(palette[i], i);
        }
        for (int[] pair : colours) {
            for (int step = 0; step <= BLENDS + 1 && size < 256; step++) {
                int c = blend(pair[1], pair[0], step, BLENDS + 1);
                if (!exact.containsKey(c)) {
                    exact.put(c, size);
                    palette[size++] = c;
                }
            }
        }
        byte[] indices = frame.indices().clone();
        int[] now = ((java.awt.image.DataBufferInt) painted.getRaster().getDataBuffer()).getData();
        int[] was = ((java.awt.image.DataBufferInt) base.getRaster().getDataBuffer()).getData();
        boolean alpha = painted.getColorModel().hasAlpha();
        for (int i = 0; i < now.length; i++) {
            if (now[i] != was[i]) {
                int k = IndexedFrame.key(alpha ? now[i] : now[i] | 0xFF000000);
                Integer at = exact.get(k);
                if (at == null) {
                    at = k == 0 && frame.transparent() < 0 ? IndexedFrame.nearest(palette, size, 0xFF000000)
                            : IndexedFrame.nearest(palette, size, k);
                    exact.put(k, at);
                }
                indices[i] = (byte) (int) at;
            }
        }
        return image(painted.getWidth(), painted.getHeight(), palette, size, frame.transparent(), indices);
    }

    /** {@code from} moved {@code step / steps} of the way to {@code to}, opaque. */
    static int blend(int from, int to, int step, int steps) {
        int rgb = 0;
        for (int shift = 0; shift < 24; shift += 8) {
            int a = from >> shift & 0xFF;
            int b = to >> shift & 0xFF;
            rgb |= (a + ((b - a) * step + steps / 2) / steps) << shift;
        }
        return 0xFF000000 | rgb;
    }

    private static BufferedImage image(int width, int height, int[] palette, int size, int transparent, byte[] indices) {
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        IndexColorModel model = new IndexColorModel(8, size, r, g, b, transparent);
        WritableRaster raster = Raster.createInterleavedRaster(new DataBufferByte(indices, indices.length),
                width, height, width, 1, new int[] {0}, null);
        return new BufferedImage(model, raster, false, null);
    }
}
