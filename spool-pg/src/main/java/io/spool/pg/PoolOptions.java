package io.spool.pg;

import java.time.Duration;

/**
 * Sizing and timing of a {@link PgPool}: at most {@code maxSize} connections, {@code minIdle} kept open when
 * quiet, callers wait up to {@code acquireTimeout} for one, connections idle longer than {@code idleTimeout}
 * (beyond {@code minIdle}) or older than {@code maxLifetime} are closed. Zero durations disable that limit.
 * With {@code sharedConnections} above zero, single statements run outside transactions go to that many
 * connections shared by all callers and pipelined, instead of each taking a connection of its own. A
 * {@code fair} pool hands connections to waiters in arrival order (bounded tail latency); an unfair one lets a
 * running thread take a free connection first (more throughput, as HikariCP does, but a waiter can starve).
 */
public record PoolOptions(int maxSize, int minIdle, Duration acquireTimeout, Duration idleTimeout, Duration maxLifetime,
                          int sharedConnections, boolean fair) {

    public PoolOptions {
        if (maxSize < 1) {
            throw new IllegalArgumentException("pool maxSize must be at least 1");
        }
        if (minIdle < 0 || minIdle > maxSize) {
            throw new IllegalArgumentException("pool minIdle must be within 0..maxSize");
        }
        if (sharedConnections < 0) {
            throw new IllegalArgumentException("pool sharedConnections must not be negative");
        }
    }

    /** 10 connections, none kept when idle, 30 s to acquire, 10 min idle, 30 min lifetime. */
    public static PoolOptions defaults() {
        return new PoolOptions(10, 0, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 0, true);
    }

    public PoolOptions withMaxSize(int v) {
        return new PoolOptions(v, Math.min(minIdle, v), acquireTimeout, idleTimeout, maxLifetime, sharedConnections, fair);
    }

    public PoolOptions withMinIdle(int v) {
        return new PoolOptions(maxSize, v, acquireTimeout, idleTimeout, maxLifetime, sharedConnections, fair);
    }

    public PoolOptions withAcquireTimeout(Duration v) {
        return new PoolOptions(maxSize, minIdle, v, idleTimeout, maxLifetime, sharedConnections, fair);
    }

    public PoolOptions withIdleTimeout(Duration v) {
        return new PoolOptions(maxSize, minIdle, acquireTimeout, v, maxLifetime, sharedConnections, fair);
    }

    /** Pipelines single statements over this many shared connections (0: every statement borrows one). */
    public PoolOptions withSharedConnections(int v) {
        return new PoolOptions(maxSize, minIdle, acquireTimeout, idleTimeout, maxLifetime, v, fair);
    }

    /** First come, first served (true, the default) or throughput first (false). */
    public PoolOptions withFair(boolean v) {
        return new PoolOptions(maxSize, minIdle, acquireTimeout, idleTimeout, maxLifetime, sharedConnections, v);
    }

    public PoolOptions withMaxLifetime(Duration v) {
        return new PoolOptions(maxSize, minIdle, acquireTimeout, idleTimeout, v, sharedConnections, fair);
    }
}
