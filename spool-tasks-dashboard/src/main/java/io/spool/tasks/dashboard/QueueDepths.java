package io.spool.tasks.dashboard;

import io.spool.pg.Row;
import io.spool.tasks.Application;
import io.spool.tasks.TaskCounts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What waits and runs now, per queue and task name, read in one query over the live runs (through the partial
 * indexes of pending and running runs, so its cost follows the backlog, not the history): runs available now,
 * runs scheduled for later, runs running, and how long the oldest available one has waited; and which queues are
 * paused. The Prometheus gauges and the dashboard's queue table are both this.
 */
public final class QueueDepths {
    /** One queue and task name. {@code oldestWaitSeconds} is 0 when nothing is available. */
    public record Depth(String queue, String task, long available, long scheduled, long running,
                        double oldestWaitSeconds) {}

    /** The depths, and the paused queues with the time each was paused. */
    public record Snapshot(List<Depth> depths, Map<String, Instant> paused) {
        /** The queue's depths summed over its task names ({@code task} null; the oldest wait is the longest). */
        public Depth total(String queue) {
            long available = 0;
            long scheduled = 0;
            long running = 0;
            double oldest = 0;
            for (Depth d : depths) {
                if (d.queue().equals(queue)) {
                    available += d.available();
                    scheduled += d.scheduled();
                    running += d.running();
                    oldest = Math.max(oldest, d.oldestWaitSeconds());
                }
            }
            return new Depth(queue, null, available, scheduled, running, oldest);
        }

        /** Every queue named here or in {@code counts}: those with tasks, live runs or a pause. */
        public SortedSet<String> queues(TaskCounts counts) {
            SortedSet<String> names = new TreeSet<>(counts.byQueue().keySet());
            depths.forEach(d -> names.add(d.queue()));
            names.addAll(paused.keySet());
            return names;
        }
    }

    private final Application app;
    private final String sql;

    public QueueDepths(Application app) {
        this.app = app;
        String s = app.schema();
        // one statement: the depths, then one row per paused queue (task NULL)
        this.sql = "SELECT queue, name AS task, "
                + "count(*) FILTER (WHERE state = 'pending' AND available_at <= now()) AS available, "
                + "count(*) FILTER (WHERE state = 'pending' AND available_at > now()) AS scheduled, "
                + "count(*) FILTER (WHERE state = 'running') AS running, "
                + "coalesce(extract(epoch FROM now() - min(available_at) FILTER (WHERE state = 'pending' "
                + "AND available_at <= now())), 0)::float8 AS oldest, NULL::timestamptz AS paused_at "
                + "FROM " + s + ".runs WHERE state IN ('pending', 'running') GROUP BY queue, name "
                + "UNION ALL SELECT queue, NULL, 0, 0, 0, 0, paused_at FROM " + s + ".paused_queues "
                + "ORDER BY 1, 2";
    }

    /** Reads the depths now (one round trip). */
    public Snapshot read() {
        List<Depth> depths = new ArrayList<>();
        Map<String, Instant> paused = new TreeMap<>();
        for (Row r : app.pool().query(sql)) {
            if (r.isNull("task")) {
                paused.put(r.getString("queue"), r.get("paused_at", OffsetDateTime.class).toInstant());
            } else {
                depths.add(new Depth(r.getString("queue"), r.getString("task"), r.getLong("available"),
                        r.getLong("scheduled"), r.getLong("running"), r.getDouble("oldest")));
            }
        }
        return new Snapshot(depths, paused);
    }
}
