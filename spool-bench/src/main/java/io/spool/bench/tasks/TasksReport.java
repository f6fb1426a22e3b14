package io.spool.bench.tasks;

import io.spool.bench.Stats;
import io.spool.bench.Table;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Prints the tasks benchmark's results: per contender the median end-to-end tasks/s and the medians of each
 * round's p50 and p99 pickup latency over the rounds in which every task ran and was recorded, the tasks lost
 * or run twice, and spool-tasks' throughput relative to each; then spool-tasks against its targets (at least
 * 5,000 tasks/s, a ratio to each peer that has a goal, no task lost).
 */
final class TasksReport {
    static final double TARGET_TASKS_PER_SECOND = 5_000;
    /** A goal: spool-tasks' (in the named configuration) tasks/s over a peer's, at least {@code ratio}. */
    record Goal(String spool, String peer, double ratio) {}

    /** Twice the JVM peers and pg-boss; on a par with graphile-worker's batched mode, configured alike (a local
     * queue of 500 claimed tasks there, a claim-ahead of 500 here); graphile-worker's defaults without a goal. */
    static final List<Goal> GOALS = List.of(new Goal(SpoolTasksContender.NAME, DbSchedulerContender.NAME, 2.0),
            new Goal(SpoolTasksContender.NAME, JobRunrContender.NAME, 2.0),
            new Goal(SpoolTasksContender.NAME, NodeContender.Peer.PG_BOSS.contenderName, 2.0),
            new Goal(SpoolTasksContender.BATCHED_NAME, NodeContender.Peer.GRAPHILE_BATCHED.contenderName, 1.0));

    /** A contender's rounds summed up; the medians are over its complete rounds, empty when it had none. */
    record Summary(String name, int rounds, int complete, long lost, long duplicates, Optional<Double> tasksPerSecond,
                   Optional<Double> p50Micros, Optional<Double> p99Micros, Optional<Double> jvmCpu,
                   Optional<Double> serverCpu, String firstError) {

        static Summary of(String name, List<RoundResult> results) {
            List<RoundResult> ok = results.stream().filter(RoundResult::complete).toList();
            return new Summary(name, results.size(), ok.size(),
                    results.stream().mapToLong(RoundResult::lost).sum(),
                    results.stream().mapToLong(RoundResult::duplicates).sum(),
                    median(ok, RoundResult::tasksPerSecond), median(ok, r -> r.p50Micros()),
                    median(ok, r -> r.p99Micros()), median(ok, RoundResult::jvmCpuMsPerThousand),
                    median(ok, RoundResult::serverCpuMsPerThousand),
                    results.stream().map(RoundResult::error).filter(e -> e != null).findFirst().orElse(null));
        }

        private static Optional<Double> median(List<RoundResult> rs, ToDoubleFunction<RoundResult> f) {
            return rs.isEmpty() ? Optional.empty()
                    : Optional.of(Stats.median(rs.stream().map(f::applyAsDouble).toList()));
        }
    }

    private TasksReport() {}

    static void print(Map<String, List<RoundResult>> results, PrintStream out) {
        List<Summary> summaries = results.entrySet().stream().map(e -> Summary.of(e.getKey(), e.getValue())).toList();
        Optional<Summary> spool = find(summaries, SpoolTasksContender.NAME);
        Table table = new Table("contender", "tasks/s", "p50 pickup ms", "p99 pickup ms", "rounds ok", "lost",
                "ran twice", SpoolTasksContender.NAME + " / this", "CPU ms/1000: JVM+Node", "PostgreSQL");
        for (Summary s : summaries) {
            table.row(s.name(), s.tasksPerSecond().map(v -> String.format("%,.0f", v)).orElse("-"),
                    s.p50Micros().map(v -> String.format("%,.1f", v / 1e3)).orElse("-"),
                    s.p99Micros().map(v -> String.format("%,.1f", v / 1e3)).orElse("-"),
                    s.complete() + "/" + s.rounds(), s.lost(), s.duplicates(), ratio(spool, s).map(
                            v -> String.format("%.2f", v)).orElse("-"),
                    s.jvmCpu().map(v -> String.format("%,.0f", v)).orElse("-"),
                    s.serverCpu().map(v -> String.format("%,.0f", v)).orElse("-"));
        }
        out.printf("%nMedians over the rounds in which every task ran and was recorded (pickup = handler start minus "
                + "the start of the producer's spawn call for its batch; CPU = milliseconds of CPU time per 1,000 "
                + "tasks used by this JVM, a Node peer's process and the PostgreSQL server during the round):%n");
        table.print(out);
        summaries.stream().filter(s -> s.firstError() != null).forEach(s ->
                out.printf("  %s: %d of %d rounds incomplete; first problem: %s%n", s.name(), s.rounds() - s.complete(),
                        s.rounds(), s.firstError()));
        out.println();
        if (spool.isEmpty()) {
            out.println("spool-tasks targets: not measured (spool-tasks was not among the contenders)");
            return;
        }
        printTargets(spool.get(), summaries, out);
    }

    private static void printTargets(Summary spool, List<Summary> summaries, PrintStream out) {
        Table targets = new Table("target", "value", "goal", "verdict");
        double rate = spool.tasksPerSecond().orElse(0.0);
        targets.row(SpoolTasksContender.NAME + " tasks/s", String.format("%,.0f", rate),
                String.format(">= %,.0f", TARGET_TASKS_PER_SECOND), verdict(rate >= TARGET_TASKS_PER_SECOND));
        for (Goal goal : GOALS) {
            Optional<Summary> mine = find(summaries, goal.spool());
            Optional<Summary> peer = find(summaries, goal.peer());
            if (mine.isEmpty() || peer.isEmpty()) {
                continue;
            }
            Optional<Double> r = ratio(mine, peer.get());
            targets.row(goal.spool() + " / " + goal.peer(), r.map(v -> String.format("%.2f", v)).orElse("-"),
                    String.format(">= %.2f", goal.ratio()), r.map(v -> verdict(v >= goal.ratio()))
                            .orElse("not measured (no complete round)"));
        }
        targets.row(SpoolTasksContender.NAME + " tasks lost or unrecorded", spool.lost() + (spool.complete()
                == spool.rounds() ? "" : " (" + (spool.rounds() - spool.complete()) + " rounds incomplete)"), "0",
                verdict(spool.complete() == spool.rounds() && spool.lost() == 0));
        targets.print(out);
    }

    private static Optional<Summary> find(List<Summary> summaries, String name) {
        return summaries.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static Optional<Double> ratio(Optional<Summary> spool, Summary peer) {
        if (spool.isEmpty() || spool.get().tasksPerSecond().isEmpty() || peer.tasksPerSecond().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(spool.get().tasksPerSecond().get() / peer.tasksPerSecond().get());
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT MET";
    }
}
