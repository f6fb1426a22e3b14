package io.spool.bench;

import io.spool.bench.encode.EncodeBenchmark;
import io.spool.bench.memes.MemesBench;
import io.spool.bench.pg.EngineBenchmark;
import io.spool.bench.pg.PgBench;
import io.spool.bench.stack.StackBench;
import io.spool.bench.tasks.TasksBench;
import io.spool.bench.web.WebBench;

import java.util.Arrays;

/**
 * The one entry point of {@code ./spool bench WHAT}: {@code pg} (driver throughput and latency against pgjdbc
 * and vertx-pg-client), {@code pg-engine} (JMH: the engine alone, with allocation per operation), {@code web}
 * (HTTP plaintext and JSON under wrk against raw Netty, Javalin and Helidon), {@code memes} (captions per
 * second of the spool-memes service against sharp, Pillow and ImageMagick's {@code convert}), {@code encode}
 * (JMH: the encode step alone, JDK and libjpeg-turbo, against spool-memes' whole caption render), {@code tasks}
 * (end-to-end task queue throughput and pickup latency against db-scheduler and JobRunr), {@code stack}
 * (TechEmpower's database tests on spool-web + spool-pg against Vert.x, Javalin + pgjdbc and Helidon + pgjdbc).
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        String what = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        switch (what) {
            case "pg" -> PgBench.main(rest);
            case "pg-engine" -> EngineBenchmark.main(rest);
            case "web" -> WebBench.main(rest);
            case "memes" -> MemesBench.main(rest);
            case "encode" -> EncodeBenchmark.main(rest);
            case "tasks" -> TasksBench.main(rest);
            case "stack" -> StackBench.main(rest);
            default -> {
                System.out.println("usage: ./spool bench pg [--seconds N] [--rounds N] [--only NAME,...]");
                System.out.println("       ./spool bench pg-engine");
                System.out.println("       ./spool bench web [--seconds N] [--warmup N] [--rounds N] [--threads N]"
                        + " [--connections N,...] [--only NAME,...]");
                System.out.println("       ./spool bench memes [--seconds N] [--warmup N] [--rounds N] [--clients N]"
                        + " [--only png,jpeg,gif] [--contenders spool-memes,sharp,pillow,imagemagick]");
                System.out.println("       ./spool bench encode [encodeJpegImageIo|encodeJpegTurbo|encodePng|encodeGif"
                        + "|renderJpeg|renderPng|renderGif ...]");
                System.out.println("       ./spool bench tasks [--tasks N] [--warmup N] [--rounds N] [--batch N]"
                        + " [--concurrency N] [--connections N] [--only NAME,...]");
                System.out.println("       " + StackBench.USAGE);
                System.exit(what.equals("help") ? 0 : 2);
            }
        }
    }
}
