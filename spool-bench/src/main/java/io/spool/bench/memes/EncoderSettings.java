package io.spool.bench.memes;

import io.spool.memes.render.ImageEncoder;

/**
 * The encoder settings every contender uses, the service's: JPEG quality (passed to the service too) and the zlib
 * level of its PNG encoder ({@code PngEncoder.LEVEL} in spool-memes, 2). The row filters differ, as neither peer
 * can choose the service's ("up" on every row): sharp filters none ({@code adaptiveFiltering: false}, its default),
 * Pillow picks one per row.
 */
record EncoderSettings(int jpegQuality, int pngLevel) {
    static final EncoderSettings SERVICE = new EncoderSettings(ImageEncoder.DEFAULT_JPEG_QUALITY, 2);
}
