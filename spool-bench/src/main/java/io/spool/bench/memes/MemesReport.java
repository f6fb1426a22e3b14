package io.spool.bench.memes;

import io.spool.bench.Stats;
import io.spool.bench.Table;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The memes bench's figures: for each format and contender the median over rounds of captions per second, p50 and
 * p99 latency and CPU per caption; and how many times spool-memes' captions per second each peer's is, against the
 * issue's targets for PNG and JPEG (none for the GIF).
 */
final class MemesReport {
    static final String SPOOL = "spool-memes";

    /** One round's figures of one contender on one format. */
    record Figures(double captionsPerSecond, double p50Ms, double p99Ms, double cpuMsPerCaption) {
    }

    /** spool-memes should make at least {@code times} as many PNG and JPEG captions per second as {@code peer}. */
    record Goal(String peer, double times) {
        String verdict(double ratio) {
            String goal = times == Math.rint(times) ? String.valueOf((long) times) : String.valueOf(times);
            return (ratio >= times ? "met" : "missed") + " (>= " + goal + "x)";
        }
    }

    static final List<Goal> GOALS = List.of(new Goal("sharp", 1.5), new Goal("pillow", 3),
            new Goal("imagemagick", 10));

    private final Map<Workload, Map<String, List<Figures>>> rounds = new EnumMap<>(Workload.class);

    void add(Workload w, String contender, Figures f) {
        rounds.computeIfAbsent(w, x -> new LinkedHashMap<>()).computeIfAbsent(contender, x -> new ArrayList<>()).add(f);
    }

    /** The medians over the rounds, each figure on its own. */
    Figures median(Workload w, String contender) {
        List<Figures> list = rounds.get(w).get(contender);
        return new Figures(med(list, Figures::captionsPerSecond), med(list, Figures::p50Ms), med(list, Figures::p99Ms),
                med(list, Figures::cpuMsPerCaption));
    }

    /** spool-memes' median captions per second over {@code contender}'s; NaN without both. */
    double ratio(Workload w, String contender) {
        return ranBoth(w, contender) ? median(w, SPOOL).captionsPerSecond() / median(w, contender).captionsPerSecond()
                : Double.NaN;
    }

    /** {@code contender}'s median CPU per caption over spool-memes'; NaN without both. Steadier than captions/s on
     * a machine others load, as it does not count what they take. */
    double cpuRatio(Workload w, String contender) {
        return ranBoth(w, contender) ? median(w, contender).cpuMsPerCaption() / median(w, SPOOL).cpuMsPerCaption()
                : Double.NaN;
    }

    private boolean ranBoth(Workload w, String contender) {
        Map<String, List<Figures>> byName = rounds.get(w);
        return byName != null && byName.containsKey(SPOOL) && byName.containsKey(contender);
    }

    /** "met (>= 1.5x)", "missed (>= 3x)", or "-" where no target applies or a figure is missing. */
    String target(Workload w, String contender) {
        double ratio = ratio(w, contender);
        if (w == Workload.GIF || Double.isNaN(ratio)) {
            return "-";
        }
        return GOALS.stream().filter(g -> g.peer().equals(contender)).findFirst().map(g -> g.verdict(ratio))
                .orElse("-");
    }

    void print(PrintStream out) {
        Table table = new Table("format", "contender", "captions/s", "p50 ms", "p99 ms", "CPU ms/caption",
                "spool-memes x", "target", "CPU x");
        rounds.forEach((w, byName) -> byName.keySet().forEach(name -> {
            Figures f = median(w, name);
            boolean peer = !name.equals(SPOOL);
            table.row(w.format, name, fmt(f.captionsPerSecond()), fmt(f.p50Ms()), fmt(f.p99Ms()),
                    fmt(f.cpuMsPerCaption()), peer ? times(ratio(w, name)) : "-", target(w, name),
                    peer ? times(cpuRatio(w, name)) : "-");
        }));
        out.println();
        out.println("median of rounds; CPU = every process of the contender (from /proc) per caption made; "
                + "spool-memes x = its captions/s over the contender's; CPU x = the contender's CPU per caption "
                + "over spool-memes'");
        table.print(out);
    }

    private static String times(double ratio) {
        return Double.isNaN(ratio) ? "-" : fmt(ratio) + "x";
    }

    private static double med(List<Figures> list, ToDoubleFunction<Figures> figure) {
        return Stats.median(list.stream().map(figure::applyAsDouble).toList());
    }

    static String fmt(double v) {
        return v >= 100 ? String.format("%,.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }
}
