package io.spool.bench.memes;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The options of {@code ./spool bench memes}: measured seconds per format and round, warm-up seconds (first round
 * only), rounds, concurrent clients, which formats ({@code --only png,jpeg}) and which contenders
 * ({@code --contenders spool-memes,sharp}).
 */
record MemesOptions(int seconds, int warmup, int rounds, int clients, List<Workload> workloads,
                    List<String> contenders) {
    static final List<String> CONTENDERS = List.of(MemesReport.SPOOL, "sharp", "pillow", "imagemagick");

    static MemesOptions parse(String... args) {
        int seconds = 10;
        int warmup = 5;
        int rounds = 3;
        int clients = 64;
        List<Workload> workloads = List.of(Workload.values());
        List<String> contenders = CONTENDERS;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--seconds" -> seconds = positive(option, value);
                case "--warmup" -> warmup = Math.max(0, Integer.parseInt(value));
                case "--rounds" -> rounds = positive(option, value);
                case "--clients" -> clients = positive(option, value);
                case "--only" -> workloads = names(value).stream().map(MemesOptions::workload).toList();
                case "--contenders" -> contenders = names(value).stream().map(MemesOptions::contender).toList();
                default -> throw new IllegalArgumentException("unknown option " + option + " (--seconds, --warmup, "
                        + "--rounds, --clients, --only png,jpeg,gif, --contenders " + String.join(",", CONTENDERS) + ")");
            }
        }
        return new MemesOptions(seconds, warmup, rounds, clients, workloads, contenders);
    }

    boolean runs(String contender) {
        return contenders.contains(contender);
    }

    private static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .distinct().toList();
    }

    private static Workload workload(String name) {
        for (Workload w : Workload.values()) {
            if (w.format.equals(name) || w.name().equalsIgnoreCase(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("--only takes png, jpeg and gif, not " + name);
    }

    private static String contender(String name) {
        if (!CONTENDERS.contains(name)) {
            throw new IllegalArgumentException("--contenders takes " + String.join(", ", CONTENDERS) + ", not " + name);
        }
        return name;
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
        return n;
    }
}
