package io.spool.memes.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.MemeException;
import io.spool.tasks.Application;
import io.spool.tasks.RetryBackoff;
import io.spool.tasks.SpawnOptions;
import io.spool.tasks.SpawnResult;
import io.spool.tasks.TaskConfig;
import io.spool.tasks.TaskInfo;
import io.spool.tasks.Worker;
import io.spool.tasks.dashboard.PrometheusTaskMetrics;
import io.spool.tasks.WorkerOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Durable render jobs on spool-tasks. {@link #submit} stores the (already validated) request as a task's params;
 * a worker of any process on the same database renders it and stores the image bytes as the task's result, so a
 * job outlives the process that accepted it, and a restarted service finishes or serves it. A request that can
 * never render (unknown font, too large) fails the task at once with its HTTP status; other errors are retried
 * with backoff. A job id is its task id with a random token ({@link JobId}), so ids cannot be guessed.
 */
public final class MemeJobs implements AutoCloseable {
    public static final String TASK = "memes-render";
    public static final String QUEUE = "memes";
    public static final String SCHEMA = "spool_memes_jobs";

    /** How long a job stays with a worker that stopped heartbeating (a killed process) before another takes it. */
    public static final Duration LEASE = Duration.ofSeconds(10);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Application app;
    private final Worker worker;
    private final PrometheusTaskMetrics metrics;

    private MemeJobs(Application app, Worker worker, PrometheusTaskMetrics metrics) {
        this.app = app;
        this.worker = worker;
        this.metrics = metrics;
    }

    /**
     * Connects to {@code databaseUrl} (creating the schema on first use) and, when {@code workers} is positive,
     * starts a worker rendering up to that many jobs at once with {@code renderer}.
     */
    public static MemeJobs start(String databaseUrl, int workers, JobRenderer renderer, Duration shutdownTimeout) {
        Application app = Application.create(TaskConfig.of(databaseUrl).withSchema(SCHEMA)
                .withQueues(Map.of(QUEUE, Math.max(1, workers))).withPoolSize(Math.max(4, workers + 2))
                .withPollInterval(Duration.ofMillis(500))
                // the worker's heartbeat extends a live lease; a short one lets a killed process's jobs run again soon
                .withDefaultLease(LEASE));
        try {
            PrometheusTaskMetrics metrics = PrometheusTaskMetrics.create(app);
            Worker worker = null;
            if (workers > 0) {
                worker = app.createWorker("memes-" + UUID.randomUUID(), WorkerOptions.defaults()
                                .withQueues(Map.of(QUEUE, workers)).withShutdownTimeout(shutdownTimeout)
                                // renders are long next to a claim, and other instances may be idle: no hoarding
                                .withClaimAhead(0))
                        .register(TASK, (ctx, params) -> render(renderer, params))
                        .metrics(metrics)
                        .start();
            }
            return new MemeJobs(app, worker, metrics);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private static byte[] render(JobRenderer renderer, byte[] params) throws InterruptedException, IOException {
        CaptionRequest request;
        try {
            request = CaptionRequest.parse(JSON.readTree(params));
            return renderer.render(request).bytes();
        } catch (MemeException e) {
            throw JobFailure.of(e.status(), e.getMessage());
        }
    }

    /** The queue the jobs are in (for its dashboard). */
    public Application application() {
        return app;
    }

    /** The jobs' Prometheus series: the worker's counters and histograms, the queue's gauges. */
    public PrometheusTaskMetrics metrics() {
        return metrics;
    }

    /** Stores a job for {@code requestTree} (validate it first: the caller answers bad input at once). */
    public String submit(JsonNode requestTree) {
        String token = JobId.newToken();
        SpawnResult r;
        try {
            r = app.spawnTask(TASK, JSON.writeValueAsBytes(requestTree), SpawnOptions.defaults().withQueue(QUEUE)
                    .withMaxAttempts(5).withBackoff(RetryBackoff.exponential(Duration.ofSeconds(1), Duration.ofSeconds(30)))
                    .withHeader(JobId.HEADER, token));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new JobId(r.taskId(), token).toString();
    }

    /** The job's status, or empty when there is no job {@code id}. */
    public Optional<JobStatus> status(String id) {
        Optional<JobId> jobId = JobId.parse(id);
        if (jobId.isEmpty()) {
            return Optional.empty();
        }
        Optional<TaskInfo> found = app.result(jobId.get().taskId());
        if (found.isEmpty() || !found.get().name().equals(TASK)
                || !jobId.get().matches(found.get().headers().get(JobId.HEADER))) {
            return Optional.empty();
        }
        TaskInfo task = found.get();
        return Optional.of(switch (task.state()) {
            case PENDING -> new JobStatus.Waiting(id, "pending");
            case RUNNING -> new JobStatus.Waiting(id, "running");
            case COMPLETED -> done(id, task.result());
            case DEAD -> JobFailure.read(id, task.error());
            case CANCELLED -> new JobStatus.Failed(id, 410, "the job was cancelled");
        });
    }

    private static JobStatus done(String id, byte[] image) {
        Optional<ImageFormat> format = ImageFormat.detect(image == null ? new byte[0] : image);
        if (format.isEmpty()) {
            return new JobStatus.Failed(id, 500, "the job's result is not an image");
        }
        return new JobStatus.Done(id, image, format.get().mediaType(), '"' + AssetStore.hash(image) + '"');
    }

    /** Stops the worker (letting running jobs finish within the shutdown timeout) and disconnects. */
    @Override
    public void close() {
        if (worker != null) {
            worker.close();
        }
        app.close();
    }
}
