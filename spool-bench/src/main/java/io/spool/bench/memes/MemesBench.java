package io.spool.bench.memes;

import io.spool.bench.ChildJvm;
import io.spool.bench.ProcessUsage;
import io.spool.bench.ClosedLoop;
import io.spool.bench.Stats;
import io.spool.bench.Table;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./spool bench memes}: captions per second and p50/p99 latency for PNG, JPEG and animated GIF under a
 * number of concurrent clients (64 by default), made by the spool-memes service over HTTP and, as the baseline
 * a user would script, by one ImageMagick {@code convert} per caption. Every caption is unique, so no cache can
 * answer it; every answer's format is checked. The order of the two alternates from round to round.
 */
public final class MemesBench {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};
    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8};
    private static final byte[] GIF_MAGIC = {'G', 'I', 'F', '8'};
    private static final double TARGET = 10.0;

    private MemesBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        int warmup = 5;
        int rounds = 3;
        int clients = 64;
        List<Workload> workloads = List.of(Workload.values());
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--only" -> workloads = Arrays.stream(args[++i].split(","))
                        .map(s -> Workload.valueOf(s.trim().toUpperCase())).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String magickVersion = ImageMagick.version();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d clients, %d s warm-up (first round), %d s measured per workload, %d rounds, order "
                + "alternating; %d cores, JDK %s%n", clients, warmup, seconds, rounds, cores, Runtime.version());
        System.out.printf("  spool-memes  serve --render-queue %d --request-timeout 120s in its own JVM (%s), render threads = cores, unique "
                + "captions%n", clients, String.join(" ", ChildJvm.FLAGS));
        System.out.printf("  imagemagick  %s, one convert per caption, fixed point size, -annotate%n", magickVersion);
        // the render queue holds every client's request (the default, 16 per render thread, would answer some with
        // 503), and the deadline is past any queueing time here: this measures throughput, not overload answers
        List<String> serveArgs = List.of("--render-queue", Integer.toString(clients), "--request-timeout", "120s");
        try (SpoolMemes spool = SpoolMemes.start(serveArgs);
             ImageMagick magick = baseline(spool)) {
            List<CaptionMaker> makers = List.of(spool, magick);
            Map<Workload, Map<String, List<ClosedLoop.Sample>>> samples = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < makers.size(); k++) {
                    CaptionMaker maker = makers.get((k + r) % makers.size());
                    for (Workload w : workloads) {
                        if (r == 0 && warmup > 0) {
                            measure(maker, w, clients, Duration.ofSeconds(warmup));
                        }
                        ProcessUsage before = ProcessUsage.of(spool.pid());
                        ClosedLoop.Sample s = measure(maker, w, clients, Duration.ofSeconds(seconds));
                        ProcessUsage used = ProcessUsage.of(spool.pid()).minus(before);
                        samples.computeIfAbsent(w, x -> new LinkedHashMap<>())
                                .computeIfAbsent(maker.name(), x -> new ArrayList<>()).add(s);
                        // the service's CPU per caption: render, encode and HTTP, whatever else shares the machine
                        String cpu = maker == spool ? String.format("  service CPU %,6.2f ms/caption",
                                used.cpuSeconds() * 1000 / Math.max(1, s.opsPerSecond() * seconds)) : "";
                        System.out.printf("  round %d  %-12s %-5s %,9.1f captions/s  p50 %,8.1f ms  p99 %,8.1f ms%s%n",
                                r + 1, maker.name(), w.name().toLowerCase(), s.opsPerSecond(),
                                s.p50Micros() / 1000, s.p99Micros() / 1000, cpu);
                    }
                }
            }
            report(samples, spool.name(), magick.name());
        }
    }

    private static ImageMagick baseline(SpoolMemes spool) throws IOException, InterruptedException {
        Map<Workload, byte[]> templates = new EnumMap<>(Workload.class);
        Map<Workload, Integer> heights = new EnumMap<>(Workload.class);
        for (Workload w : Workload.values()) {
            byte[] image = spool.get("/templates/" + w.template);
            templates.put(w, image);
            heights.put(w, ImageIO.read(new ByteArrayInputStream(image)).getHeight());
        }
        try (InputStream font = MemesBench.class.getResourceAsStream("/io/spool/memes/assets/fonts/anton.ttf")) {
            if (font == null) {
                throw new IllegalStateException("the Anton font is not on the class path (spool-memes)");
            }
            return new ImageMagick(templates, heights, font.readAllBytes());
        }
    }

    private static ClosedLoop.Sample measure(CaptionMaker maker, Workload w, int clients, Duration duration)
            throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        byte[] magic = switch (w) {
            case PNG -> PNG_MAGIC;
            case JPEG -> JPEG_MAGIC;
            case GIF -> GIF_MAGIC;
        };
        return ClosedLoop.run(maker.name(), clients, Thread.ofVirtual().factory(), duration, random -> {
            long n = sequence.incrementAndGet();
            byte[] image = maker.caption(w, Workload.top(n), Workload.bottom(n));
            if (image.length < magic.length || !Arrays.equals(image, 0, magic.length, magic, 0, magic.length)) {
                throw new IOException(maker.name() + " answered " + w + " with something else");
            }
        });
    }

    private static void report(Map<Workload, Map<String, List<ClosedLoop.Sample>>> samples, String spool,
                               String magick) {
        Table table = new Table("workload", spool + " /s", "p50 ms", "p99 ms", magick + " /s", "p50 ms", "p99 ms",
                "ratio", "target");
        samples.forEach((w, byName) -> {
            double[] a = summary(byName.get(spool));
            double[] b = summary(byName.get(magick));
            double ratio = a[0] / b[0];
            String target = w == Workload.GIF ? "-" : ratio >= TARGET ? "met (>= 10x)" : "NOT met (>= 10x)";
            table.row(w.name().toLowerCase(), fmt(a[0]), fmt(a[1]), fmt(a[2]), fmt(b[0]), fmt(b[1]), fmt(b[2]),
                    String.format("%.1fx", ratio), target);
        });
        System.out.println();
        System.out.println("median of rounds: captions per second, latency in ms; ratio = spool-memes / imagemagick");
        table.print(System.out);
    }

    /** Median rate, p50 and p99 (ms) over the rounds. */
    private static double[] summary(List<ClosedLoop.Sample> list) {
        return new double[] {
                Stats.median(list.stream().map(ClosedLoop.Sample::opsPerSecond).toList()),
                Stats.median(list.stream().map(s -> s.p50Micros() / 1000).toList()),
                Stats.median(list.stream().map(s -> s.p99Micros() / 1000).toList())};
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.1f", v);
    }
}
