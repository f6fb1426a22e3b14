package io.spool.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request metrics in the Prometheus text format: a counter of requests by method, route pattern and status, a
 * latency histogram by method and route, and a gauge of requests in flight. Routes are patterns (never raw
 * paths), so the number of series stays bounded; requests that matched no route count as "unmatched", and
 * requests refused before routing (malformed, oversized, too slow) as method "-", route "rejected".
 */
public final class Metrics {
    static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Series(String method, String route) {}

    private record Key(String method, String route, int status) {}

    private static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();   // non-cumulative here; summed on output
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }
    }

    private final Map<Key, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<Series, Histogram> latency = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();

    void started() {
        inFlight.incrementAndGet();
    }

    /** Counts a finished request; returns how many are still in flight. */
    long finished(String method, String route, int status, long nanos) {
        String r = route == null ? "unmatched" : route;
        requests.computeIfAbsent(new Key(method, r, status), k -> new LongAdder()).increment();
        latency.computeIfAbsent(new Series(method, r), k -> new Histogram()).observe(nanos);
        return inFlight.decrementAndGet();
    }

    /**
     * A request the event loop refused before routing (malformed, too large, too slow): counted under the method
     * "-" and the route "rejected", outside the latency histogram (no handler ran).
     */
    void rejected(int status) {
        requests.computeIfAbsent(new Key("-", "rejected", status), k -> new LongAdder()).increment();
    }

    public long inFlight() {
        return inFlight.get();
    }

    /** The Prometheus text exposition (format 0.0.4). */
    public String scrape() {
        StringBuilder sb = new StringBuilder(1024);
        sb.append("# HELP spool_http_requests_total HTTP requests by method, route pattern and status.\n")
          .append("# TYPE spool_http_requests_total counter\n");
        requests.forEach((k, v) -> sb.append("spool_http_requests_total{method=\"").append(k.method())
                .append("\",route=\"").append(escape(k.route())).append("\",status=\"").append(k.status())
                .append("\"} ").append(v.sum()).append('\n'));
        sb.append("# HELP spool_http_request_duration_seconds Time from request to last byte written.\n")
          .append("# TYPE spool_http_request_duration_seconds histogram\n");
        latency.forEach((s, h) -> {
            String labels = "method=\"" + s.method() + "\",route=\"" + escape(s.route()) + "\"";
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += h.buckets[i].sum();
                sb.append("spool_http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                  .append(BUCKETS[i]).append("\"} ").append(cumulative).append('\n');
            }
            long count = h.count.sum();
            sb.append("spool_http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
              .append(count).append('\n');
            sb.append("spool_http_request_duration_seconds_sum{").append(labels).append("} ")
              .append(h.sumNanos.sum() / 1e9).append('\n');
            sb.append("spool_http_request_duration_seconds_count{").append(labels).append("} ")
              .append(count).append('\n');
        });
        sb.append("# HELP spool_http_requests_in_flight Requests being handled now.\n")
          .append("# TYPE spool_http_requests_in_flight gauge\n")
          .append("spool_http_requests_in_flight ").append(inFlight.get()).append('\n');
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
