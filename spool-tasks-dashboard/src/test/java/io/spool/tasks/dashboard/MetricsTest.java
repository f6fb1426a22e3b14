package io.spool.tasks.dashboard;

import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.tasks.SpawnOptions;
import io.spool.tasks.TaskMetrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus series, read as a scraper reads them: from spool-web's {@code /metrics} over a socket, parsed,
 * before and after tasks run, fail, retry and wait in a paused queue.
 */
@ExtendWith(PostgresExtension.class)
class MetricsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final TestDatabase db;
    private Served s;

    MetricsTest(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void start() {
        s = new Served(db, "dash_metrics");
    }

    @AfterEach
    void stop() {
        s.close();
    }

    private Exposition scrape() throws Exception {
        HttpResponse<String> r = s.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).as("spool-web's own series are still there").contains("spool_http_requests_total");
        return Exposition.parse(r.body());
    }

    @Test
    void countersAndHistogramsMoveAsTasksRunFailAndRetry() throws Exception {
        Exposition before = scrape();
        assertThat(before.of("spool_tasks_completions_total", "queue", "default", "task", "ok")).isZero();
        s.app.createWorker("w").metrics(s.metrics)
                .register("ok", (ctx, p) -> {
                    Thread.sleep(30);
                    return p;
                })
                .register("bad", (ctx, p) -> {
                    throw new IllegalStateException("no");
                }).start();
        for (int i = 0; i < 3; i++) {
            s.app.awaitResult(s.app.spawnTask("ok", new byte[]{1}).taskId(), WAIT);
        }
        long bad = s.app.spawnTask("bad", new byte[0], SpawnOptions.defaults().withMaxAttempts(2)).taskId();
        s.app.awaitResult(bad, WAIT);
        Served.eventually("the dead run counted", () -> {
            try {
                return scrape().of("spool_tasks_dead_total", "queue", "default", "task", "bad") == 1;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        Exposition after = scrape();
        String[] ok = {"queue", "default", "task", "ok"};
        String[] badLabels = {"queue", "default", "task", "bad"};
        assertThat(after.of("spool_tasks_claims_total", ok)).isEqualTo(3);
        assertThat(after.of("spool_tasks_completions_total", ok)).isEqualTo(3);
        assertThat(after.of("spool_tasks_failures_total", ok)).isZero();
        assertThat(after.of("spool_tasks_claims_total", badLabels)).isEqualTo(2);
        assertThat(after.of("spool_tasks_failures_total", badLabels)).isEqualTo(2);
        assertThat(after.of("spool_tasks_retries_total", badLabels)).isEqualTo(1);
        assertThat(after.of("spool_tasks_dead_total", badLabels)).isEqualTo(1);
        assertThat(after.of("spool_tasks_run_seconds_count", ok)).isEqualTo(3);
        assertThat(after.of("spool_tasks_run_seconds_sum", ok)).isGreaterThanOrEqualTo(0.09);
        assertThat(after.of("spool_tasks_run_seconds_bucket", "queue", "default", "task", "ok", "le", "0.01"))
                .as("no run of 30 ms is under 10 ms").isZero();
        assertThat(after.of("spool_tasks_run_seconds_bucket", "queue", "default", "task", "ok", "le", "+Inf"))
                .isEqualTo(3);
        assertThat(after.of("spool_tasks_pickup_seconds_count", ok)).isEqualTo(3);
        assertThat(after.of("spool_tasks_queue_depth", ok)).as("nothing waits").isZero();
    }

    @Test
    void lostLeasesAreCounted() {
        PrometheusTaskMetrics plain = PrometheusTaskMetrics.create();
        plain.ended("q", "t", TaskMetrics.RunEnd.LEASE_LOST, 0);
        plain.ended("q", "t", TaskMetrics.RunEnd.CANCELLED, 0);
        plain.claimed("q", "t", 2_000_000_000L);
        Exposition e = Exposition.parse(plain.scrape());
        assertThat(e.of("spool_tasks_lease_losses_total", "queue", "q", "task", "t")).isEqualTo(1);
        assertThat(e.of("spool_tasks_cancellations_total", "queue", "q", "task", "t")).isEqualTo(1);
        assertThat(e.of("spool_tasks_pickup_seconds_bucket", "queue", "q", "task", "t", "le", "1.0")).isZero();
        assertThat(e.of("spool_tasks_pickup_seconds_bucket", "queue", "q", "task", "t", "le", "2.5")).isEqualTo(1);
        assertThat(plain.scrape()).as("a registry without an application has no gauges")
                .doesNotContain("spool_tasks_queue_depth");
    }

    @Test
    void gaugesShowDepthOldestAgeScheduledAndPausedQueuesAtScrapeTime() throws Exception {
        s.app.pauseQueue("mail", null);
        for (int i = 0; i < 4; i++) {
            s.app.spawnTask("send", new byte[0], SpawnOptions.defaults().withQueue("mail"));
        }
        s.app.spawnTask("send", new byte[0], SpawnOptions.defaults().withQueue("mail").withDelay(Duration.ofHours(1)));
        Thread.sleep(1100);
        Exposition e = scrape();
        String[] send = {"queue", "mail", "task", "send"};
        assertThat(e.of("spool_tasks_queue_depth", send)).isEqualTo(4);
        assertThat(e.of("spool_tasks_scheduled", send)).isEqualTo(1);
        assertThat(e.of("spool_tasks_running", send)).isZero();
        assertThat(e.of("spool_tasks_oldest_available_age_seconds", send)).isGreaterThanOrEqualTo(1.0);
        assertThat(e.of("spool_tasks_queue_paused", "queue", "mail")).isEqualTo(1);
        s.app.resumeQueue("mail");
        assertThat(scrape().of("spool_tasks_queue_paused", "queue", "mail")).isZero();
    }
}
