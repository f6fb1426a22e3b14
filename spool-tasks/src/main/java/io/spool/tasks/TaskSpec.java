package io.spool.tasks;

import java.util.Objects;

/** One task of a batch spawn: its name, its params (bytes, may be empty) and its options. */
public record TaskSpec(String name, byte[] params, SpawnOptions options) {

    public TaskSpec {
        Objects.requireNonNull(name, "task name");
        Limits.size("task name", name, Limits.MAX_NAME_BYTES);
        params = params == null ? new byte[0] : params;
        options = options == null ? SpawnOptions.defaults() : options;
    }

    public static TaskSpec of(String name, byte[] params) {
        return new TaskSpec(name, params, SpawnOptions.defaults());
    }

    public static TaskSpec of(String name, byte[] params, SpawnOptions options) {
        return new TaskSpec(name, params, options);
    }

    /** A task whose params are {@code params} written as JSON. */
    public static TaskSpec json(String name, Object params, SpawnOptions options) {
        return new TaskSpec(name, Json.encode(params), options);
    }
}
