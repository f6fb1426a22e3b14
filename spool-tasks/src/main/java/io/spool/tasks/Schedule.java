package io.spool.tasks;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A periodic task: at every tick of {@code cron} (evaluated in {@code zone}), spawn {@code taskName} with
 * {@code params} and {@code options} (their queue, priority, attempts, backoff, lease and headers; run-at, delay
 * and idempotency key do not apply). However many workers run, each tick spawns exactly one task. A tick missed
 * while no worker ran is not made up, except the latest one. Each spawned task's headers also name the
 * schedule and the tick.
 */
public record Schedule(String name, String cron, ZoneId zone, String taskName, byte[] params, SpawnOptions options,
                       boolean enabled) {

    public Schedule {
        Objects.requireNonNull(name, "schedule name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("schedule name must not be blank");
        }
        Cron.parse(cron);  // fails early with the field at fault
        zone = zone == null ? ZoneOffset.UTC : zone;
        Objects.requireNonNull(taskName, "task name");
        params = params == null ? new byte[0] : params;
        options = options == null ? SpawnOptions.defaults() : options;
    }

    /** Spawn {@code taskName} with empty params at each tick of {@code cron}, in UTC. */
    public static Schedule of(String name, String cron, String taskName) {
        return new Schedule(name, cron, ZoneOffset.UTC, taskName, new byte[0], SpawnOptions.defaults(), true);
    }

    public Schedule withParams(byte[] v) {
        return new Schedule(name, cron, zone, taskName, v, options, enabled);
    }

    public Schedule withJsonParams(Object v) {
        return withParams(Json.encode(v));
    }

    public Schedule withZone(ZoneId v) {
        return new Schedule(name, cron, v, taskName, params, options, enabled);
    }

    public Schedule withOptions(SpawnOptions v) {
        return new Schedule(name, cron, zone, taskName, params, v, enabled);
    }

    public Schedule withEnabled(boolean v) {
        return new Schedule(name, cron, zone, taskName, params, options, v);
    }
}
