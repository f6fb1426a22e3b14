package io.spool.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The bounds a task's fields keep, checked here before a spawn leaves Java and by {@code spawn_tasks} in SQL
 * (schema version 5) with the same rules, so a task is refused alike whoever spawns it: a lease from 100 ms to
 * 365 days, a priority within -32768..32767, names and queues of at most 255 bytes and idempotency keys of at most
 * 1024 (UTF-8; both are indexed, and an index row has room for little more than 2 kB).
 */
final class Limits {
    static final Duration MIN_LEASE = Duration.ofMillis(100);
    static final Duration MAX_LEASE = Duration.ofDays(365);
    static final int MIN_PRIORITY = -32768;
    static final int MAX_PRIORITY = 32767;
    static final int MAX_NAME_BYTES = 255;
    static final int MAX_KEY_BYTES = 1024;

    private Limits() {}

    static void lease(String field, Duration lease) {
        if (lease != null && (lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0)) {
            throw new IllegalArgumentException(field + " must be between 100 ms and 365 days, got " + lease);
        }
    }

    static void priority(Integer priority) {
        if (priority != null && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
            throw new IllegalArgumentException("priority must be within " + MIN_PRIORITY + ".." + MAX_PRIORITY
                    + ", got " + priority);
        }
    }

    /** Refuses a text field longer than {@code max} bytes of UTF-8, naming it. */
    static void size(String field, String value, int max) {
        if (value == null || value.length() * 3 <= max) {  // a char is at most 3 bytes of UTF-8
            return;
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) {
            throw new IllegalArgumentException(field + " is " + bytes + " bytes, more than the limit of " + max
                    + " bytes");
        }
    }
}
