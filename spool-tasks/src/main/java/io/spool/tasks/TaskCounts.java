package io.spool.tasks;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** How many tasks are in each state, per queue, for dashboards. States without tasks count 0. */
public record TaskCounts(Map<String, Map<TaskState, Long>> byQueue) {

    public TaskCounts {
        Map<String, Map<TaskState, Long>> copy = new TreeMap<>();
        byQueue.forEach((q, m) -> copy.put(q, Map.copyOf(new EnumMap<>(m))));
        byQueue = Map.copyOf(copy);
    }

    /** Tasks of {@code queue} in {@code state}. */
    public long count(String queue, TaskState state) {
        return byQueue.getOrDefault(queue, Map.of()).getOrDefault(state, 0L);
    }

    /** Tasks in {@code state} over all queues. */
    public long count(TaskState state) {
        return byQueue.values().stream().mapToLong(m -> m.getOrDefault(state, 0L)).sum();
    }

    /** All tasks. */
    public long total() {
        return byQueue.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }
}
