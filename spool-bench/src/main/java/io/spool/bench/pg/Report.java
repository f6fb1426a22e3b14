package io.spool.bench.pg;

import java.util.Map;

/** Prints the results table and the spool/peer ratios. */
final class Report {
    private Report() {}

    static void print(Map<Workload, Map<String, PgBench.Result>> results) {
        System.out.printf("%n%-24s %-30s %12s %10s %10s%n", "workload", "contender", "req/s", "p50 µs", "p99 µs");
        results.forEach((w, byName) -> byName.forEach((name, r) -> System.out.printf("%-24s %-30s %,12.0f %,10d %,10d%n",
                w.title(), name, r.opsPerSecond(), r.latency().getValueAtPercentile(50), r.latency().getValueAtPercentile(99))));
        System.out.printf("%nRatios spool/peer (throughput, > 1 means spool is faster):%n");
        results.forEach((w, byName) -> byName.forEach((spool, s) -> {
            if (!spool.startsWith("spool")) {
                return;
            }
            StringBuilder line = new StringBuilder(String.format("%-24s %-30s", w.title(), spool));
            byName.forEach((peer, p) -> {
                if (!peer.startsWith("spool")) {
                    line.append(String.format("  vs %s %.2f", peer, s.opsPerSecond() / p.opsPerSecond()));
                }
            });
            System.out.println(line);
        }));
    }
}
