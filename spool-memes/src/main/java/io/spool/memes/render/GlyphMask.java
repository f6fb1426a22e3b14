package io.spool.memes.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * One glyph at one size and sub-pixel offset, rasterised once as coverage masks (0 to 255 a pixel): the outline
 * stroke (null without one) and the fill. {@code left} and {@code top} place the masks' first pixel relative to
 * the whole pixel the glyph's origin falls in. The masks come from the same Java2D rasteriser with the same hints
 * and stroke as drawing the outline directly, so compositing them gives the same coverage.
 */
record GlyphMask(int left, int top, int width, int height, Coverage stroke, Coverage fill) {
    /** Masks of {@code glyph} of {@code sized} with its origin at ({@code dx}, {@code dy}) in [0, 1) of a pixel. */
    static GlyphMask render(Font sized, int glyph, float dx, float dy, float strokeWidth) {
        Shape outline = sized.createGlyphVector(TextBlock.FRC, new int[] {glyph}).getGlyphOutline(0, dx, dy);
        Rectangle2D bounds = outline.getBounds2D();
        if (bounds.isEmpty()) {
            return new GlyphMask(0, 0, 0, 0, null, Coverage.of(new byte[0], 0, 0));
        }
        double grow = strokeWidth / 2 + 1; // round joins reach half the stroke out; one more pixel for antialiasing
        int left = (int) Math.floor(bounds.getMinX() - grow);
        int top = (int) Math.floor(bounds.getMinY() - grow);
        int width = (int) Math.ceil(bounds.getMaxX() + grow) - left;
        int height = (int) Math.ceil(bounds.getMaxY() + grow) - top;
        BasicStroke stroke = strokeWidth > 0
                ? new BasicStroke(strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND) : null;
        return new GlyphMask(left, top, width, height,
                stroke == null ? null : coverage(outline, stroke, left, top, width, height),
                coverage(outline, null, left, top, width, height));
    }

    /** Bytes the cache charges for this mask: its pixels plus a little for the object. */
    long weight() {
        return 64 + fill.bytes() + (stroke == null ? 0 : stroke.bytes());
    }

    /** White on black in 8-bit grey: each pixel ends up equal to the rasteriser's coverage. */
    private static Coverage coverage(Shape outline, BasicStroke stroke, int left, int top, int width, int height) {
        BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = mask.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.translate(-left, -top);
        g.setColor(Color.WHITE);
        if (stroke != null) {
            g.setStroke(stroke);
            g.draw(outline);
        } else {
            g.fill(outline);
        }
        g.dispose();
        return Coverage.of(((DataBufferByte) mask.getRaster().getDataBuffer()).getData(), width, height);
    }
}
