package io.spool.tasks;

import io.spool.pg.PgPool;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an {@link Application} is built from: where the database is (a connection URL, in which case the
 * application owns a pool of {@code poolSize} connections, or an existing {@link PgPool} it borrows), the schema
 * holding the queue's tables and functions, the queues with the concurrency a worker gives each by default, the
 * defaults of {@link SpawnOptions}, the params size limit, how often to poll when no notification comes, and
 * retention. Immutable; the {@code with...} methods return copies.
 */
public record TaskConfig(String databaseUrl, PgPool pool, String schema, Map<String, Integer> queues, int poolSize,
                         Duration defaultLease, int defaultMaxAttempts, RetryBackoff defaultBackoff,
                         int maxParamsBytes, Duration pollInterval, Retention retention) {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,39}");

    public TaskConfig {
        if ((databaseUrl == null) == (pool == null)) {
            throw new IllegalArgumentException("give either a database URL or a pool");
        }
        Objects.requireNonNull(schema, "schema");
        if (!SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema name must be a lower-case SQL identifier of at most 40 "
                    + "characters ([a-z_][a-z0-9_]*), got '" + schema + "'");
        }
        queues = Map.copyOf(queues);
        queues.forEach((q, n) -> {
            if (q.isBlank() || n < 1) {
                throw new IllegalArgumentException("queue '" + q + "' needs a name and a concurrency of at least 1");
            }
        });
        if (poolSize < 2) {
            throw new IllegalArgumentException("poolSize must be at least 2, got " + poolSize);
        }
        Objects.requireNonNull(defaultLease, "defaultLease");
        Limits.lease("defaultLease", defaultLease);
        if (defaultMaxAttempts < 1) {
            throw new IllegalArgumentException("defaultMaxAttempts must be at least 1");
        }
        Objects.requireNonNull(defaultBackoff, "defaultBackoff");
        if (maxParamsBytes < 0) {
            throw new IllegalArgumentException("maxParamsBytes must not be negative");
        }
        if (pollInterval == null || pollInterval.toMillis() < 10) {
            throw new IllegalArgumentException("pollInterval must be at least 10 ms, got " + pollInterval);
        }
        Objects.requireNonNull(retention, "retention");
    }

    /**
     * An application on the database at {@code url}, owning its pool: schema {@code spool_tasks}, queue
     * {@code default} with concurrency 10, a 30 s lease, 25 attempts, backoff from 1 s to 1 h, the schema's params
     * limit (1 MiB unless changed), 1 s polling, default retention.
     */
    public static TaskConfig of(String url) {
        return new TaskConfig(Objects.requireNonNull(url, "url"), null, "spool_tasks", Map.of("default", 10), 10,
                Duration.ofSeconds(30), 25, RetryBackoff.defaults(), 0, Duration.ofSeconds(1), Retention.defaults());
    }

    /** The same defaults, on an existing pool that the application uses but does not close. */
    public static TaskConfig of(PgPool pool) {
        return new TaskConfig(null, Objects.requireNonNull(pool, "pool"), "spool_tasks", Map.of("default", 10), 10,
                Duration.ofSeconds(30), 25, RetryBackoff.defaults(), 0, Duration.ofSeconds(1), Retention.defaults());
    }

    public TaskConfig withSchema(String v) {
        return new TaskConfig(databaseUrl, pool, v, queues, poolSize, defaultLease, defaultMaxAttempts,
                defaultBackoff, maxParamsBytes, pollInterval, retention);
    }

    /** Replaces the queues: name to the concurrency a worker gives it unless its options say otherwise. */
    public TaskConfig withQueues(Map<String, Integer> v) {
        return new TaskConfig(databaseUrl, pool, schema, v, poolSize, defaultLease, defaultMaxAttempts,
                defaultBackoff, maxParamsBytes, pollInterval, retention);
    }

    /** Adds (or changes) one queue. */
    public TaskConfig withQueue(String name, int concurrency) {
        Map<String, Integer> copy = new LinkedHashMap<>(queues);
        copy.put(name, concurrency);
        return withQueues(copy);
    }

    /** Connections of the pool the application opens (ignored with an existing pool). */
    public TaskConfig withPoolSize(int v) {
        return new TaskConfig(databaseUrl, pool, schema, queues, v, defaultLease, defaultMaxAttempts,
                defaultBackoff, maxParamsBytes, pollInterval, retention);
    }

    public TaskConfig withDefaultLease(Duration v) {
        return new TaskConfig(databaseUrl, pool, schema, queues, poolSize, v, defaultMaxAttempts,
                defaultBackoff, maxParamsBytes, pollInterval, retention);
    }

    public TaskConfig withDefaultMaxAttempts(int v) {
        return new TaskConfig(databaseUrl, pool, schema, queues, poolSize, defaultLease, v,
                defaultBackoff, maxParamsBytes, pollInterval, retention);
    }

    public TaskConfig withDefaultBackoff(RetryBackoff v) {
        return new TaskConfig(databaseUrl, pool, schema, queues, poolSize, defaultLease, defaultMaxAttempts,
                v, maxParamsBytes, pollInterval, retention);
    }

    /**
     * The largest params a task may have. It is a setting of the schema ({@code settings.max_params_bytes},
     * enforced by {@code spawn_tasks} for every producer), which the application writes on start when this is
     * not 0; 0 keeps the schema's value (1 MiB unless changed).
     */
    public TaskConfig withMaxParamsBytes(int v) {
        return new TaskConfig(databaseUrl, pool, schema, queues, poolSize, defaultLease, defaultMaxAttempts,
                defaultBackoff, v, pollInterval, retention);
    }

    /** How often workers and result waiters look when no notification woke them. */
    public TaskConfig withPollInterval(Duration v) {
        return new TaskConfig(databaseUrl, pool, schema, queues, poolSize, defaultLease, defaultMaxAttempts,
                defaultBackoff, maxParamsBytes, v, retention);
    }

    public TaskConfig withRetention(Retention v) {
        return new TaskConfig(databaseUrl, pool, schema, queues, poolSize, defaultLease, defaultMaxAttempts,
                defaultBackoff, maxParamsBytes, pollInterval, v);
    }
}
