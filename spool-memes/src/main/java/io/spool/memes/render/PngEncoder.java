package io.spool.memes.render;

import java.awt.image.BufferedImage;

/**
 * A small PNG writer for 8-bit images: {@link PngPixels} chooses the colour type and filters the rows,
 * {@link PngBands} deflates them band by band, so that a caption's PNG can reuse its template's bands
 * ({@link CaptionPng}). The output depends only on the pixels, so equal images give equal bytes.
 */
final class PngEncoder {
    private PngEncoder() {
    }

    /**
     * Encodes {@code image} without the grey colour types: ImageIO reads 8-bit grey PNGs into a linear grey colour
     * space, so Java clients (and our tests) would see other colours than browsers do; RGB reads alike everywhere.
     */
    static byte[] encode(BufferedImage image) {
        return encode(image, false);
    }

    /** Encodes {@code image}, as grey (with alpha if needed) when {@code greyWhenPossible} and every pixel is. */
    static byte[] encode(BufferedImage image, boolean greyWhenPossible) {
        return PngBands.encode(PngPixels.of(image, greyWhenPossible)).bytes();
    }
}
