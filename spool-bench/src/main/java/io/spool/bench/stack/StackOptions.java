package io.spool.bench.stack;

import java.util.Arrays;
import java.util.List;

/**
 * The options of {@code ./spool bench stack}: seconds per measured run, warm-up seconds per test and connection
 * count, rounds, wrk's connection counts, the contenders ({@code --only}, by name or name part), the test types, and the
 * database connections each contender may open.
 */
record StackOptions(int seconds, int warmup, int rounds, List<Integer> connections, List<String> only,
                    List<TestType> tests, int dbConnections) {
    static final String USAGE = "./spool bench stack [--seconds N] [--warmup N] [--rounds N] [--connections N,...]"
            + " [--only NAME,...] [--tests db,queries,fortunes,updates,cached] [--db-connections N]";

    StackOptions {
        if (seconds < 1 || warmup < 0 || rounds < 1 || dbConnections < 1 || connections.isEmpty()
                || connections.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("seconds, rounds, connections and --db-connections must be positive, "
                    + "warm-up not negative; usage: " + USAGE);
        }
    }

    static StackOptions parse(String... args) {
        int seconds = 5;
        int warmup = 15;   // as ./spool bench web: C2 compiles the hot paths 15-30 s in under full load on 2 cores
        int rounds = 5;
        List<Integer> connections = List.of(64, 256);
        List<String> only = List.of();
        List<TestType> tests = List.of(TestType.values());
        int dbConnections = 8;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value; usage: " + USAGE);
            }
            String value = args[++i];
            try {
                switch (option) {
                    case "--seconds" -> seconds = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--rounds" -> rounds = Integer.parseInt(value);
                    case "--connections" -> connections = Arrays.stream(value.split(",")).map(String::strip)
                            .map(Integer::valueOf).toList();
                    case "--only" -> only = Arrays.asList(value.toLowerCase().split(","));
                    case "--tests" -> tests = TestType.parse(value);
                    case "--db-connections" -> dbConnections = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + option + "; usage: " + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a number, not '" + value + "'");
            }
        }
        return new StackOptions(seconds, warmup, rounds, connections, only, tests, dbConnections);
    }

    /**
     * The contenders {@code --only} keeps (all without it): an entry that is a contender's whole name keeps that one,
     * any other entry every contender whose name contains it ({@code spool} is spool alone, {@code spo} both spools);
     * naming none of them is an error.
     */
    List<StackContender> contenders(List<StackContender> all) {
        List<StackContender> kept = all.stream()
                .filter(c -> only.isEmpty() || only.stream().anyMatch(o -> c.name().equals(o)
                        || all.stream().noneMatch(x -> x.name().equals(o)) && c.name().contains(o)))
                .toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("--only " + only + " matches none of "
                    + all.stream().map(StackContender::name).toList());
        }
        return kept;
    }
}
