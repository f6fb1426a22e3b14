package io.spool.bench.stack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Collection;

/**
 * TechEmpower's cached-queries test ({@code /cached-queries?count=N}) for every contender: the rows of
 * {@code cachedworld}, read once at start through the contender's own database client, held in a Caffeine cache
 * (the spec asks for a real cache library, filled from the database before or during the test), and {@code count}
 * random rows taken from it per request, each looked up on its own. The whole table fits, so nothing is evicted.
 */
final class WorldCache {
    static final String SELECT_CACHED_WORLDS = "SELECT id, randomnumber FROM cachedworld";

    private final Cache<Integer, World> worlds = Caffeine.newBuilder().initialCapacity(TechEmpower.WORLD_ROWS).build();

    WorldCache(Collection<World> rows) {
        if (rows.size() != TechEmpower.WORLD_ROWS) {
            throw new IllegalStateException("cachedworld holds " + rows.size() + " rows, not " + TechEmpower.WORLD_ROWS);
        }
        rows.forEach(w -> worlds.put(w.id(), w));
    }

    /** {@code count} random rows (the clamped {@code count} parameter), as {@code /cached-queries} answers. */
    World[] random(int count) {
        World[] out = new World[count];
        for (int i = 0; i < count; i++) {
            int id = TechEmpower.randomWorld();
            World world = worlds.getIfPresent(id);
            if (world == null) {
                throw new IllegalStateException("world " + id + " is not in the cache");
            }
            out[i] = world;
        }
        return out;
    }
}
