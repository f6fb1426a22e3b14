package io.spool.bench.tasks;

import com.zaxxer.hikari.HikariDataSource;
import org.jobrunr.configuration.JobRunr;
import org.jobrunr.jobs.lambdas.JobRequest;
import org.jobrunr.jobs.lambdas.JobRequestHandler;
import org.jobrunr.scheduling.JobRequestScheduler;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.sql.postgres.PostgresStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.stream.IntStream;

/**
 * JobRunr (open source): the PostgreSQL storage provider on a HikariCP pool of {@code connections}, Jackson as
 * its JSON mapper, a background job server with {@code concurrency} workers and the shortest poll interval it
 * accepts for a SQL database (5 s). Jobs are {@link JobRequest}s carrying the task's index, enqueued as a stream
 * per batch ({@link JobRequestScheduler#enqueue(java.util.stream.Stream)}); completed = jobs in state SUCCEEDED.
 */
final class JobRunrContender implements TaskContender {
    static final String NAME = "jobrunr";
    /** JobRunr refuses a shorter poll interval with a SQL storage provider. */
    static final Duration POLL_INTERVAL = Duration.ofSeconds(5);

    private final Options options;
    private HikariDataSource pool;
    private JobRequestScheduler scheduler;

    JobRunrContender(Options options) {
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String settings() {
        return "workerCount " + options.concurrency() + " (its default worker policy), HikariCP "
                + options.connections() + " connections, PostgresStorageProvider, JacksonJsonMapper, pollInterval "
                + POLL_INTERVAL.toSeconds() + " s (its minimum for SQL), JobRequestScheduler.enqueue(Stream)";
    }

    @Override
    public void start(Database db, Probe probe) {
        pool = Hikari.pool(db, options.connections(), "jobrunr");
        NoopHandler handler = new NoopHandler(probe);
        scheduler = JobRunr.configure()
                .useJsonMapper(new JacksonJsonMapper())
                .useStorageProvider(new PostgresStorageProvider(pool))
                .useJobActivator(new org.jobrunr.server.JobActivator() {
                    @Override
                    public <T> T activateJob(Class<T> type) {
                        return type.cast(handler);
                    }
                })
                .useBackgroundJobServer(BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andWorkerCount(options.concurrency())
                        .andPollInterval(POLL_INTERVAL))
                .initialize()
                .getJobRequestScheduler();
    }

    @Override
    public void spawn(int from, int count) {
        scheduler.enqueue(IntStream.range(from, from + count).mapToObj(NoopRequest::new));
    }

    @Override
    public long completed(Connection monitor, int spawned) throws SQLException {
        return TaskContender.count(monitor, "SELECT count(*) FROM jobrunr_jobs WHERE state = 'SUCCEEDED'");
    }

    @Override
    public void close() {
        JobRunr.destroy();  // stops the background job server and closes the storage provider
        if (pool != null) {
            pool.close();
        }
    }

    /** A job: the index of the task. Public with a no-argument constructor, for JobRunr's JSON mapping. */
    public static final class NoopRequest implements JobRequest {
        private int index;

        public NoopRequest() {}

        NoopRequest(int index) {
            this.index = index;
        }

        public int getIndex() {
            return index;
        }

        @Override
        public Class<NoopHandler> getJobRequestHandler() {
            return NoopHandler.class;
        }
    }

    /** The handler of every job: tells the probe and returns. */
    public static final class NoopHandler implements JobRequestHandler<NoopRequest> {
        private final Probe probe;

        NoopHandler(Probe probe) {
            this.probe = probe;
        }

        @Override
        public void run(NoopRequest request) {
            probe.started(request.getIndex());
        }
    }
}
