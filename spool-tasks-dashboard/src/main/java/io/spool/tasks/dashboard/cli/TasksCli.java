package io.spool.tasks.dashboard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.spool.tasks.Application;
import io.spool.tasks.RunInfo;
import io.spool.tasks.SpawnResult;
import io.spool.tasks.StepInfo;
import io.spool.tasks.TaskConfig;
import io.spool.tasks.TaskCounts;
import io.spool.tasks.TaskException;
import io.spool.tasks.TaskFilter;
import io.spool.tasks.TaskInfo;
import io.spool.tasks.TaskState;
import io.spool.tasks.dashboard.Payload;
import io.spool.tasks.dashboard.QueueDepths;
import io.spool.tasks.dashboard.TaskViews;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedSet;

/**
 * {@code ./spool tasks}: the queue from a terminal. {@code ls} lists tasks (filters as the dashboard's),
 * {@code show} prints one with its params, result, runs (worker, times, errors), steps and values, {@code retry},
 * {@code cancel}, {@code pause} and {@code resume} act, {@code counts} prints each queue's tasks by state with
 * what waits and runs now. It connects to {@code --database-url}, else {@code SPOOL_DATABASE_URL}, else what
 * libpq's {@code PG*} variables say; the schema is {@code spool_tasks} unless {@code --schema} names another
 * (it is created when missing, as by any {@link Application}). Exit codes: 0 done, 1 refused or failed (the
 * reason on stderr), 2 bad usage.
 */
@Command(name = "spool tasks", mixinStandardHelpOptions = true,
        description = "Look at and steer a spool-tasks queue stored in PostgreSQL.")
