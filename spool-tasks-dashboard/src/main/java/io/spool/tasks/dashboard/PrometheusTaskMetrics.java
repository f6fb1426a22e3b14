package io.spool.tasks.dashboard;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.spool.tasks.Application;
import io.spool.tasks.TaskMetrics;
import io.spool.web.WebApp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * spool-tasks' {@link TaskMetrics} in the official Prometheus Java client: per queue and task name, counters of
 * claims, completions, failures (every failed attempt), retries, dead tasks, lease losses and cancellations, and
 * histograms of the pickup wait (available to claimed, by the database's clock) and of handler run time, all
 * counted in memory on the worker's threads; and, when given an {@link Application}, gauges read at scrape time in
 * one query ({@link QueueDepths}): runs available, scheduled and running, the age of the oldest available run,
 * and paused queues. Give it to workers with {@code worker.metrics(m)}; read it as a {@link #registry()}, as text
 * ({@link #scrape()}), or served by a spool-web app's {@code /metrics} ({@link #exposeOn}).
 */
public final class PrometheusTaskMetrics implements TaskMetrics {
    private static final double[] PICKUP_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60,
            300, 1800};
    private static final double[] RUN_BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30,
            60, 300};

    /** The data points of one queue and task name, looked up once per pair (two map reads, no allocation). */
    private record Series(CounterDataPoint claims, CounterDataPoint completions, CounterDataPoint failures,
                          CounterDataPoint retries, CounterDataPoint dead, CounterDataPoint leaseLosses,
                          CounterDataPoint cancellations, DistributionDataPoint pickup, DistributionDataPoint run) {}

    private final PrometheusRegistry registry;
    private final Counter claims;
    private final Counter completions;
    private final Counter failures;
    private final Counter retries;
    private final Counter dead;
    private final Counter leaseLosses;
    private final Counter cancellations;
    private final Histogram pickup;
    private final Histogram run;
    private final Map<String, Map<String, Series>> series = new ConcurrentHashMap<>();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    private PrometheusTaskMetrics(PrometheusRegistry registry, Application app) {
        this.registry = registry;
        claims = counter("spool_tasks_claims", "Runs claimed by this process's workers.");
        completions = counter("spool_tasks_completions", "Runs completed (result stored).");
        failures = counter("spool_tasks_failures", "Runs failed (each failed attempt, retried or not).");
        retries = counter("spool_tasks_retries", "Failed runs whose task will run again.");
        dead = counter("spool_tasks_dead", "Failed runs that left their task dead (no attempts left, or permanent).");
        leaseLosses = counter("spool_tasks_lease_losses", "Runs whose lease was lost: nothing they sent was written.");
        cancellations = counter("spool_tasks_cancellations", "Runs whose task was cancelled while they ran.");
        pickup = Histogram.builder().name("spool_tasks_pickup_seconds")
                .help("Time from a run becoming available to its claim, by the database's clock.")
                .labelNames("queue", "task").classicOnly().classicUpperBounds(PICKUP_BUCKETS).register(registry);
        run = Histogram.builder().name("spool_tasks_run_seconds").help("Time a handler ran, per run.")
                .labelNames("queue", "task").classicOnly().classicUpperBounds(RUN_BUCKETS).register(registry);
        if (app != null) {
            registry.register(new DepthCollector(new QueueDepths(app)));
        }
    }

    /** Counters and histograms only, in a registry of their own. */
    public static PrometheusTaskMetrics create() {
        return new PrometheusTaskMetrics(new PrometheusRegistry(), null);
    }

    /** Counters, histograms and the gauges of {@code app}'s queues (read at each scrape), in a registry of their own. */
    public static PrometheusTaskMetrics create(Application app) {
        return new PrometheusTaskMetrics(new PrometheusRegistry(), app);
    }

    /** As {@link #create(Application)} ({@code app} may be null), registered in {@code registry}. */
    public static PrometheusTaskMetrics create(PrometheusRegistry registry, Application app) {
        return new PrometheusTaskMetrics(registry, app);
    }

    private Counter counter(String name, String help) {
        return Counter.builder().name(name).help(help).labelNames("queue", "task").register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** The registry in the Prometheus text format (0.0.4). */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Serves this registry through {@code web}'s {@code /metrics} too (turn that on with {@code web.metrics()}). */
    public PrometheusTaskMetrics exposeOn(WebApp web) {
        web.metricsRegistry().include(this::scrape);
        return this;
    }

    private Series series(String queue, String task) {
        Map<String, Series> byTask = series.get(queue);
        if (byTask == null) {
            byTask = series.computeIfAbsent(queue, q -> new ConcurrentHashMap<>());
        }
        Series s = byTask.get(task);
        return s != null ? s : byTask.computeIfAbsent(task, t -> new Series(claims.labelValues(queue, t),
                completions.labelValues(queue, t), failures.labelValues(queue, t), retries.labelValues(queue, t),
                dead.labelValues(queue, t), leaseLosses.labelValues(queue, t), cancellations.labelValues(queue, t),
                pickup.labelValues(queue, t), run.labelValues(queue, t)));
    }

    @Override
    public void claimed(String queue, String taskName, long waitedNanos) {
        Series s = series(queue, taskName);
        s.claims().inc();
        s.pickup().observe(waitedNanos / 1e9);
    }

    @Override
    public void ended(String queue, String taskName, RunEnd end, long handlerNanos) {
        Series s = series(queue, taskName);
        switch (end) {
            case COMPLETED -> s.completions().inc();
            case RETRYING -> {
                s.failures().inc();
                s.retries().inc();
            }
            case DEAD -> {
                s.failures().inc();
                s.dead().inc();
            }
            case LEASE_LOST -> s.leaseLosses().inc();
            case CANCELLED -> s.cancellations().inc();
        }
        if (end != RunEnd.LEASE_LOST && end != RunEnd.CANCELLED) {
            s.run().observe(handlerNanos / 1e9);
        }
    }

    /** The gauges: one query per scrape. A failed query leaves them out of that scrape (the counters still go). */
    private record DepthCollector(QueueDepths depths) implements MultiCollector {
        @Override
        public MetricSnapshots collect() {
            QueueDepths.Snapshot now;
            try {
                now = depths.read();
            } catch (RuntimeException e) {
                System.getLogger(PrometheusTaskMetrics.class.getName()).log(System.Logger.Level.WARNING,
                        "spool-tasks queue gauges could not be read: " + e.getMessage());
                return new MetricSnapshots();
            }
            GaugeSnapshot.Builder available = gauge("spool_tasks_queue_depth",
                    "Runs available to claim now (pending and due).");
            GaugeSnapshot.Builder scheduled = gauge("spool_tasks_scheduled", "Pending runs due later (delays, backoff).");
            GaugeSnapshot.Builder running = gauge("spool_tasks_running", "Runs claimed and running.");
            GaugeSnapshot.Builder oldest = gauge("spool_tasks_oldest_available_age_seconds",
                    "How long the oldest run available to claim has waited (0: none).");
            for (QueueDepths.Depth d : now.depths()) {
                Labels labels = Labels.of("queue", d.queue(), "task", d.task());
                available.dataPoint(point(labels, d.available()));
                scheduled.dataPoint(point(labels, d.scheduled()));
                running.dataPoint(point(labels, d.running()));
                oldest.dataPoint(point(labels, d.oldestWaitSeconds()));
            }
            GaugeSnapshot.Builder paused = gauge("spool_tasks_queue_paused", "1 for each paused queue.");
            now.paused().keySet().forEach(q -> paused.dataPoint(point(Labels.of("queue", q), 1)));
            return new MetricSnapshots(available.build(), scheduled.build(), running.build(), oldest.build(),
                    paused.build());
        }

        private static GaugeSnapshot.Builder gauge(String name, String help) {
            return GaugeSnapshot.builder().name(name).help(help);
        }

        private static GaugeSnapshot.GaugeDataPointSnapshot point(Labels labels, double value) {
            return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
        }
    }
}
