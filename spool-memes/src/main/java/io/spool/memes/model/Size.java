package io.spool.memes.model;

/**
 * How big a caption's text is: a fixed size in pixels (wrapped to the image width), {@code shrink} (each line kept
 * on one line and shrunk until it fits the width) or {@code fit} (wrapped and shrunk until the whole caption fits
 * its box, the default).
 */
public record Size(Mode mode, float pixels) {
    /** The largest fixed size accepted, in pixels. */
    public static final float MAX_PIXELS = 512;

    public static final Size FIT = new Size(Mode.FIT, 0);
    public static final Size SHRINK = new Size(Mode.SHRINK, 0);

    /** The kind of sizing. */
    public enum Mode { FIXED, SHRINK, FIT }

    /** A fixed size; {@code pixels} must be above 0 and at most {@link #MAX_PIXELS}. */
    public static Size fixed(double pixels) {
        if (!(pixels > 0 && pixels <= MAX_PIXELS)) {
            throw new BadRequestException("size must be above 0 and at most " + (int) MAX_PIXELS + ", not " + pixels);
        }
        return new Size(Mode.FIXED, (float) pixels);
    }

    /** The size as a client writes it: a number, {@code "shrink"} or {@code "fit"}. */
    public String spelling() {
        return mode == Mode.FIXED ? Float.toString(pixels) : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