public final class TasksCli {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--database-url", scope = ScopeType.INHERIT, defaultValue = "${env:SPOOL_DATABASE_URL}",
            description = "postgresql://user:pass@host:port/db (default: SPOOL_DATABASE_URL, else libpq's PG* variables)")
    String databaseUrl;

    @Option(names = "--schema", scope = ScopeType.INHERIT, defaultValue = "spool_tasks",
            description = "the queue's schema (default: ${DEFAULT-VALUE})")
    String schema;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new TasksCli()).setOut(out).setErr(err)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("spool tasks: " + Terminal.clean(e instanceof TaskException
                            ? e.getMessage() : e.toString()));
                    return 1;
                });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private Application open() {
        String url = databaseUrl == null ? "" : databaseUrl;
        return Application.create(TaskConfig.of(url).withSchema(schema).withPoolSize(2));
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Command(name = "ls", description = "List tasks, newest first.")
    int ls(@Option(names = "--state", description = "pending, running, completed, dead or cancelled") String state,
           @Option(names = "--queue") String queue, @Option(names = "--name", description = "task name") String name,
           @Option(names = "--before", description = "only ids below this (the next page)") Long before,
           @Option(names = "--limit", defaultValue = "20", description = "at most this many (1..1000, default 20)")
           int limit) {
        TaskState s;
        try {
            s = state == null ? null : TaskState.of(state);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--state must be one of pending, running, "
                    + "completed, dead, cancelled; got '" + state + "'");
        }
        TaskFilter f;
        try {
            f = new TaskFilter(s, queue, name, before, limit);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (Application app = open()) {
            List<TaskInfo> tasks = app.listTasks(f);
            Table t = new Table("ID", "STATE", "QUEUE", "NAME", "ATTEMPT", "CREATED", "ERROR");
            for (TaskInfo i : tasks) {
                t.row(i.taskId(), i.state().sql(), i.queue(), i.name(), i.attempt() + "/" + i.maxAttempts(),
                        time(i.createdAt()), i.error() == null ? "" : firstLine(i.error(), 60));
            }
            t.print(out());
            if (tasks.isEmpty()) {
                out().println("(no tasks)");
            }
        }
        return 0;
    }

    @Command(name = "show", description = "Show a task: params, result, runs, errors, steps.")
    int show(@Parameters(paramLabel = "TASK_ID") long taskId,
             @Option(names = "--json", description = "print it as JSON (as the dashboard's API gives it)") boolean json)
            throws Exception {
        try (Application app = open()) {
            TaskInfo t = app.result(taskId).orElse(null);
            if (t == null) {
                err().println("spool tasks: no task " + taskId);
                return 1;
            }
            List<RunInfo> runs = app.runs(taskId);
            List<StepInfo> steps = app.steps(taskId);
            PrintWriter o = out();
            if (json) {
                o.println(JSON.writeValueAsString(TaskViews.detail(t, runs, steps)));
                return 0;
            }
            o.println("task " + t.taskId() + ": " + Terminal.clean(t.name()) + " in queue " + Terminal.clean(t.queue()));
            o.println("state:    " + t.state().sql() + ", attempt " + t.attempt() + " of " + t.maxAttempts()
                    + ", priority " + t.priority());
            o.println("created:  " + time(t.createdAt()) + (t.finishedAt() == null ? "" : ", finished " + time(t.finishedAt())));
            if (t.idempotencyKey() != null) {
                o.println("key:      " + Terminal.clean(t.idempotencyKey()));
            }
            if (!t.headers().isEmpty()) {
                o.println("headers:  " + Terminal.clean(t.headers().toString()));
            }
            o.println("params:   " + Terminal.clean(String.valueOf(Payload.of(t.params()))));
            o.println("result:   " + (t.result() == null ? "-" : Terminal.clean(String.valueOf(Payload.of(t.result())))));
            o.println("runs:");
            for (RunInfo r : runs) {
                o.println("  run " + r.runId() + " attempt " + r.attempt() + " " + r.state()
                        + (r.workerId() == null ? "" : " by " + Terminal.clean(r.workerId()))
                        + (r.claimedAt() == null ? "" : ", claimed " + time(r.claimedAt()))
                        + (r.finishedAt() == null ? "" : ", finished " + time(r.finishedAt())));
                if (r.error() != null) {
                    Terminal.clean(r.error()).lines().forEach(l -> o.println("      " + l));
                }
            }
            if (!steps.isEmpty()) {
                o.println("steps:");
                for (StepInfo s : steps) {
                    o.println("  " + Terminal.clean(s.name()) + " (run " + s.runId() + "): "
                            + Terminal.clean(String.valueOf(Payload.of(s.result()))));
                }
            }
        }
        return 0;
    }

    @Command(name = "retry", description = "Run a completed, dead or cancelled task again.")
    int retry(@Parameters(paramLabel = "TASK_ID") long taskId) {
        try (Application app = open()) {
            SpawnResult r = app.retry(taskId);
            out().println("task " + taskId + " will run again: run " + r.runId() + ", attempt " + r.attempt());
        }
        return 0;
    }

    @Command(name = "cancel", description = "Cancel a pending or running task.")
    int cancel(@Parameters(paramLabel = "TASK_ID") long taskId) {
        try (Application app = open()) {
            if (app.cancel(taskId)) {
                out().println("task " + taskId + " cancelled");
                return 0;
            }
            err().println("spool tasks: " + app.result(taskId).map(t -> "task " + taskId + " is " + t.state().sql()
                    + "; only pending or running tasks can be cancelled").orElse("no task " + taskId));
            return 1;
        }
    }

    @Command(name = "pause", description = "Pause a queue: no worker claims from it until resumed.")
    int pause(@Parameters(paramLabel = "QUEUE") String queue) {
        try (Application app = open()) {
            boolean now = app.pauseQueue(queue, "cli " + System.getProperty("user.name", "?"));
            out().println("queue " + Terminal.clean(queue) + (now ? " paused" : " was paused already"));
        }
        return 0;
    }

    @Command(name = "resume", description = "Resume a paused queue.")
    int resume(@Parameters(paramLabel = "QUEUE") String queue) {
        try (Application app = open()) {
            boolean now = app.resumeQueue(queue);
            out().println("queue " + Terminal.clean(queue) + (now ? " resumed" : " was not paused"));
        }
        return 0;
    }

    @Command(name = "counts", description = "Tasks per queue and state, with what waits and runs now.")
    int counts() {
        try (Application app = open()) {
            TaskCounts c = app.counts();
            QueueDepths.Snapshot now = new QueueDepths(app).read();
            SortedSet<String> queues = now.queues(c);
            Table t = new Table("QUEUE", "PENDING", "RUNNING", "COMPLETED", "DEAD", "CANCELLED", "AVAILABLE",
                    "SCHEDULED", "OLDEST_WAIT", "PAUSED");
            for (String q : queues) {
                QueueDepths.Depth d = now.total(q);
                t.row(q, c.count(q, TaskState.PENDING), c.count(q, TaskState.RUNNING), c.count(q, TaskState.COMPLETED),
                        c.count(q, TaskState.DEAD), c.count(q, TaskState.CANCELLED), d.available(), d.scheduled(),
                        d.available() == 0 ? "-" : String.format("%.1fs", d.oldestWaitSeconds()),
                        now.paused().containsKey(q) ? "yes" : "no");
            }
            t.print(out());
            if (queues.isEmpty()) {
                out().println("(no queues with tasks)");
            }
        }
        return 0;
    }

    private static String time(Instant i) {
        return i == null ? "-" : i.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String firstLine(String s, int max) {
        String line = s.lines().findFirst().orElse("");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
