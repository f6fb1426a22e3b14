package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One template frame as palette indices, made once and cached with the {@link Template}: its own colours (a GIF
 * frame has at most 256) minus the {@link #FREE} least-used ones, whose few pixels take the nearest kept colour,
 * so a render has free palette slots for its caption colours. Fully transparent pixels share one index. Null from
 * {@link #of} when the frame has more than 256 colours (a photograph): those go through ImageIO's quantizer.
 */
record IndexedFrame(int[] palette, byte[] indices, int transparent) {
    /** Palette slots left for caption colours. */
    static final int FREE = 16;
    private static final int TRANSPARENT_KEY = 0;

    static IndexedFrame of(BufferedImage frame) {
        int width = frame.getWidth();
        int height = frame.getHeight();
        int[] argb = frame.getRGB(0, 0, width, height, null, 0, width);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p : argb) {
            counts.merge(key(p), 1, Integer::sum);
            if (counts.size() > 256) {
                return null;
            }
        }
        List<Map.Entry<Integer, Integer>> byUse = new ArrayList<>(counts.entrySet());
        byUse.sort((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compareUnsigned(a.getKey(), b.getKey())
                : b.getValue() - a.getValue());
        int keep = Math.min(byUse.size(), 256 - FREE);
        int[] palette = new int[keep];
        Map<Integer, Integer> index = new HashMap<>();
        int transparent = -1;
        for (int i = 0; i < keep; i++) {
            palette[i] = byUse.get(i).getKey();
            index.put(palette[i], i);
            if (palette[i] == TRANSPARENT_KEY) {
                transparent = i;
            }
        }
        byte[] indices = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int k = key(argb[i]);
            Integer at = index.get(k);
            if (at == null) {
                at = nearest(palette, palette.length, k);
                index.put(k, at);
            }
            indices[i] = (byte) (int) at;
        }
        return new IndexedFrame(palette, indices, transparent);
    }

    /** Opaque colours as themselves, anything under half alpha as the one transparent key. */
    static int key(int argb) {
        return argb >>> 24 < 128 ? TRANSPARENT_KEY : argb | 0xFF000000;
    }

    /** The opaque palette entry among the first {@code size} closest to {@code argb} in RGB distance. */
    static int nearest(int[] palette, int size, int argb) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < size; i++) {
            int p = palette[i];
            if (p == TRANSPARENT_KEY) {
                continue;
            }
            int dr = (p >> 16 & 0xFF) - (argb >> 16 & 0xFF);
            int dg = (p >> 8 & 0xFF) - (argb >> 8 & 0xFF);
            int db = (p & 0xFF) - (argb & 0xFF);
            long d = (long) dr * dr + (long) dg * dg + (long) db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
