package io.spool.memes.render;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lines of one caption at one size: a string and a size in, shaped and measured lines out. When the caption's
 * font covers the whole text it is set in that font alone (the fast path, as for most Latin captions); otherwise
 * each grapheme is set in the caption's font when it has the grapheme's base character, else in the first
 * {@link FontChain} font that has it, and emoji graphemes in the colour emoji font, whose images
 * {@link PaintedText} draws. The JDK's {@link TextLayout} does the rest: bidi reordering ({@code العربية 123}
 * reads right to left with the number left of the Arabic), Arabic joining, Indic and Thai shaping.
 * Paragraphs ({@code \n}) always start a new line; within one, lines wrap at word boundaries. A line whose
 * combining marks reach above the font's ascent or below its descent is measured by its ink, so stacked marks
 * stay inside the caption's box.
 */
final class TextBlock {
    /** Antialiased glyphs with fractional metrics: sizes scale smoothly, so shrinking converges. */
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private static final Font SYSTEM = new Font(Font.SANS_SERIF, Font.BOLD, 1);

    final List<TextLayout> lines;
    /** Each line's characters, for {@link GlyphRun}. */
    final List<String> texts;
    /** Each line's emoji, positions relative to the line's text. */
    final List<List<EmojiSpan>> emoji;
    /** The caption's font as loaded (size 1) and at {@link #size}. */
    final Font font;
    final Font sized;
    final float size;
    private final float[] ascents;
    private final float[] descents;

    private TextBlock(List<TextLayout> lines, List<String> texts, List<List<EmojiSpan>> emoji, Font font, Font sized,
            float size) {
        this.lines = lines;
        this.texts = texts;
        this.emoji = emoji;
        this.font = font;
        this.sized = sized;
        this.size = size;
        this.ascents = new float[lines.size()];
        this.descents = new float[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            TextLayout line = lines.get(i);
            ascents[i] = line.getAscent();
            descents[i] = line.getDescent();
            if (hasMarks(texts.get(i))) {
                Rectangle2D ink = line.getBounds();
                ascents[i] = Math.max(ascents[i], (float) -ink.getMinY());
                descents[i] = Math.max(descents[i], (float) ink.getMaxY());
            }
        }
    }

    /**
     * Lays out {@code text} wrapping at {@code wrapWidth}. With {@code wholeWords} a word wider than the width
     * makes the result null (the caller shrinks the text); otherwise such a word is broken.
     */
    static TextBlock layout(String text, Font font, FontChain fallback, float size, float wrapWidth, boolean wholeWords) {
        return layout(text, font, fallback, size, wrapWidth, wholeWords, Float.MAX_VALUE);
    }

