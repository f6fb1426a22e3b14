package io.spool.tasks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The worker process of {@link KillTest}: serves queue {@code kill} until its standard input closes (then stops
 * gracefully) or it is killed with SIGKILL. Each task sleeps a little, then performs its side effect: an upsert
 * keyed by the task id that counts how often the effect ran.
 *
 * <p>Arguments: database URL, schema, worker id, concurrency.
 */
public final class KillTestWorker {
    private KillTestWorker() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String schema = args[1];
        String workerId = args[2];
        int concurrency = Integer.parseInt(args[3]);
        Application app = Application.create(TaskConfig.of(url).withSchema(schema).withPoolSize(6)
                .withPollInterval(Duration.ofMillis(200)).withRetention(Retention.keepAll()));
        String effect = "INSERT INTO " + schema + ".kill_effects (task_id, executions) VALUES ($1, 1) "
                + "ON CONFLICT (task_id) DO UPDATE SET executions = kill_effects.executions + 1";
        Worker worker = app.createWorker(workerId, WorkerOptions.defaults().withQueue("kill", concurrency)
                .withSchedules(false).withCleanup(false)).register("kill-task", (ctx, params) -> {
                    Thread.sleep(20 + Math.floorMod(ctx.taskId() * 7919, 100));  // 20..119 ms, fixed per task
                    app.pool().execute(effect, ctx.taskId());
                    return ("done " + ctx.taskId()).getBytes(StandardCharsets.UTF_8);
                }).start();
        System.out.println("READY " + workerId);
        System.out.flush();
        while (System.in.read() >= 0) {
            // the parent closes our stdin to stop us gracefully
        }
        worker.stop(Duration.ofSeconds(5));
        app.close();
        System.out.println("STOPPED " + workerId);
        System.exit(0);
    }
}
