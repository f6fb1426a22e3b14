package io.spool.memes.render;

import java.awt.Font;

/**
 * The cache of rasterised glyphs ({@link GlyphMask}), bounded by the bytes of their masks. A mask is keyed by the
 * loaded font (by identity: two files may share a name), the size, the glyph, the outline width and the origin's
 * sub-pixel offset rounded to {@link #PHASES} steps a pixel each way; a glyph placed between steps moves by at
 * most 1/{@code 2·PHASES} of a pixel.
 */
final class GlyphMasks {
    /** Sub-pixel positions a pixel, per axis. */
    static final int PHASES = 8;

    private record Key(Font font, float size, int glyph, int phaseX, int phaseY, float strokeWidth) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.font == font && k.size == size && k.glyph == glyph && k.phaseX == phaseX
                    && k.phaseY == phaseY && k.strokeWidth == strokeWidth;
        }

        @Override
        public int hashCode() {
            int h = System.identityHashCode(font);
            h = 31 * h + Float.floatToIntBits(size);
            h = 31 * h + glyph;
            h = 31 * h + phaseX * PHASES + phaseY;
            return 31 * h + Float.floatToIntBits(strokeWidth);
        }
    }

    private final BoundedCache<Key, GlyphMask> cache;

    GlyphMasks(long capacityBytes) {
        this.cache = new BoundedCache<>("glyphs", capacityBytes, GlyphMask::weight);
    }

    /**
     * The masks of {@code glyph} of {@code base} (the loaded font) at {@code sized}'s size, for an origin at
     * {@code phaseX}/{@link #PHASES}, {@code phaseY}/{@link #PHASES} of a pixel; {@code strokeWidth} 0 for no outline.
     */
    GlyphMask get(Font base, Font sized, int glyph, int phaseX, int phaseY, float strokeWidth) {
        return cache.get(new Key(base, sized.getSize2D(), glyph, phaseX, phaseY, strokeWidth),
                k -> GlyphMask.render(sized, glyph, (float) phaseX / PHASES, (float) phaseY / PHASES, strokeWidth));
    }

    CacheStats stats() {
        return cache.stats();
    }
}
