package io.spool.memes.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A caption laid out once and painted on every frame: its lines placed on the canvas, stroked with the outline
 * colour (when there is one) and then filled, so the outline frames the letters rather than covering them. Lines
 * with a {@link GlyphRun} are painted from cached glyph masks when the image is one {@link MaskCompositor}
 * handles; the others, and every line on other images, have their outlines drawn by {@code Graphics2D}.
 *
 * <p>A caption in a template's text box may be turned ({@code angle} in radians, clockwise on the screen, around
 * ({@code pivotX}, {@code pivotY})); its lines are then drawn by {@code Graphics2D} under that rotation. It may
 * also show on only part of an animation's frames ({@code box}'s start and stop).
 */
record PaintedText(List<Line> lines, Color fill, Color outline, float strokeWidth, double angle, float pivotX,
                   float pivotY, io.spool.memes.model.TextBox box) {
    PaintedText(List<Line> lines, Color fill, Color outline, float strokeWidth) {
        this(lines, fill, outline, strokeWidth, 0, 0, 0, null);
    }

    /** Whether this caption shows on frame {@code index} of {@code count}. */
    boolean visibleAt(int index, int count) {
        return box == null || box.visibleAt(index, count);
    }

    /**
     * One line: its layout with its origin at ({@code x}, {@code baseline}); {@code run} null if not simple;
     * {@code emoji} the colour images drawn over the emoji font's (invisible) glyphs.
     */
    record Line(TextLayout layout, float x, float baseline, GlyphRun run, List<EmojiSpan> emoji) {
    }

    boolean hasEmoji() {
        return lines.stream().anyMatch(line -> !line.emoji().isEmpty());
    }

    void paint(BufferedImage image, GlyphMasks masks) {
        MaskCompositor target = angle == 0 ? MaskCompositor.of(image) : null;
        Graphics2D g = null;
        float maskStroke = outline == null ? 0 : strokeWidth;
        for (int pass = outline == null ? 1 : 0; pass < 2; pass++) {
            boolean stroking = pass == 0;
            Color colour = stroking ? outline : fill;
            for (Line line : lines) {
                if (target != null && line.run() != null) {
                    line.run().paint(target, masks, maskStroke, stroking, colour.getRGB());
                    continue;
                }
                if (g == null) {
                    g = image.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                    g.setStroke(new BasicStroke(strokeWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                    if (angle != 0) {
                        g.rotate(angle, pivotX, pivotY);
                    }
                }
                g.setColor(colour);
                var shape = line.layout().getOutline(AffineTransform.getTranslateInstance(line.x(), line.baseline()));
                if (stroking) {
                    g.draw(shape);
                } else {
                    g.fill(shape);
                }
            }
        }
        for (Line line : lines) {
            for (EmojiSpan e : line.emoji()) {
                if (g == null) {
                    g = image.createGraphics();
                    if (angle != 0) {
                        g.rotate(angle, pivotX, pivotY);
                    }
                }
                drawEmoji(g, line, e);
            }
        }
        if (g != null) {
            g.dispose();
        }
    }

    /** The emoji's image into the box its {@link EmojiGraphic} took in the line. */
    private static void drawEmoji(Graphics2D g, Line line, EmojiSpan e) {
        Rectangle2D box = line.layout().getLogicalHighlightShape(e.start(), e.end()).getBounds2D();
        BufferedImage img = e.image();
        double width = box.getWidth();
        double height = width / EmojiGraphic.ASPECT;
        double top = line.baseline() - height * EmojiGraphic.ABOVE_BASELINE;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform at = AffineTransform.getTranslateInstance(line.x() + box.getX(), top);
        at.scale(width / img.getWidth(), height / img.getHeight());
        g.drawImage(img, at, null);
    }
}
