package io.spool.memes.render;

import java.awt.Font;
import java.awt.font.GlyphVector;
import java.awt.font.TextLayout;
import java.text.Bidi;

/**
 * One laid-out line as glyph codes and positions on the canvas, for painting from cached {@link GlyphMask}s.
 * Only lines that are one left-to-right run of the caption's own font qualify ({@link #of} is null otherwise):
 * there the shaper's glyph vector places the glyphs exactly as the line's {@link TextLayout} does, which
 * {@link #of} checks by comparing the two advances. Lines with fallback fonts or right-to-left text keep the
 * outline path.
 */
record GlyphRun(Font base, Font sized, int[] glyphs, float[] x, float baseline) {
    /** Glyph codes at or above this are the shaper's invisible markers, not glyphs of the font. */
    private static final int INVISIBLE = 0xFFFE;
    private static final int NOT_SIMPLE = GlyphVector.FLAG_HAS_TRANSFORMS | GlyphVector.FLAG_RUN_RTL;

    /**
     * {@code text} laid out in {@code sized} (the loaded {@code base} at a size) with its origin at
     * ({@code left}, {@code baseline}), or null unless it matches {@code line}, the layout it was measured with.
     */
    static GlyphRun of(TextLayout line, String text, Font base, Font sized, float left, float baseline) {
        char[] chars = text.toCharArray();
        if (Bidi.requiresBidi(chars, 0, chars.length)) {
            return null;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!sized.canDisplay(cp) && !Character.isWhitespace(cp)) {
                return null; // TextBlock set this character in a fallback font
            }
            i += Character.charCount(cp);
        }
        GlyphVector gv = sized.layoutGlyphVector(TextBlock.FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        int n = gv.getNumGlyphs();
        if ((gv.getLayoutFlags() & NOT_SIMPLE) != 0
                || Math.abs(gv.getGlyphPosition(n).getX() - line.getAdvance()) > 1e-3) {
            return null;
        }
        int[] glyphs = gv.getGlyphCodes(0, n, null);
        float[] positions = gv.getGlyphPositions(0, n, null);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            if (positions[2 * i + 1] != 0) {
                return null; // a glyph off the baseline: leave it to the outline path
            }
            x[i] = left + positions[2 * i];
        }
        return new GlyphRun(base, sized, glyphs, x, baseline);
    }

    /**
     * Paints the glyphs' outline masks ({@code outline}) or fill masks in {@code rgb}; a glyph whose origin falls
     * between sub-pixel steps is painted from the nearest step.
     */
    void paint(MaskCompositor target, GlyphMasks masks, float strokeWidth, boolean outline, int rgb) {
        int qy = Math.round(baseline * GlyphMasks.PHASES);
        int iy = Math.floorDiv(qy, GlyphMasks.PHASES);
        int phaseY = Math.floorMod(qy, GlyphMasks.PHASES);
        for (int i = 0; i < glyphs.length; i++) {
            if (glyphs[i] >= INVISIBLE) {
                continue;
            }
            int qx = Math.round(x[i] * GlyphMasks.PHASES);
            GlyphMask m = masks.get(base, sized, glyphs[i], Math.floorMod(qx, GlyphMasks.PHASES), phaseY, strokeWidth);
            if (m.width() > 0) {
                target.blend(outline ? m.stroke() : m.fill(), Math.floorDiv(qx, GlyphMasks.PHASES) + m.left(),
                        iy + m.top(), rgb);
            }
        }
    }
}
