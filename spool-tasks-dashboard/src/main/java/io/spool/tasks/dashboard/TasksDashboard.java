package io.spool.tasks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import io.spool.tasks.Application;
import io.spool.tasks.TaskException;
import io.spool.tasks.TaskInfo;
import io.spool.tasks.TaskState;
import io.spool.web.Context;
import io.spool.web.Cookie;
import io.spool.web.HttpError;
import io.spool.web.Response;
import io.spool.web.WebApp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The web UI of a spool-tasks {@link Application}, mounted at a path of any spool-web app: queues with their depth,
 * running runs, oldest wait and pause state, charts of throughput and failure rate per minute (counted from the
 * runs in the database), tasks by state with filters and search, a task's detail (params, runs with worker, times
 * and errors with their stack traces, durable steps and their values, result), and the actions retry, cancel,
 * delete, pause and resume. The page ({@code <path>}) is plain HTML and a small script of its own (no CDN, no
 * build step) that polls the JSON API under {@code <path>/api/}; every value from the database reaches the page
 * as text, never as markup.
 *
 * <p>With a {@linkplain #token token}, every request under the path must carry it: as {@code Authorization:
 * Bearer <token>} (scripts), or as the HttpOnly, SameSite=Strict cookie the login form ({@code <path>/login}) or
 * one visit to {@code <path>?token=<token>} sets. Actions are POSTs with a JSON body, which a cross-site form
 * cannot send. Without a token the dashboard is open to whoever reaches the path: guard it some other way.
 */
public final class TasksDashboard {
    static final String PAGE = "io/spool/tasks/dashboard/page";
    static final String COOKIE = "spool_tasks_token";

    private final Application app;
    private final DashboardQueries queries;
    private final QueueDepths depths;
    private String token;

    private TasksDashboard(Application app) {
        this.app = Objects.requireNonNull(app, "app");
        this.queries = new DashboardQueries(app);
        this.depths = new QueueDepths(app);
    }

    /** A dashboard of {@code app}'s queues (open until {@link #token} is set). */
    public static TasksDashboard of(Application app) {
        return new TasksDashboard(app);
    }

    /** Requires {@code token} on every request under the mount path (null or blank: none required). */
    public TasksDashboard token(String token) {
        this.token = token == null || token.isBlank() ? null : token;
        return this;
    }

    /** Adds the page and its API to {@code web} under {@code path} ({@code /admin/tasks}, say); returns this. */
    public TasksDashboard mount(WebApp web, String path) {
        String p = normalize(path);
        web.before(ctx -> guard(ctx, p));
        web.get(p, ctx -> page(ctx, p));
        web.get(p + "/", ctx -> page(ctx, p));
        web.get(p + "/login", ctx -> loginPage(p, null));
        web.post(p + "/login", ctx -> login(ctx, p));
        web.post(p + "/logout", ctx -> Response.redirect(p + "/login").setStatus(303)
                .cookie(Cookie.remove(COOKIE).path(p)));
        web.staticResources(p + "/assets", PAGE);
        web.get(p + "/api/queues", ctx -> queues());
        web.get(p + "/api/series", ctx -> queries.series(Math.clamp(ctx.queryParam("minutes", Integer.class, 60), 5,
                1440)));
        web.get(p + "/api/tasks", this::tasks);
        web.get(p + "/api/tasks/{id}", ctx -> detail(ctx.pathParamLong("id")));
        web.post(p + "/api/tasks/{id}/retry", ctx -> action(ctx, () -> {
            var r = app.retry(ctx.pathParamLong("id"));
            return Map.of("taskId", r.taskId(), "runId", r.runId(), "attempt", r.attempt());
        }));
        web.post(p + "/api/tasks/{id}/cancel", ctx -> action(ctx, () ->
                Map.of("cancelled", app.cancel(ctx.pathParamLong("id")))));
        web.post(p + "/api/tasks/{id}/delete", ctx -> action(ctx, () ->
                Map.of("deleted", app.deleteTask(ctx.pathParamLong("id")))));
        web.post(p + "/api/queues/pause", ctx -> action(ctx, () ->
                Map.of("paused", app.pauseQueue(queueOf(ctx), "dashboard " + ctx.remoteAddress()))));
        web.post(p + "/api/queues/resume", ctx -> action(ctx, () -> Map.of("resumed", app.resumeQueue(queueOf(ctx)))));
        return this;
    }

