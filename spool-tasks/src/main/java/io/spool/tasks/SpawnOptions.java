package io.spool.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to spawn a task: its queue, priority (lower numbers run first; default 0), when it may first run (a
 * {@code runAt} instant or a {@code delay} from the database's clock), how many attempts it gets, how long to
 * wait between them, an idempotency key (a second spawn with the same key returns the first task instead of
 * creating another), the lease a worker holds while running it, and string headers stored with it. The bounds
 * (lease 100 ms to 365 days, priority -32768..32767, queue 255 bytes, idempotency key 1024) are those the SQL
 * functions check too. A
 * {@code null} field means the {@link TaskConfig} default. Immutable; the {@code with...} methods return copies.
 */
public record SpawnOptions(String queue, Integer priority, Instant runAt, Duration delay, Integer maxAttempts,
                           RetryBackoff backoff, String idempotencyKey, Duration lease, Map<String, String> headers) {

    public SpawnOptions {
        if (queue != null && queue.isBlank()) {
            throw new IllegalArgumentException("queue name must not be blank");
        }
        if (runAt != null && delay != null) {
            throw new IllegalArgumentException("give a run-at time or a delay, not both");
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        if (maxAttempts != null && maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        Limits.lease("lease", lease);
        Limits.priority(priority);
        Limits.size("queue", queue, Limits.MAX_NAME_BYTES);
        Limits.size("idempotency key", idempotencyKey, Limits.MAX_KEY_BYTES);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Everything from the application's defaults. */
    public static SpawnOptions defaults() {
        return new SpawnOptions(null, null, null, null, null, null, null, null, Map.of());
    }

    public SpawnOptions withQueue(String v) {
        return new SpawnOptions(v, priority, runAt, delay, maxAttempts, backoff, idempotencyKey, lease, headers);
    }

    public SpawnOptions withPriority(int v) {
        return new SpawnOptions(queue, v, runAt, delay, maxAttempts, backoff, idempotencyKey, lease, headers);
    }

    /** First run no earlier than {@code v} (clears a delay). */
    public SpawnOptions withRunAt(Instant v) {
        return new SpawnOptions(queue, priority, v, null, maxAttempts, backoff, idempotencyKey, lease, headers);
    }

    /** First run no earlier than {@code v} after the spawn, by the database's clock (clears a run-at time). */
    public SpawnOptions withDelay(Duration v) {
        return new SpawnOptions(queue, priority, null, v, maxAttempts, backoff, idempotencyKey, lease, headers);
    }

    public SpawnOptions withMaxAttempts(int v) {
        return new SpawnOptions(queue, priority, runAt, delay, v, backoff, idempotencyKey, lease, headers);
    }

    public SpawnOptions withBackoff(RetryBackoff v) {
        return new SpawnOptions(queue, priority, runAt, delay, maxAttempts, v, idempotencyKey, lease, headers);
    }

    public SpawnOptions withIdempotencyKey(String v) {
        return new SpawnOptions(queue, priority, runAt, delay, maxAttempts, backoff, v, lease, headers);
    }

    public SpawnOptions withLease(Duration v) {
        return new SpawnOptions(queue, priority, runAt, delay, maxAttempts, backoff, idempotencyKey, v, headers);
    }

    public SpawnOptions withHeaders(Map<String, String> v) {
        return new SpawnOptions(queue, priority, runAt, delay, maxAttempts, backoff, idempotencyKey, lease, v);
    }

    public SpawnOptions withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return withHeaders(copy);
    }
}
