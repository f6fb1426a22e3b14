package io.spool.bench;

import java.util.List;

/** Summaries of the per-round measurements every benchmark reports. */
public final class Stats {
    private Stats() {}

    /** The median of some values (the upper one of the middle two when there is an even number). */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
