package io.spool.memes.model;

import java.util.Locale;

/**
 * One text box of a template, as memegen's {@code config.yml} describes it: its top-left corner ({@code anchorX},
 * {@code anchorY}) and size ({@code scaleX}, {@code scaleY}) as fractions of the image, the alignment of its lines,
 * its letter case ({@code style}: {@code upper}, {@code lower}, {@code none}, {@code default}, {@code mock}), its
 * text colour and font when the request names none, its rotation in degrees (counter-clockwise, as memegen turns
 * it) around the box's centre, and the part of an animation it shows in ({@code start} to {@code stop}, fractions
 * of the frames).
 */
public record TextBox(double anchorX, double anchorY, double scaleX, double scaleY, HAlign align, String style,
                      Rgb color, String font, double angle, double start, double stop) {
    /** memegen's default text box: top of the image, whole width, a fifth of the height, white upper case. */
    public static final TextBox TOP = new TextBox(0, 0, 1, 0.2, HAlign.CENTER, "upper", Rgb.WHITE, null, 0, 0, 1);
    /** memegen's second default box: the bottom fifth. */
    public static final TextBox BOTTOM = new TextBox(0, 0.8, 1, 0.2, HAlign.CENTER, "upper", Rgb.WHITE, null, 0, 0, 1);

    public TextBox {
        if (!(scaleX > 0 && scaleY > 0 && scaleX <= 2 && scaleY <= 2) || !Double.isFinite(anchorX)
                || !Double.isFinite(anchorY) || Math.abs(anchorX) > 1 || Math.abs(anchorY) > 1) {
            throw new BadRequestException("a text box needs anchors within -1..1 and scales within 0..2 (exclusive 0)");
        }
        if (!Double.isFinite(angle) || Math.abs(angle) > 360) {
            throw new BadRequestException("a text box's angle is degrees within -360..360, not " + angle);
        }
        if (!(start >= 0 && stop <= 1 && start < stop)) {
            throw new BadRequestException("a text box's start and stop are fractions 0 ≤ start < stop ≤ 1");
        }
        style = style == null ? "upper" : style.toLowerCase(Locale.ROOT);
    }

    /** {@code text} in this box's letter case. */
    public String cased(String text) {
        return switch (style) {
            case "upper" -> text.toUpperCase(Locale.ROOT);
            case "lower" -> text.toLowerCase(Locale.ROOT);
            case "mock" -> mock(text);
            default -> text;
        };
    }

    /** Whether the box shows on frame {@code index} of {@code count}. */
    public boolean visibleAt(int index, int count) {
        if (count <= 1) {
            return true;
        }
        double at = (double) index / count;
        return at >= start && at < stop;
    }

    private static String mock(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        boolean upper = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                sb.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
                upper = !upper;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
