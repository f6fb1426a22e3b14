package io.spool.memes.render;

import io.spool.memes.assets.Asset;
import io.spool.memes.assets.AssetStore;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loaded fonts by name, from an {@link AssetStore}, in a cache weighed by the font files' sizes. {@link Font} is
 * immutable, so one instance serves every thread; sizes are derived per caption.
 */
final class FontCache {
    private record Loaded(Font font, long bytes) {
    }

    private final AssetStore store;
    private final BoundedCache<String, Loaded> cache;

    FontCache(AssetStore store, long capacityBytes) {
        this.store = store;
        this.cache = new BoundedCache<>("fonts", capacityBytes, Loaded::bytes);
    }

    /** The font called {@code name} at size 1; a NotFoundException when there is none. */
    Font get(String name) {
        Asset asset = store.get(name);
        return cache.get(asset.name() + "@" + asset.version(), key -> load(asset)).font();
    }

    /** The fonts used for characters the requested font lacks, in the order they are tried, and the emoji font. */
    FontChain fallback() {
        List<Font> chain = new ArrayList<>(AssetStore.FALLBACK_FONTS.size());
        for (String name : AssetStore.FALLBACK_FONTS) {
            chain.add(get(name));
        }
        return new FontChain(chain, EmojiFont.installed());
    }

    CacheStats stats() {
        return cache.stats();
    }

    private static Loaded load(Asset asset) {
        byte[] bytes = asset.bytes();
        try {
            return new Loaded(Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes)), bytes.length);
        } catch (FontFormatException | IOException e) {
            throw new IllegalStateException("font " + asset.name() + " is not a TrueType or OpenType font", e);
        }
    }
}
