package io.spool.bench;

import java.util.List;
import java.util.stream.IntStream;

/** Summaries of the per-round measurements every benchmark reports. */
public final class Stats {
    private Stats() {}

    /**
     * The median of some values: the middle one, or the mean of the middle two when there is an even number
     * (taking either one alone would let a two-round run report its better or its worse round).
     */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /**
     * Round i of {@code a} over round i of {@code b}, for the rounds both have: the rounds of two contenders ran
     * back to back, so pairing them takes out the machine's drift between rounds.
     */
    public static List<Double> pairedRatios(List<Double> a, List<Double> b) {
        int n = Math.min(a.size(), b.size());
        if (n == 0) {
            throw new IllegalArgumentException("no rounds to pair");
        }
        return IntStream.range(0, n).mapToObj(i -> a.get(i) / b.get(i)).toList();
    }
}
