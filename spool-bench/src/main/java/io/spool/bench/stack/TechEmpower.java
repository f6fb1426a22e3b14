package io.spool.bench.stack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The rules TechEmpower's database tests share, so every contender applies them alike: the size of the world
 * table, a random row id, the {@code queries} parameter's bounds, and the fortune added at request time.
 */
public final class TechEmpower {
    /** Rows in {@code world}, ids 1 to this. */
    public static final int WORLD_ROWS = 10_000;
    /** The message of the fortune every {@code /fortunes} request adds in memory (id 0). */
    public static final String ADDITIONAL_FORTUNE = "Additional fortune added at request time.";

    private TechEmpower() {}

    /** A uniformly random id (or random number) from 1 to 10,000. */
    public static int randomWorld() {
        return 1 + ThreadLocalRandom.current().nextInt(WORLD_ROWS);
    }

    /**
     * The number of rows {@code /queries} and {@code /updates} work on: the parameter as an integer clamped to
     * 1..500, and 1 when it is missing or not an integer.
     */
    public static int queries(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return 1;
        }
        try {
            return Math.max(1, Math.min(500, Integer.parseInt(parameter)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The fortunes read plus the additional one, sorted by message. */
    public static List<Fortune> withAdditional(List<Fortune> fromDatabase) {
        List<Fortune> all = new ArrayList<>(fromDatabase.size() + 1);
        all.addAll(fromDatabase);
        all.add(new Fortune(0, ADDITIONAL_FORTUNE));
        all.sort(Comparator.comparing(Fortune::message));
        return all;
    }
}
