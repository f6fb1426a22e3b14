package io.spool.memes.model;

import java.util.HexFormat;

/** An opaque sRGB colour, each channel 0–255. */
public record Rgb(int r, int g, int b) {
    public static final Rgb WHITE = new Rgb(255, 255, 255);
    public static final Rgb BLACK = new Rgb(0, 0, 0);
    private static final HexFormat HEX = HexFormat.of();

    public Rgb {
        if ((r | g | b) < 0 || r > 255 || g > 255 || b > 255) {
            throw new BadRequestException("colour channels must be 0 to 255, not [" + r + "," + g + "," + b + "]");
        }
    }

    /** The colour packed as {@code 0xRRGGBB}. */
    public int packed() {
        return r << 16 | g << 8 | b;
    }

    /** The colour as {@code #rrggbb} (lower case; part of every request's cache key, so not through a formatter). */
    public String hex() {
        return "#" + HEX.toHexDigits(packed()).substring(2);
    }
}
