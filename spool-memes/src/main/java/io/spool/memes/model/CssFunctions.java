package io.spool.memes.model;

import java.util.Arrays;

/**
 * The CSS colour functions rofld reads: {@code rgb(r, g, b)} with channels as 0–255 or percentages, and
 * {@code hsl(h, s%, l%)} with the hue in degrees; their {@code rgba}/{@code hsla} forms are accepted only with an
 * alpha of 1, since captions cannot be transparent. Out-of-range values are clamped, as CSS does.
 */
final class CssFunctions {
    private CssFunctions() {
    }

    static Rgb parse(String name, String arguments, String field) {
        String[] args = Arrays.stream(arguments.trim().split("\\s*[,/]\\s*|\\s+")).filter(a -> !a.isEmpty())
                .toArray(String[]::new);
        if (args.length < 3 || args.length > 4) {
            throw new BadRequestException(field + ": " + name + "() takes 3 values (and an alpha), not \"" + arguments + "\"");
        }
        if (args.length == 4 && number(args[3], 1, field) < 1) {
            throw new BadRequestException(field + ": transparent colours are not supported");
        }
        if (name.startsWith("rgb")) {
            return new Rgb(channel(args[0], field), channel(args[1], field), channel(args[2], field));
        }
        double hue = number(args[0].replace("deg", ""), 360, field);
        return hsl(((hue % 360) + 360) % 360 / 360, clamp(number(args[1], 1, field)), clamp(number(args[2], 1, field)));
    }

    /** A channel: 0–255, or a percentage of 255. */
    private static int channel(String arg, String field) {
        return (int) Math.round(clamp(number(arg, 255, field) / 255) * 255);
    }

    /** A number, or a percentage of {@code whole}. */
    private static double number(String arg, double whole, String field) {
        try {
            return arg.endsWith("%") ? Double.parseDouble(arg.substring(0, arg.length() - 1)) / 100 * whole
                    : Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new BadRequestException(field + ": \"" + arg + "\" is not a number in a CSS colour");
        }
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** CSS Color 3's HSL to RGB conversion. */
    private static Rgb hsl(double h, double s, double l) {
        double m2 = l <= 0.5 ? l * (s + 1) : l + s - l * s;
        double m1 = l * 2 - m2;
        return new Rgb(toByte(hue(m1, m2, h + 1.0 / 3)), toByte(hue(m1, m2, h)), toByte(hue(m1, m2, h - 1.0 / 3)));
    }

    private static double hue(double m1, double m2, double h) {
        h = h < 0 ? h + 1 : h > 1 ? h - 1 : h;
        if (h * 6 < 1) {
            return m1 + (m2 - m1) * h * 6;
        }
        if (h * 2 < 1) {
            return m2;
        }
        if (h * 3 < 2) {
            return m1 + (m2 - m1) * (2.0 / 3 - h) * 6;
        }
        return m1;
    }

    private static int toByte(double v) {
        return (int) Math.round(clamp(v) * 255);
    }
}
