package io.spool.memes.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;

/**
 * A caption laid out once and painted on every frame: the glyph outlines placed on the canvas, stroked with the
 * outline colour (when there is one) and then filled, so the outline frames the letters rather than covering them.
 */
record PaintedText(Shape glyphs, Color fill, Color outline, float strokeWidth) {
    void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        if (outline != null) {
            g.setColor(outline);
            g.setStroke(new BasicStroke(strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(glyphs);
        }
        g.setColor(fill);
        g.fill(glyphs);
    }
}
