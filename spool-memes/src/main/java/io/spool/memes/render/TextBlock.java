package io.spool.memes.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of one caption at one size. Each character is set in the caption's font when that font has a glyph
 * for it, in the bundled fallback font otherwise, and in the host's sans-serif font as a last resort, so any
 * script one of them covers shows up instead of boxes.
 * Paragraphs ({@code \n}) always start a new line; within one, lines wrap at word boundaries.
 */
final class TextBlock {
    /** Antialiased glyphs with fractional metrics: sizes scale smoothly, so shrinking converges. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static final Font SYSTEM = new Font(Font.SANS_SERIF, Font.BOLD, 1);

    final List<TextLayout> lines;
    /** Each line's characters, for {@link GlyphRun}. */
    final List<String> texts;
    /** The caption's font as loaded (size 1) and at {@link #size}. */
    final Font font;
    final Font sized;
    final float size;

    private TextBlock(List<TextLayout> lines, List<String> texts, Font font, Font sized, float size) {
        this.lines = lines;
        this.texts = texts;
        this.font = font;
        this.sized = sized;
        this.size = size;
    }

    /**
     * Lays out {@code text} wrapping at {@code wrapWidth}. With {@code wholeWords} a word wider than the width
     * makes the result null (the caller shrinks the text); otherwise such a word is broken.
     */
    static TextBlock layout(String text, Font font, Font fallback, float size, float wrapWidth, boolean wholeWords) {
        Font sized = font.deriveFont(size);
        Font sizedFallback = fallback.deriveFont(size);
        List<TextLayout> lines = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String p = paragraph.isEmpty() ? " " : paragraph; // an empty paragraph still takes a line
            LineBreakMeasurer measurer = new LineBreakMeasurer(styled(p, sized, sizedFallback).getIterator(), FRC);
            while (measurer.getPosition() < p.length()) {
                int start = measurer.getPosition();
                TextLayout line = measurer.nextLayout(wrapWidth, p.length(), wholeWords);
                if (line == null) {
                    return null;
                }
                lines.add(line);
                texts.add(p.substring(start, measurer.getPosition()));
            }
        }
        return new TextBlock(lines, texts, font, sized, size);
    }

    float height() {
        float h = 0;
        for (TextLayout line : lines) {
            h += lineHeight(line);
        }
        return h;
    }

    float widest() {
        float w = 0;
        for (TextLayout line : lines) {
            w = Math.max(w, line.getVisibleAdvance());
        }
        return w;
    }

    static float lineHeight(TextLayout line) {
        return line.getAscent() + line.getDescent();
    }

    static AttributedString styled(String text, Font font, Font fallback) {
        AttributedString styled = new AttributedString(text);
        Font system = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            Font chosen = font;
            if (!font.canDisplay(cp) && !Character.isWhitespace(cp)) {
                if (fallback.canDisplay(cp)) {
                    chosen = fallback;
                } else {
                    // last resort: whatever the host's fonts cover (CJK, emoji…), when it has any
                    system = system != null ? system : SYSTEM.deriveFont(font.getSize2D());
                    chosen = system.canDisplay(cp) ? system : font;
                }
            }
            styled.addAttribute(TextAttribute.FONT, chosen, i, next);
            i = next;
        }
        return styled;
    }
}
