package io.spool.memes.render;

import java.nio.file.Path;

/**
 * How a {@link Renderer} is set up: optional directories of extra templates and fonts (null for the bundled set
 * only), the byte capacity of each cache, and the per-request {@link RenderLimits}.
 */
public record RendererConfig(Path templatesDir, Path fontsDir, long templateCacheBytes, long fontCacheBytes,
                             long resultCacheBytes, RenderLimits limits) {
    /** Bundled assets only; 256 MiB of decoded templates, 32 MiB of fonts, 64 MiB of results. */
    public static final RendererConfig DEFAULT =
            new RendererConfig(null, null, 256L << 20, 32L << 20, 64L << 20, RenderLimits.DEFAULT);

    public RendererConfig withTemplatesDir(Path dir) {
        return new RendererConfig(dir, fontsDir, templateCacheBytes, fontCacheBytes, resultCacheBytes, limits);
    }

    public RendererConfig withFontsDir(Path dir) {
        return new RendererConfig(templatesDir, dir, templateCacheBytes, fontCacheBytes, resultCacheBytes, limits);
    }

    public RendererConfig withResultCacheBytes(long bytes) {
        return new RendererConfig(templatesDir, fontsDir, templateCacheBytes, fontCacheBytes, bytes, limits);
    }

    public RendererConfig withLimits(RenderLimits newLimits) {
        return new RendererConfig(templatesDir, fontsDir, templateCacheBytes, fontCacheBytes, resultCacheBytes, newLimits);
    }
}
