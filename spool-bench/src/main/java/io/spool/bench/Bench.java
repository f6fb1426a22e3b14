package io.spool.bench;

import io.spool.bench.pg.EngineBenchmark;
import io.spool.bench.pg.PgBench;

import java.util.Arrays;

/**
 * The one entry point of {@code ./spool bench WHAT}: {@code pg} (driver throughput and latency against pgjdbc
 * and vertx-pg-client), {@code pg-engine} (JMH: the engine alone, with allocation per operation).
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (what) {
            case "pg" -> PgBench.main(rest);
            case "pg-engine" -> EngineBenchmark.main(rest);
            default -> {
                System.out.println("usage: ./spool bench pg [--seconds N] [--rounds N] [--only NAME,...]");
                System.out.println("       ./spool bench pg-engine");
                System.exit(what.equals("help") ? 0 : 2);
            }
        }
    }
}
