package io.spool.tasks.dashboard;

import io.spool.pg.Row;
import io.spool.tasks.Application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's own reads, which {@link Application} has no call for: finished runs counted per queue and
 * minute (the throughput and failure charts), and a task listing with a free-text search. Both are bounded: the
 * chart reads at most the newest {@link #CHART_RUNS} runs (through the primary key), the listing stops at its
 * limit walking tasks newest first.
 */
final class DashboardQueries {
    /** The chart's window in runs: enough for minutes of heavy traffic, cheap to count. */
    static final int CHART_RUNS = 200_000;

    /** A task as listed: no params or result, the error cut to its first 300 characters. */
    record ListedTask(long taskId, String name, String queue, int priority, String state, int attempt,
                      int maxAttempts, String error, String createdAt, String finishedAt) {}

    /** A task search: each field may be null. */
    record Search(String state, String queue, String name, String text, Long before, int limit) {}

    private final Application app;
    private final String series;
    private final String tasks;

    DashboardQueries(Application app) {
        this.app = app;
        String s = app.schema();
        series = "SELECT queue, extract(epoch FROM date_trunc('minute', finished_at))::bigint AS minute, "
                + "count(*) FILTER (WHERE state = 'completed') AS completed, "
                + "count(*) FILTER (WHERE state = 'failed') AS failed "
                + "FROM " + s + ".runs WHERE run_id > (SELECT coalesce(max(run_id), 0) - " + CHART_RUNS + " FROM " + s
                + ".runs) AND finished_at >= date_trunc('minute', now()) - make_interval(mins => $1) "
                + "AND state IN ('completed', 'failed') GROUP BY 1, 2 ORDER BY 2, 1";
        // $5: a number is a task id; other text is looked for in the name, idempotency key, error and (as UTF-8
        // bytes) the params
        tasks = "SELECT task_id, name, queue, priority, state, attempt, max_attempts, left(error, 300) AS error, "
                + "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS created_at, "
                + "to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') AS finished_at "
                + "FROM " + s + ".tasks WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR queue = $2) "
                + "AND ($3::text IS NULL OR name = $3) AND ($4::bigint IS NULL OR task_id < $4) "
                + "AND ($5::text IS NULL OR CASE WHEN $5 ~ '^[0-9]{1,18}$' THEN task_id = $5::bigint ELSE (name ILIKE $6 "
                + "OR idempotency_key = $5 OR error ILIKE $6 OR position(convert_to($5, 'UTF8') IN params) > 0) END) "
                + "ORDER BY task_id DESC LIMIT $7";
    }

    /** Finished runs per queue and minute over the last {@code minutes} minutes. */
    Map<String, Object> series(int minutes) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (Row r : app.pool().query(series, minutes)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("queue", r.getString("queue"));
            p.put("minute", r.getLong("minute"));
            p.put("completed", r.getLong("completed"));
            p.put("failed", r.getLong("failed"));
            points.add(p);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("minutes", minutes);
        out.put("now", app.pool().query("SELECT extract(epoch FROM now())::bigint").row(0).getLong(0));
        out.put("points", points);
        return out;
    }

    List<ListedTask> tasks(Search q) {
        String like = q.text() == null ? null
                : "%" + q.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<ListedTask> out = new ArrayList<>();
        for (Row r : app.pool().query(tasks, q.state(), q.queue(), q.name(), q.before(), q.text(), like, q.limit())) {
            out.add(new ListedTask(r.getLong("task_id"), r.getString("name"), r.getString("queue"),
                    r.getInteger("priority"), r.getString("state"), r.getInteger("attempt"),
                    r.getInteger("max_attempts"), r.getString("error"), r.getString("created_at"),
                    r.getString("finished_at")));
        }
        return out;
    }
}
