package io.spool.memes.render;

/**
 * What a {@link Renderer} has done: its four caches (decoded templates, fonts, rendered results, rasterised
 * glyphs), the renders it
 * completed (cache hits excluded) and the frames it drew, including those of renders that were interrupted.
 */
public record RendererStats(CacheStats templates, CacheStats fonts, CacheStats results, CacheStats glyphs,
                            long renders, long framesDrawn) {
}
