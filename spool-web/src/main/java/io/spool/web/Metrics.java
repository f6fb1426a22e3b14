package io.spool.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Request metrics in the Prometheus text format: a counter of requests by method, route pattern and status, a
 * latency histogram by method and route, and a gauge of requests in flight. Routes are patterns (never raw
 * paths), so the number of series stays bounded; requests that matched no route count as "unmatched" (under
 * method "other" when the method is not a standard one), and
 * requests refused before routing (malformed, oversized, too slow) as method "-", route "rejected".
 */
public final class Metrics {
    /** Methods an unmatched request is counted under by name; any other a client makes up counts as "other". */
    private static final Set<String> STANDARD_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");
    static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /**
     * The counters of one method and route: requests by status, and the latency of those that ran. A route holds
     * its own, so that counting a routed request needs no lookup.
     */
    static final class Series {
        final String method;
        final String route;
        final AtomicReferenceArray<LongAdder> byStatus =   // index: status
                new AtomicReferenceArray<>(Response.MAX_STATUS + 1);
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];   // non-cumulative here; summed on output
        final LongAdder count = new LongAdder();
        final LongAdder sumNanos = new LongAdder();

        Series(String method, String route) {
            this.method = method;
            this.route = route;
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void count(int status) {
            LongAdder n = byStatus.get(status);
            if (n == null) {
                byStatus.compareAndSet(status, null, new LongAdder());
                n = byStatus.get(status);
            }
            n.increment();
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }
    }

    /**
     * By route, then method. Two lookups of strings the router and Netty keep (their hashes are cached and
     * equal keys are usually the same object), so counting a request allocates nothing.
     */
    private final Map<String, Map<String, Series>> series = new ConcurrentHashMap<>();
    /** Added to and taken from by every event loop, read rarely: striped, so the loops' cores do not contend. */
    private final LongAdder inFlight = new LongAdder();
    /** Expositions of other registries, appended to each scrape. */
    private final List<Supplier<String>> included = new CopyOnWriteArrayList<>();

    /**
     * Appends what {@code exposition} returns (Prometheus text format, whole metric families with names of their
     * own) to every {@link #scrape()}, so one {@code /metrics} serves the app's other metrics too.
     */
    public Metrics include(Supplier<String> exposition) {
        included.add(Objects.requireNonNull(exposition, "exposition"));
        return this;
    }

    void started() {
        inFlight.increment();
    }

    /** Counts a finished request. */
    void finished(String method, Router.Route route, int status, long nanos) {
        Series s = seriesOf(method, route);
        s.count(status);
        s.observe(nanos);
        inFlight.decrement();
    }

    private Series seriesOf(String method, Router.Route route) {
        if (route == null) {
            return series(STANDARD_METHODS.contains(method) ? method : "other", "unmatched");
        }
        if (route.series() != null && route.method().equals(method)) {
            return route.series();
        }
        return series(method, route.pattern());   // HEAD served by a GET route is counted as HEAD
    }

    /**
     * A request the event loop refused before routing (malformed, too large, too slow): counted under the method
     * "-" and the route "rejected", outside the latency histogram (no handler ran).
     */
    void rejected(int status) {
        series("-", "rejected").count(status);
    }

    Series series(String method, String route) {
        Map<String, Series> byMethod = series.get(route);
        if (byMethod == null) {
            byMethod = series.computeIfAbsent(route, r -> new ConcurrentHashMap<>());
        }
        Series s = byMethod.get(method);
        return s != null ? s : byMethod.computeIfAbsent(method, m -> new Series(m, route));
    }

    /** Requests being handled now (a sum of stripes: exact whenever none is starting or finishing meanwhile). */
    public long inFlight() {
        return inFlight.sum();
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("# HELP spool_http_requests_total HTTP requests by method, route pattern and status.\n")
          .append("# TYPE spool_http_requests_total counter\n");
        forEachSeries(s -> {
            for (int status = 0; status < s.byStatus.length(); status++) {
                LongAdder n = s.byStatus.get(status);
                if (n != null) {
                    sb.append("spool_http_requests_total{method=\"").append(s.method).append("\",route=\"")
                      .append(escape(s.route)).append("\",status=\"").append(status).append("\"} ")
                      .append(n.sum()).append('\n');
                }
            }
        });
        sb.append("# HELP spool_http_request_duration_seconds Time from request to last byte written.\n")
          .append("# TYPE spool_http_request_duration_seconds histogram\n");
        forEachSeries(s -> {
            long count = s.count.sum();
            if (count == 0) {
                return;   // only refusals so far: no handler ran
            }
            String labels = "method=\"" + s.method + "\",route=\"" + escape(s.route) + "\"";
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += s.buckets[i].sum();
                sb.append("spool_http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                  .append(BUCKETS[i]).append("\"} ").append(cumulative).append('\n');
            }
            sb.append("spool_http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
              .append(count).append('\n');
            sb.append("spool_http_request_duration_seconds_sum{").append(labels).append("} ")
              .append(s.sumNanos.sum() / 1e9).append('\n');
            sb.append("spool_http_request_duration_seconds_count{").append(labels).append("} ")
              .append(count).append('\n');
        });
        sb.append("# HELP spool_http_requests_in_flight Requests being handled now.\n")
          .append("# TYPE spool_http_requests_in_flight gauge\n")
          .append("spool_http_requests_in_flight ").append(inFlight.sum()).append('\n');
        for (Supplier<String> more : included) {
            sb.append(more.get());
        }
        return sb.toString();
    }

    private void forEachSeries(Consumer<Series> action) {
        series.values().forEach(byMethod -> byMethod.values().forEach(action));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
