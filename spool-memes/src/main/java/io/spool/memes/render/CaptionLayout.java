package io.spool.memes.render;

import io.spool.memes.model.Caption;
import io.spool.memes.model.HAlign;
import io.spool.memes.model.MemeException;
import io.spool.memes.model.Rgb;
import io.spool.memes.model.TextBox;
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
 *
 * <p>A template with text boxes (memegen's {@code text:} entries) places caption <i>i</i> in box <i>i</i>
 * instead: the box's rectangle bounds the text (fit wraps and shrinks into it, centred vertically), its alignment,
 * colour, font and letter case apply where the caption keeps the defaults, and its angle turns the block around
 * the box's centre.
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
                painted.add(paint(group.get(i), blocks.get(i), y, margin, width - margin));
                y += blocks.get(i).height();
            }
        }
        return painted;
    }

    /** Caption {@code i} in {@code boxes[i]} (the caller checked there are enough boxes). */
    List<PaintedText> layoutInBoxes(List<Caption> captions, List<TextBox> boxes) throws InterruptedException {
        List<PaintedText> painted = new ArrayList<>();
        for (int i = 0; i < captions.size(); i++) {
            Renderer.checkInterrupted();
            TextBox box = boxes.get(i);
            Caption c = styled(captions.get(i), box);
            if (c.blank()) {
                continue;
            }
            float left = (float) (box.anchorX() * width);
            float top = (float) (box.anchorY() * height);
            float w = (float) Math.max(1, box.scaleX() * width);
            float h = (float) Math.max(1, box.scaleY() * height);
            float inset = Math.min(margin / 2, Math.min(w, h) / 8);
            // start no larger than a line that fills the box's height or a third of its width: fewer shrink steps
            TextBlock block = size(c, w - 2 * inset, h - 2 * inset, Math.max(MIN_SIZE, Math.min(h * 0.8f, w / 3)));
            float y = top + (h - block.height()) / 2;
            PaintedText text = paint(c, block, y, left + inset, left + w - inset);
            painted.add(new PaintedText(text.lines(), text.fill(), text.outline(), text.strokeWidth(),
                    Math.toRadians(-box.angle()), left + w / 2, top + h / 2, box));
        }
        return painted;
    }

    /**
     * The caption with the box's look where the request kept the defaults: the box's colour (with memegen's
     * light outline for black text), alignment, font when it is one this server has, and letter case.
     */
    private Caption styled(Caption c, TextBox box) {
        Rgb color = c.color().equals(Rgb.WHITE) ? box.color() : c.color();
        Rgb outline = c.outline() != null && c.outline().equals(Rgb.BLACK) && color.equals(Rgb.BLACK)
                ? Rgb.WHITE : c.outline();
        HAlign align = c.halign() == HAlign.CENTER ? box.align() : c.halign();
        String font = c.font();
        if (box.font() != null && c.font().equals(DEFAULT_FONT) && knownFont(box.font())) {
            font = box.font();
        }
        return new Caption(box.cased(c.text()), c.valign(), align, font, color, outline, c.size());
    }

    private boolean knownFont(String name) {
        try {
            fonts.get(name);
            return true;
        } catch (MemeException e) {
            return false;   // memegen's font names this server lacks: the caption's font stays
        }
    }

    /** The font a request gets when it names none (the request model's default). */
    private static final String DEFAULT_FONT = "anton";

    private TextBlock size(Caption c, float maxHeight) {
        float boxWidth = Math.max(1, width - 2 * margin);
        float start = Math.max(MIN_SIZE, Math.min(height / 7f, width / 5f));
        return size(c, boxWidth, maxHeight, start);
    }

    private TextBlock size(Caption c, float boxWidth, float maxHeight, float start) {
        Font font = fonts.get(c.font());
        FontChain fallback = fonts.fallback();
        boxWidth = Math.max(1, boxWidth);
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
                    TextBlock block = TextBlock.layout(c.text(), font, fallback, size, boxWidth, true, maxHeight);
                    if (block != null && block.height() <= maxHeight) {
                        yield block;
                    }
                }
                yield TextBlock.layout(c.text(), font, fallback, MIN_SIZE, boxWidth, false);
            }
        };
    }

    /** The block's lines from {@code top}, aligned between {@code left} and {@code right}. */
    private static PaintedText paint(Caption c, TextBlock block, float top, float left, float right) {
        List<PaintedText.Line> lines = new ArrayList<>(block.lines.size());
        float y = top;
        for (int i = 0; i < block.lines.size(); i++) {
            TextLayout line = block.lines.get(i);
            float advance = line.getVisibleAdvance();
            float x = switch (c.halign()) {
                case LEFT -> left;
                case CENTER -> (left + right - advance) / 2;
                case RIGHT -> right - advance;
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
