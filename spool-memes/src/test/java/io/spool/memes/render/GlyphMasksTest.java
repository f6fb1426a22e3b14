package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.assets.AssetStore;
import java.awt.Font;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GlyphMasksTest {
    private static final FontCache FONTS = new FontCache(AssetStore.fonts(null), 16L << 20);

    @Test
    void aGlyphIsRasterisedOncePerSizeStepAndFont() {
        GlyphMasks masks = new GlyphMasks(1L << 20);
        Font anton = FONTS.get("anton");
        Font sized = anton.deriveFont(40f);
        GlyphMask a = masks.get(anton, sized, 36, 1, 2, 5f);
        assertThat(masks.get(anton, anton.deriveFont(40f), 36, 1, 2, 5f)).isSameAs(a);
        assertThat(masks.get(anton, sized, 36, 2, 2, 5f)).isNotSameAs(a);
        assertThat(masks.get(anton, sized, 36, 1, 2, 0f).stroke()).as("no outline, no stroke mask").isNull();
        Font reloaded = new FontCache(AssetStore.fonts(null), 16L << 20).get("anton");
        assertThat(masks.get(reloaded, reloaded.deriveFont(40f), 36, 1, 2, 5f))
                .as("fonts are told apart by instance, not name").isNotSameAs(a);
        assertThat(a.width()).isGreaterThan(10);
        assertThat(a.stroke().alpha()).hasSize(a.width() * a.height());
        for (Coverage c : new Coverage[] {a.stroke(), a.fill()}) {
            int[] spans = c.spans();
            for (int y = 0; y < c.height(); y++) {
                for (int x = 0; x < c.width(); x++) {
                    boolean inSpan = x >= spans[2 * y] && x < spans[2 * y + 1];
                    boolean edge = x == spans[2 * y] || x == spans[2 * y + 1] - 1;
                    int alpha = c.alpha()[y * c.width() + x];
                    assertThat(alpha == 0 && !inSpan || inSpan && (!edge || alpha != 0))
                            .as("row %d, column %d: the span holds every covered pixel and starts and ends on one", y, x)
                            .isTrue();
                }
            }
        }
        assertThat(a.fill().spans()[0]).as("the first row is margin: an empty span")
                .isEqualTo(a.fill().spans()[1]);
    }

    @Test
    void theCacheIsBoundedByTheBytesOfItsMasks() throws InterruptedException {
        long capacity = 256L << 10;
        GlyphMasks masks = new GlyphMasks(capacity);
        Font anton = FONTS.get("anton");
        Font sized = anton.deriveFont(120f);
        long made = 0;
        for (int glyph = 1; glyph < 60; glyph++) {
            for (int phase = 0; phase < GlyphMasks.PHASES; phase++) {
                made += masks.get(anton, sized, glyph, phase, 0, 10f).weight();
            }
        }
        assertThat(made).isGreaterThan(4 * capacity);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (masks.stats().fillBytes() > capacity && System.nanoTime() < deadline) {
            Thread.sleep(10); // Caffeine evicts in its maintenance, which may run a moment later
        }
        assertThat(masks.stats().fillBytes()).isLessThanOrEqualTo(capacity);
    }
}
