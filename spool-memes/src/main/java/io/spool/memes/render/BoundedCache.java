package io.spool.memes.render;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A Caffeine cache bounded by the bytes its values hold (each value weighed by a function), recording hits and
 * misses for {@link #stats()}. A value heavier than the whole capacity is simply not kept. Its upkeep (eviction,
 * buffer draining) runs on the calling thread, which is a render thread for these caches: handing it to the
 * common pool woke a thread there about once a caption, CPU the render's own thread did not show.
 */
final class BoundedCache<K, V> {
    private final String name;
    private final long capacityBytes;
    private final Cache<K, V> cache;

    BoundedCache(String name, long capacityBytes, ToLongFunction<V> weigher) {
        this.name = name;
        this.capacityBytes = capacityBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((K key, V value) -> (int) Math.min(Integer.MAX_VALUE, weigher.applyAsLong(value)
                        + (key instanceof String s ? 2L * s.length() : 0)))
                .recordStats()
                .executor(Runnable::run) // upkeep on the caller: no common-pool thread woken for every write
                .build();
    }

    /** The cached value, loading it (once, even under concurrent calls) when missing. */
    V get(K key, Function<K, V> loader) {
        return cache.get(key, loader);
    }

    V getIfPresent(K key) {
        return cache.getIfPresent(key);
    }

    void put(K key, V value) {
        cache.put(key, value);
    }

    CacheStats stats() {
        var stats = cache.stats();
        long fill = cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
        return new CacheStats(name, capacityBytes, fill, cache.estimatedSize(), stats.hitCount(), stats.missCount());
    }
}
