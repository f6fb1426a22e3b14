package io.spool.bench.tasks;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The settings of {@code ./spool bench tasks}: how many tasks a round spawns and in which batches, how many
 * rounds (after one warm-up round), which contenders, and the settings every contender gets alike: the handler
 * concurrency, the database connections, and the poll interval (where a system lets it be that short).
 */
record Options(int tasks, int warmupTasks, int rounds, int batch, int concurrency, int connections,
               Duration pollInterval, Duration roundTimeout, List<String> only) {

    static final String USAGE = "./spool bench tasks [--tasks N] [--warmup N] [--rounds N] [--batch N] "
            + "[--concurrency N] [--connections N] [--only NAME,...]";

    Options {
        if (tasks < 1 || warmupTasks < 0 || rounds < 1 || batch < 1 || concurrency < 1 || connections < 2) {
            throw new IllegalArgumentException("need --tasks >= 1, --warmup >= 0, --rounds >= 1, --batch >= 1, "
                    + "--concurrency >= 1 and --connections >= 2");
        }
        only = List.copyOf(only);
    }

    static Options defaults() {
        return new Options(20_000, 5_000, 3, 500, 32, 8, Duration.ofMillis(100), Duration.ofMinutes(5), List.of());
    }

    static Options parse(String... args) {
        Options o = defaults();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value; usage: " + USAGE);
            }
            String v = args[++i];
            o = switch (flag) {
                case "--tasks" -> new Options(number(flag, v), o.warmupTasks, o.rounds, o.batch, o.concurrency,
                        o.connections, o.pollInterval, o.roundTimeout, o.only);
                case "--warmup" -> new Options(o.tasks, number(flag, v), o.rounds, o.batch, o.concurrency,
                        o.connections, o.pollInterval, o.roundTimeout, o.only);
                case "--rounds" -> new Options(o.tasks, o.warmupTasks, number(flag, v), o.batch, o.concurrency,
                        o.connections, o.pollInterval, o.roundTimeout, o.only);
                case "--batch" -> new Options(o.tasks, o.warmupTasks, o.rounds, number(flag, v), o.concurrency,
                        o.connections, o.pollInterval, o.roundTimeout, o.only);
                case "--concurrency" -> new Options(o.tasks, o.warmupTasks, o.rounds, o.batch, number(flag, v),
                        o.connections, o.pollInterval, o.roundTimeout, o.only);
                case "--connections" -> new Options(o.tasks, o.warmupTasks, o.rounds, o.batch, o.concurrency,
                        number(flag, v), o.pollInterval, o.roundTimeout, o.only);
                case "--only" -> new Options(o.tasks, o.warmupTasks, o.rounds, o.batch, o.concurrency,
                        o.connections, o.pollInterval, o.roundTimeout,
                        Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
                default -> throw new IllegalArgumentException("unknown option " + flag + "; usage: " + USAGE);
            };
        }
        return o;
    }

    /** Whether a contender of this name was asked for (all are, without --only). */
    boolean wants(String name) {
        return only.isEmpty() || only.stream().anyMatch(o -> name.toLowerCase().contains(o.toLowerCase()));
    }

    private static int number(String flag, String v) {
        try {
            return Integer.parseInt(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " takes a whole number, got '" + v + "'");
        }
    }
}
