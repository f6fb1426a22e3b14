package io.spool.tasks.dashboard;

import io.spool.tasks.RunInfo;
import io.spool.tasks.StepInfo;
import io.spool.tasks.TaskInfo;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's detail as JSON-ready maps (times as ISO-8601 text, params, result and step values as {@link Payload}):
 * what the dashboard's {@code GET api/tasks/{id}} answers and {@code ./spool tasks show} prints.
 */
public final class TaskViews {
    private TaskViews() {}

    /** The task with its runs (oldest first) and stored steps. */
    public static Map<String, Object> detail(TaskInfo t, List<RunInfo> runs, List<StepInfo> steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskId", t.taskId());
        m.put("name", t.name());
        m.put("queue", t.queue());
        m.put("priority", t.priority());
        m.put("state", t.state().sql());
        m.put("attempt", t.attempt());
        m.put("maxAttempts", t.maxAttempts());
        m.put("currentRunId", t.currentRunId());
        m.put("idempotencyKey", t.idempotencyKey());
        m.put("headers", t.headers());
        m.put("createdAt", text(t.createdAt()));
        m.put("finishedAt", text(t.finishedAt()));
        m.put("params", Payload.of(t.params()));
        m.put("result", Payload.of(t.result()));
        m.put("error", t.error());
        m.put("runs", runs.stream().map(TaskViews::run).toList());
        m.put("steps", steps.stream().map(TaskViews::step).toList());
        return m;
    }

    static Map<String, Object> run(RunInfo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.runId());
        m.put("attempt", r.attempt());
        m.put("state", r.state());
        m.put("workerId", r.workerId());
        m.put("availableAt", text(r.availableAt()));
        m.put("claimedAt", text(r.claimedAt()));
        m.put("leaseExpiresAt", text(r.leaseExpiresAt()));
        m.put("finishedAt", text(r.finishedAt()));
        m.put("error", r.error());
        return m;
    }

    static Map<String, Object> step(StepInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("runId", s.runId());
        m.put("createdAt", text(s.createdAt()));
        m.put("value", Payload.of(s.result()));
        return m;
    }

    static String text(Instant i) {
        return i == null ? null : i.toString();
    }
}