    private static String normalize(String path) {
        if (path == null || !path.startsWith("/") || path.contains("{") || path.contains("*")) {
            throw new IllegalArgumentException("mount path must start with '/' and be literal, got '" + path + "'");
        }
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.isEmpty()) {
            throw new IllegalArgumentException("mount the dashboard below the root, at /tasks say");
        }
        return p;
    }

    // ---------------------------------------------------------------- access

    /** Lets a request under the path through when it carries the token; answers 401 otherwise. */
    private Object guard(Context ctx, String p) {
        String path = ctx.path();
        if (token == null || !(path.equals(p) || path.startsWith(p + "/")) || path.equals(p + "/login")) {
            return null;
        }
        if (matches(ctx.bearerToken()) || matches(ctx.cookie(COOKIE))) {
            return null;
        }
        String given = ctx.queryParam("token");
        if (given != null && matches(given) && ctx.method().equals("GET") && (path.equals(p) || path.equals(p + "/"))) {
            // once: the cookie carries it from now on, and the address bar loses it
            return Response.redirect(p).setStatus(303).cookie(cookie(p, given));
        }
        if (path.startsWith(p + "/api/")) {
            return Response.json(401, Map.of("error", "the tasks dashboard needs its token: send Authorization: "
                    + "Bearer <token>, or log in at " + p + "/login"));
        }
        return loginPage(p, given != null || ctx.cookie(COOKIE) != null ? "That token is not right." : null)
                .setStatus(401);
    }

    private boolean matches(String given) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static Cookie cookie(String p, String value) {
        return Cookie.of(COOKIE, value).path(p).sameSite(Cookie.SameSite.STRICT).maxAge(Duration.ofHours(12));
    }

    private Response login(Context ctx, String p) {
        String given = ctx.formParam("token");
        if (token == null) {
            return Response.redirect(p).setStatus(303);
        }
        if (!matches(given)) {
            return loginPage(p, "That token is not right.").setStatus(401);
        }
        return Response.redirect(p).setStatus(303).cookie(cookie(p, given));
    }

    private static Response loginPage(String p, String problem) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>spool-tasks: log in"
                + "</title><link rel=\"stylesheet\" href=\"" + Html.escape(p) + "/assets/dashboard.css\"></head><body>"
                + "<main class=\"login\"><h1>spool-tasks</h1>"
                + (problem == null ? "" : "<p class=\"problem\">" + Html.escape(problem) + "</p>")
                + "<form method=\"post\" action=\"" + Html.escape(p) + "/login\"><label>Admin token "
                + "<input type=\"password\" name=\"token\" autofocus required></label> <button>Log in</button></form>"
                + "</main></body></html>";
        return Response.status(200).body(html.getBytes(StandardCharsets.UTF_8))
                .contentType("text/html; charset=utf-8").header("Cache-Control", "no-store");
    }

    // ---------------------------------------------------------------- page and API

    private static Response page(Context ctx, String p) throws IOException {
        try (InputStream in = TasksDashboard.class.getClassLoader().getResourceAsStream(PAGE + "/index.html")) {
            if (in == null) {
                throw HttpError.notFound("the dashboard page is not part of this build");
            }
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", Html.escape(p));
            return Response.status(200).body(html.getBytes(StandardCharsets.UTF_8))
                    .contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                    .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
                            + "style-src 'self'; script-src 'self'; frame-ancestors 'none'")
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    /** Every queue with tasks, waiting runs or a pause: depth, running, oldest wait, tasks by state. */
    private Map<String, Object> queues() {
        QueueDepths.Snapshot now = depths.read();
        var counts = app.counts();
        List<Map<String, Object>> out = new ArrayList<>();
        for (String q : now.queues(counts)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("queue", q);
            m.put("paused", now.paused().containsKey(q));
            m.put("pausedAt", TaskViews.text(now.paused().get(q)));
            QueueDepths.Depth total = now.total(q);
            m.put("available", total.available());
            m.put("scheduled", total.scheduled());
            m.put("running", total.running());
            m.put("oldestWaitSeconds", total.oldestWaitSeconds());
            Map<String, Long> tasks = new LinkedHashMap<>();
            for (TaskState s : TaskState.values()) {
                tasks.put(s.sql(), counts.count(q, s));
            }
            m.put("tasks", tasks);
            m.put("byTask", now.depths().stream().filter(d -> d.queue().equals(q)).toList());
            out.add(m);
        }
        return Map.of("queues", out);
    }

    private Map<String, Object> tasks(Context ctx) {
        String state = blankToNull(ctx.queryParam("state"));
        if (state != null) {
            try {
                TaskState.of(state);
            } catch (RuntimeException e) {
                throw HttpError.badRequest("state must be one of pending, running, completed, dead, cancelled; got '"
                        + state + "'");
            }
        }
        int limit = ctx.queryParam("limit", Integer.class, 50);
        if (limit < 1 || limit > 500) {
            throw HttpError.badRequest("limit must be within 1..500, got " + limit);
        }
        var found = queries.tasks(new DashboardQueries.Search(state, blankToNull(ctx.queryParam("queue")),
                blankToNull(ctx.queryParam("name")), blankToNull(ctx.queryParam("q")),
                ctx.queryParam("before", Long.class, null), limit));
        return Map.of("tasks", found, "more", found.size() == limit);
    }

    private Map<String, Object> detail(long taskId) {
        TaskInfo t = app.result(taskId).orElseThrow(() -> HttpError.notFound("no task " + taskId));
        return TaskViews.detail(t, app.runs(taskId), app.steps(taskId));
    }

    private interface Action {
        Object run();
    }

    /**
     * Runs an action asked for with a JSON body ({@code application/json}, which a cross-site form cannot send),
     * mapping the queue's refusals to statuses: no such task 404, a task in the wrong state 409, bad input 400.
     */
    private static Object action(Context ctx, Action action) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new HttpError(415, "actions take a JSON body (Content-Type: application/json), {} when empty");
        }
        try {
            return action.run();
        } catch (TaskException e) {
            int status = switch (String.valueOf(e.sqlState())) {
                case "P0002" -> 404;
                case "55000" -> 409;
                case "22023" -> 400;
                default -> 500;
            };
            if (status == 500) {
                throw e;
            }
            throw new HttpError(status, e.getMessage());
        }
    }

    private static String queueOf(Context ctx) {
        JsonNode body = ctx.bodyJson();
        JsonNode q = body == null ? null : body.get("queue");
        if (q == null || !q.isTextual() || q.asText().isBlank()) {
            throw HttpError.badRequest("give the queue as {\"queue\": \"name\"}");
        }
        return q.asText();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
