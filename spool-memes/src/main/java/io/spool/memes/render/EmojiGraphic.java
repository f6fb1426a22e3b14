package io.spool.memes.render;

import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.font.GraphicAttribute;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * The room an emoji takes in a {@link java.awt.font.TextLayout} ({@code TextAttribute.CHAR_REPLACEMENT}): the JDK
 * measures bitmap emoji glyphs as zero-width, so the layout gets an em-high box instead, and {@link PaintedText}
 * draws the emoji's image into it. It draws nothing itself and has no outline (the stroke and fill passes leave
 * it alone). The layout gives every character of a replaced run this advance, so it is the emoji's width divided
 * by its number of chars.
 */
final class EmojiGraphic extends GraphicAttribute {
    /** Noto Color Emoji's images are 136 × 128 pixels: a little wider than high. */
    static final float ASPECT = 136f / 128f;
    /** The share of the box above the baseline, as for the emoji font's own ascent. */
    static final float ABOVE_BASELINE = 0.8f;

    private final float advancePerChar;
    private final float height;

    EmojiGraphic(float size, int chars) {
        super(ROMAN_BASELINE);
        this.height = size;
        this.advancePerChar = size * ASPECT / chars;
    }

    @Override
    public float getAscent() {
        return height * ABOVE_BASELINE;
    }

    @Override
    public float getDescent() {
        return height * (1 - ABOVE_BASELINE);
    }

    @Override
    public float getAdvance() {
        return advancePerChar;
    }

    @Override
    public Rectangle2D getBounds() {
        return new Rectangle2D.Float(0, -getAscent(), advancePerChar, height);
    }

    @Override
    public Shape getOutline(AffineTransform tx) {
        return new Path2D.Float();
    }

    @Override
    public void draw(Graphics2D graphics, float x, float y) {
        // the image is drawn by PaintedText, over the fill
    }
}
