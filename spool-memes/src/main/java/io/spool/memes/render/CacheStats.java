package io.spool.memes.render;

/** A snapshot of one bounded cache: capacity and fill in bytes, entry count, hits and misses since start. */
public record CacheStats(String name, long capacityBytes, long fillBytes, long entries, long hits, long misses) {
}