    /**
     * {@link #layout(String, Font, FontChain, float, float, boolean)}, or null early when the lines would be taller
     * than {@code maxHeight}, which the caller (shrinking until the caption fits) would refuse anyway.
     *
     * <p>A paragraph in the caption's own font is shaped once as one line first: if it fits the width, that is the
     * line the line-break measurer would make (it breaks nowhere when all fits), at one shaping instead of its
     * two or three (HarfBuzz in JDK 25 calls back into Java per glyph). If it does not fit, it takes two lines or
     * more, each at least as tall as that one, so a size where two such lines pass {@code maxHeight} is refused
     * without measuring where the lines would break.
     */
    static TextBlock layout(String text, Font font, FontChain fallback, float size, float wrapWidth, boolean wholeWords,
            float maxHeight) {
        Font sized = font.deriveFont(size);
        List<TextLayout> lines = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<List<EmojiSpan>> emoji = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String p = paragraph.isEmpty() ? " " : paragraph; // an empty paragraph still takes a line
            List<EmojiSpan> spans = new ArrayList<>();
            AttributedString styled = styled(p, sized, fallback, spans);
            if (sized.canDisplayUpTo(p) == -1) { // the caption's font alone: no fallback fonts, no emoji
                TextLayout whole = new TextLayout(styled.getIterator(), FRC);
                if (whole.getVisibleAdvance() <= wrapWidth) {
                    lines.add(whole);
                    texts.add(p);
                    emoji.add(List.of());
                    continue;
                }
                if (2 * (whole.getAscent() + whole.getDescent()) > maxHeight) {
                    return null;
                }
            }
            LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(), FRC);
            while (measurer.getPosition() < p.length()) {
                int start = measurer.getPosition();
                TextLayout line = measurer.nextLayout(wrapWidth, p.length(), wholeWords);
                if (line == null) {
                    return null;
                }
                int end = measurer.getPosition();
                lines.add(line);
                texts.add(p.substring(start, end));
                emoji.add(spans.stream().filter(s -> s.start() >= start && s.end() <= end)
                        .map(s -> new EmojiSpan(s.start() - start, s.end() - start, s.image())).toList());
            }
        }
        return new TextBlock(lines, texts, emoji, font, sized, size);
    }

    float height() {
        float h = 0;
        for (int i = 0; i < lines.size(); i++) {
            h += lineHeight(i);
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

    /** From the top of line {@code i}'s box to its baseline. */
    float ascent(int i) {
        return ascents[i];
    }

    float lineHeight(int i) {
        return ascents[i] + descents[i];
    }

    /**
     * {@code text} with a font on every character: {@code sized} alone when it covers the text, else per grapheme
     * as the class comment says; emoji graphemes get an {@link EmojiGraphic} and are added to {@code emoji}.
     */
    static AttributedString styled(String text, Font sized, FontChain fallback, List<EmojiSpan> emoji) {
        AttributedString styled = new AttributedString(text);
        if (sized.canDisplayUpTo(text) == -1) {
            styled.addAttribute(TextAttribute.FONT, sized);
            return styled;
        }
        Map<Font, Font> resized = new IdentityHashMap<>();
        BreakIterator graphemes = BreakIterator.getCharacterInstance();
        graphemes.setText(text);
        Font previous = sized;
        for (int start = graphemes.first(), end = graphemes.next(); end != BreakIterator.DONE;
                start = end, end = graphemes.next()) {
            int base = text.codePointAt(start);
            if (!Character.isWhitespace(base) && EmojiSpan.isEmoji(text, start, end) && fallback.emoji().isPresent()
                    && emoji(text, start, end, fallback.emoji().get(), emoji)) {
                styled.addAttribute(TextAttribute.FONT, sized, start, end);
                styled.addAttribute(TextAttribute.CHAR_REPLACEMENT, new EmojiGraphic(sized.getSize2D(), end - start),
                        start, end);
                previous = sized;
                continue;
            }
            String grapheme = text.substring(start, end);
            // a space joins the run before it, so runs do not break at every word
            Font chosen = Character.isWhitespace(base) && previous.canDisplayUpTo(grapheme) == -1 ? previous
                    : textFont(grapheme, sized, fallback, resized);
            styled.addAttribute(TextAttribute.FONT, chosen, start, end);
            previous = chosen;
        }
        return styled;
    }

    /**
     * The caption's font if it has every character of {@code grapheme} (a base and its marks), else the first
     * fallback that has them, else the first that has the base, at the caption's size.
     */
    private static Font textFont(String grapheme, Font sized, FontChain fallback, Map<Font, Font> resized) {
        if (sized.canDisplayUpTo(grapheme) == -1) {
            return sized;
        }
        Font cover = fallback.cover(grapheme);
        if (cover == null) {
            int base = grapheme.codePointAt(0);
            cover = sized.canDisplay(base) ? null : SYSTEM.canDisplay(base) ? SYSTEM : null;
        }
        return cover == null ? sized : resized.computeIfAbsent(cover, f -> f.deriveFont(sized.getSize2D()));
    }

    /** Whether the emoji font has an image for the grapheme; if so it is added to {@code emoji}. */
    private static boolean emoji(String text, int start, int end, EmojiFont font, List<EmojiSpan> emoji) {
        GlyphVector glyphs = font.font.layoutGlyphVector(FRC, text.toCharArray(), start, end, Font.LAYOUT_LEFT_TO_RIGHT);
        BufferedImage image = glyphs.getNumGlyphs() == 0 ? null : font.image(glyphs.getGlyphCode(0)).orElse(null);
        if (image != null) {
            emoji.add(new EmojiSpan(start, end, image));
        }
        return image != null;
    }

    private static boolean hasMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            int type = Character.getType(text.charAt(i));
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                return true;
            }
        }
        return false;
    }
}
