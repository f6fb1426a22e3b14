package io.spool.bench.stack;

import io.spool.bench.Stats;
import io.spool.bench.Table;
import io.spool.bench.web.Wrk;

import java.io.PrintStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Prints the stack benchmark's results: per test type and connection count, each contender's median requests/s,
 * p99 latency and CPU per request (its JVM, and the PostgreSQL server) over the rounds, and its throughput over
 * Vert.x's and Javalin's; then spool's ratios against the targets (at least Vert.x on the four database
 * tests, at least 1.5 times Javalin + pgjdbc on single and multiple queries; none on cached queries). A ratio is the median of the per-round
 * ratios, the rounds' range and the number of rounds at the target beside it.
 */
final class StackReport {
    /** One measured configuration: a test type under a number of concurrent keep-alive connections. */
    record Case(TestType test, int connections) {}

    /** One measured run of one contender: what wrk saw and what it cost. */
    record Run(Wrk.Sample load, StackCost cost) {}

    /** A throughput target of spool: the least acceptable ratio spool / peer, on some test types. */
    private record Target(String peer, double least, Set<TestType> tests) {}

    private static final List<Target> TARGETS = List.of(
            // cached queries carry no target: the issue set none, its figures are reported only
            new Target(StackContenders.VERTX, 1.0,
                    Set.of(TestType.DB, TestType.QUERIES, TestType.FORTUNES, TestType.UPDATES)),
            new Target(StackContenders.JAVALIN, 1.5, Set.of(TestType.DB, TestType.QUERIES)));

    private StackReport() {}

    static void print(Map<Case, Map<String, List<Run>>> runs, PrintStream out) {
        Table table = new Table("test", "conns", "contender", "req/s", "p99 ms", "errors", "cpu µs/req",
                "pg µs/req", "pg preempt/req", "/ " + StackContenders.VERTX, "/ " + StackContenders.JAVALIN);
        runs.forEach((c, byName) -> byName.forEach((name, r) -> table.row(c.test().id(), c.connections(), name,
                String.format("%,.0f", median(r, x -> x.load().requestsPerSecond())),
                String.format("%.2f", median(r, x -> x.load().p99Micros()) / 1e3),
                r.stream().mapToLong(x -> x.load().errors()).sum(),
                String.format("%.1f", median(r, x -> x.cost().serverMicros())),
                String.format("%.1f", median(r, x -> x.cost().databaseMicros())),
                String.format("%.2f", median(r, x -> x.cost().databasePreemptions())),
                ratio(byName, name, StackContenders.VERTX), ratio(byName, name, StackContenders.JAVALIN))));
        out.printf("%nMedians over the rounds (requests/s; p99 is the median of each run's p99; CPU per request of the"
                + " contender's JVM and of the PostgreSQL server, and how often the kernel preempted a PostgreSQL process, 0"
                + " where /proc cannot be read):%n");
        table.print(out);
        out.println();
        if (runs.values().stream().noneMatch(byName -> byName.containsKey(StackContenders.SPOOL))) {
            out.println("spool / peers: not measured (no contender named " + StackContenders.SPOOL + ")");
            return;
        }
        if (runs.keySet().stream().noneMatch(c -> TARGETS.stream().anyMatch(t -> t.tests().contains(c.test())))) {
            out.println("spool / peers: no target on these tests");
            return;
        }
        Table targets = new Table("test", "conns", "ratio", "value", "rounds' range", "rounds at target", "target",
                "verdict");
        runs.forEach((c, byName) -> TARGETS.stream()
                .filter(t -> t.tests().contains(c.test()) && byName.containsKey(t.peer())
                        && byName.containsKey(StackContenders.SPOOL))
                .forEach(t -> {
                    List<Double> perRound = pairedRatios(byName.get(StackContenders.SPOOL), byName.get(t.peer()));
                    double value = Stats.median(perRound);
                    targets.row(c.test().id(), c.connections(), StackContenders.SPOOL + " / " + t.peer(),
                            String.format("%.2f", value), String.format("%.2f-%.2f", Collections.min(perRound),
                                    Collections.max(perRound)),
                            perRound.stream().filter(x -> x >= t.least()).count() + "/" + perRound.size(),
                            String.format(">= %.2f", t.least()), value >= t.least() ? "met" : "MISSED");
                }));
        targets.print(out);
    }

    private static String ratio(Map<String, List<Run>> byName, String name, String base) {
        return byName.containsKey(base)
                ? String.format("%.2f", Stats.median(pairedRatios(byName.get(name), byName.get(base)))) : "-";
    }

    private static List<Double> pairedRatios(List<Run> a, List<Run> b) {
        return Stats.pairedRatios(rates(a), rates(b));
    }

    private static List<Double> rates(List<Run> runs) {
        return runs.stream().map(r -> r.load().requestsPerSecond()).toList();
    }

    private static double median(List<Run> runs, ToDoubleFunction<Run> field) {
        return Stats.median(runs.stream().map(field::applyAsDouble).toList());
    }
}
