package io.spool.memes.render;

/**
 * Bounds on the work one request may cause: pixels of a template's canvas (read from the header before decoding,
 * so a decompression bomb is refused for free), pixels of all its frames together, GIF frames, and encoded output
 * bytes.
 */
public record RenderLimits(long maxInputPixels, long maxAnimationPixels, int maxGifFrames, long maxOutputBytes) {
    /** 16 megapixels per canvas, 64 megapixels per animation, 300 frames, 8 MiB out. */
    public static final RenderLimits DEFAULT = new RenderLimits(16_000_000L, 64_000_000L, 300, 8L << 20);
}
