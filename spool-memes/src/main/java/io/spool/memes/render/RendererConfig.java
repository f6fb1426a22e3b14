package io.spool.memes.render;

import java.nio.file.Path;

/**
 * How a {@link Renderer} is set up: optional directories of extra templates and fonts (null for the bundled set
 * only), the byte capacity of each cache, the per-request {@link RenderLimits} and the JPEG quality (percent).
 */
public record RendererConfig(Path templatesDir, Path fontsDir, long templateCacheBytes, long fontCacheBytes,
                             long resultCacheBytes, RenderLimits limits, int jpegQuality) {
    /** Bundled assets only; 256 MiB of decoded templates, 32 MiB of fonts, 64 MiB of results; JPEG quality 90. */
    public static final RendererConfig DEFAULT = new RendererConfig(null, null, 256L << 20, 32L << 20, 64L << 20,
            RenderLimits.DEFAULT, ImageEncoder.DEFAULT_JPEG_QUALITY);

    public RendererConfig(Path templatesDir, Path fontsDir, long templateCacheBytes, long fontCacheBytes,
                          long resultCacheBytes, RenderLimits limits) {
        this(templatesDir, fontsDir, templateCacheBytes, fontCacheBytes, resultCacheBytes, limits,
                ImageEncoder.DEFAULT_JPEG_QUALITY);
    }

    public RendererConfig withTemplatesDir(Path dir) {
        return new RendererConfig(dir, fontsDir, templateCacheBytes, fontCacheBytes, resultCacheBytes, limits, jpegQuality);
    }

    public RendererConfig withFontsDir(Path dir) {
        return new RendererConfig(templatesDir, dir, templateCacheBytes, fontCacheBytes, resultCacheBytes, limits, jpegQuality);
    }

    public RendererConfig withResultCacheBytes(long bytes) {
        return new RendererConfig(templatesDir, fontsDir, templateCacheBytes, fontCacheBytes, bytes, limits, jpegQuality);
    }

    public RendererConfig withLimits(RenderLimits newLimits) {
        return new RendererConfig(templatesDir, fontsDir, templateCacheBytes, fontCacheBytes, resultCacheBytes, newLimits, jpegQuality);
    }

    public RendererConfig withCacheBytes(long templates, long fontBytes, long resultBytes) {
        return new RendererConfig(templatesDir, fontsDir, templates, fontBytes, resultBytes, limits, jpegQuality);
    }

    /** JPEG quality in percent, 1 to 100. */
    public RendererConfig withJpegQuality(int quality) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1 to 100, not " + quality);
        }
        return new RendererConfig(templatesDir, fontsDir, templateCacheBytes, fontCacheBytes, resultCacheBytes, limits,
                quality);
    }
}
