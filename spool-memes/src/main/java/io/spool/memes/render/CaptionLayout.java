package io.spool.memes.render;

import io.spool.memes.model.Caption;
import io.spool.memes.model.VAlign;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.TextLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Places captions on a canvas. Each vertical place (top, middle, bottom) owns a third of the height inside the
 * margins; captions sharing a place stack in request order and share its height. Sizes: fixed sizes wrap to the
 * width; {@code shrink} keeps each paragraph on one line and scales it to the width; {@code fit} wraps at word
 * boundaries and shrinks until the caption fits its share of the height.
 */
final class CaptionLayout {
    private static final float MIN_SIZE = 8;
    private static final float SHRINK_STEP = 0.9f;

    private final int width;
    private final int height;
    private final float margin;
    private final FontCache fonts;

    CaptionLayout(int width, int height, FontCache fonts) {
        this.width = width;
        this.height = height;
        this.margin = Math.max(4, Math.min(width, height) * 0.03f);
        this.fonts = fonts;
    }

    /** The painted captions, in request order; stops with InterruptedException when the thread is interrupted. */
    List<PaintedText> layout(List<Caption> captions) throws InterruptedException {
        Map<VAlign, List<Caption>> byPlace = new EnumMap<>(VAlign.class);
        for (Caption c : captions) {
            if (!c.blank()) {
                byPlace.computeIfAbsent(c.valign(), v -> new ArrayList<>()).add(c);
            }
        }
        float regionHeight = (height - 2 * margin) / 3;
        List<PaintedText> painted = new ArrayList<>();
        for (Map.Entry<VAlign, List<Caption>> place : byPlace.entrySet()) {
            List<Caption> group = place.getValue();
            List<TextBlock> blocks = new ArrayList<>();
            float total = 0;
            for (Caption c : group) {
                Renderer.checkInterrupted();
                TextBlock block = size(c, regionHeight / group.size());
                blocks.add(block);
                total += block.height();
            }
            float y = switch (place.getKey()) {
                case TOP -> margin;
                case MIDDLE -> (height - total) / 2;
                case BOTTOM -> height - margin - total;
            };
            for (int i = 0; i < group.size(); i++) {
                painted.add(paint(group.get(i), blocks.get(i), y, width, margin));
                y += blocks.get(i).height();
            }
        }
        return painted;
    }

    private TextBlock size(Caption c, float maxHeight) {
        Font font = fonts.get(c.font());
        FontChain fallback = fonts.fallback();
        float boxWidth = Math.max(1, width - 2 * margin);
        float start = Math.max(MIN_SIZE, Math.min(height / 7f, width / 5f));
        return switch (c.size().mode()) {
            case FIXED -> TextBlock.layout(c.text(), font, fallback, c.size().pixels(), boxWidth, false);
            case SHRINK -> {
                TextBlock block = TextBlock.layout(c.text(), font, fallback, start, Float.MAX_VALUE, false);
                while (block.widest() > boxWidth && block.size > MIN_SIZE) {
                    float next = Math.max(MIN_SIZE, Math.min(block.size * SHRINK_STEP, block.size * boxWidth / block.widest()));
                    block = TextBlock.layout(c.text(), font, fallback, next, Float.MAX_VALUE, false);
                }
                yield block;
            }
            case FIT -> {
                for (float size = start; size > MIN_SIZE; size *= SHRINK_STEP) {
                    TextBlock block = TextBlock.layout(c.text(), font, fallback, size, boxWidth, true);
                    if (block != null && block.height() <= maxHeight) {
                        yield block;
                    }
                }
                yield TextBlock.layout(c.text(), font, fallback, MIN_SIZE, boxWidth, false);
            }
        };
    }

    private static PaintedText paint(Caption c, TextBlock block, float top, float width, float margin) {
        List<PaintedText.Line> lines = new ArrayList<>(block.lines.size());
        float y = top;
        for (int i = 0; i < block.lines.size(); i++) {
            TextLayout line = block.lines.get(i);
            float advance = line.getVisibleAdvance();
            float x = switch (c.halign()) {
                case LEFT -> margin;
                case CENTER -> (width - advance) / 2;
                case RIGHT -> width - margin - advance;
            };
            float baseline = y + block.ascent(i);
            GlyphRun run = GlyphRun.of(line, block.texts.get(i), block.font, block.sized, x, baseline);
            lines.add(new PaintedText.Line(line, x, baseline, run, block.emoji.get(i)));
            y += block.lineHeight(i);
        }
        Color outline = c.outline() == null ? null : new Color(c.outline().packed());
        return new PaintedText(lines, new Color(c.color().packed()), outline, Math.max(1.5f, block.size / 8));
    }
}
