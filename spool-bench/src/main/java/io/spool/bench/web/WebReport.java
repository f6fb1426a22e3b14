package io.spool.bench.web;

import io.spool.bench.Stats;
import io.spool.bench.Table;

import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Prints the web benchmark's results: per endpoint and connection count, each contender's median throughput
 * and median p50/p99 latency over the rounds, errors, and its throughput relative to raw Netty; then spool-web's
 * ratios against its targets (at least 90% of raw Netty, at least Helidon and Javalin), once it is measured.
 * A ratio is the median of the per-round ratios (round i of one contender against round i of the other, which
 * ran just before or after it), with their range beside it: the machine drifts between rounds, and pairing
 * takes that drift out.
 */
final class WebReport {
    /** A throughput target of spool-web: the least acceptable ratio spool-web / peer. */
    private record Target(String peer, double least) {}

    private static final List<Target> TARGETS = List.of(new Target(Contenders.RAW_NETTY, 0.90),
            new Target(Contenders.HELIDON, 1.0), new Target(Contenders.JAVALIN, 1.0),
            new Target(Contenders.SPOOL_WEB_BASELINE, 0.97));   // a change may cost at most 3 %

    private WebReport() {}

    static void print(Map<WebBench.Case, Map<String, List<Wrk.Sample>>> samples, PrintStream out) {
        Table table = new Table("endpoint", "conns", "contender", "req/s", "p50 ms", "p99 ms", "errors",
                "/ " + Contenders.RAW_NETTY);
        samples.forEach((c, byName) -> byName.forEach((name, s) -> table.row(c.endpoint().name().toLowerCase(),
                c.connections(), name, String.format("%,.0f", rate(s)),
                String.format("%.2f", median(s, Wrk.Sample::p50Micros) / 1e3),
                String.format("%.2f", median(s, Wrk.Sample::p99Micros) / 1e3),
                s.stream().mapToLong(Wrk.Sample::errors).sum(), ratio(byName, name, Contenders.RAW_NETTY))));
        out.printf("%nMedians over the rounds (throughput; p50 and p99 are medians of each run's percentile):%n");
        table.print(out);
        out.println();
        if (samples.values().stream().noneMatch(byName -> byName.containsKey(Contenders.SPOOL_WEB))) {
            out.println("spool-web / peers: not measured (no spool-web contender in "
                    + Contenders.class.getName() + ")");
            return;
        }
        Table targets = new Table("endpoint", "conns", "ratio", "value", "rounds' range", "target", "verdict");
        samples.forEach((c, byName) -> TARGETS.stream().filter(t -> byName.containsKey(t.peer())).forEach(t -> {
            List<Double> perRound = pairedRatios(byName.get(Contenders.SPOOL_WEB), byName.get(t.peer()));
            double value = Stats.median(perRound);
            targets.row(c.endpoint().name().toLowerCase(), c.connections(), Contenders.SPOOL_WEB + " / " + t.peer(),
                    String.format("%.2f", value), String.format("%.2f-%.2f", Collections.min(perRound),
                            Collections.max(perRound)),
                    String.format(">= %.2f", t.least()), value >= t.least() ? "met" : "MISSED");
        }));
        targets.print(out);
    }

    /**
     * Each contender's median cost per request over the rounds: server CPU, and its threads' blocking and
     * preemption (context switches per request), which explain most of the differences in throughput.
     */
    static void printCosts(Map<WebBench.Case, Map<String, List<ServerCost>>> costs, PrintStream out) {
        Table table = new Table("endpoint", "conns", "contender", "cpu µs/req", "blocked /req", "preempted /req");
        costs.forEach((c, byName) -> byName.forEach((name, runs) -> table.row(c.endpoint().name().toLowerCase(),
                c.connections(), name,
                String.format("%.1f", Stats.median(runs.stream().map(ServerCost::cpuMicros).toList())),
                String.format("%.3f", Stats.median(runs.stream().map(ServerCost::voluntarySwitches).toList())),
                String.format("%.3f", Stats.median(runs.stream().map(ServerCost::involuntarySwitches).toList())))));
        out.printf("%nServer cost per request, medians over the rounds (CPU of the server's JVM; its threads' context"
                + " switches: blocked = voluntary, preempted = involuntary; all 0 where /proc cannot be read):%n");
        table.print(out);
    }

    private static String ratio(Map<String, List<Wrk.Sample>> byName, String name, String base) {
        return byName.containsKey(base)
                ? String.format("%.2f", Stats.median(pairedRatios(byName.get(name), byName.get(base)))) : "-";
    }

    /** Round i of {@code a} over round i of {@code b}, for the rounds both have. */
    static List<Double> pairedRatios(List<Wrk.Sample> a, List<Wrk.Sample> b) {
        return Stats.pairedRatios(rates(a), rates(b));
    }

    private static List<Double> rates(List<Wrk.Sample> samples) {
        return samples.stream().map(Wrk.Sample::requestsPerSecond).toList();
    }

    private static double rate(List<Wrk.Sample> samples) {
        return median(samples, Wrk.Sample::requestsPerSecond);
    }

    private static double median(List<Wrk.Sample> samples, ToDoubleFunction<Wrk.Sample> field) {
        return Stats.median(samples.stream().map(field::applyAsDouble).toList());
    }
}
