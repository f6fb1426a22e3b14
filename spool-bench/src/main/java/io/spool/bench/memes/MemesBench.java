package io.spool.bench.memes;

import io.spool.bench.ChildJvm;
import io.spool.bench.ClosedLoop;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./spool bench memes}: captions per second, p50/p99 latency and CPU per caption for PNG, JPEG and animated
 * GIF under a number of concurrent clients (64 by default), made by the spool-memes service over HTTP, by the
 * servers people run instead ({@link Sharp} on libvips, {@link Pillow} as memegen uses it), each in processes of
 * its own and asked the same way, and, as the floor, by one ImageMagick {@code convert} per caption. Every caption
 * is unique, so no cache can answer it; every answer's format and size is checked, and at start-up that each
 * contender's text shows. The contenders' order rotates from round to round; the report gives medians.
 */
public final class MemesBench {
    private MemesBench() {}

    public static void main(String[] args) throws Exception {
        MemesOptions options = MemesOptions.parse(args);
        int cores = Runtime.getRuntime().availableProcessors();
        EncoderSettings settings = EncoderSettings.SERVICE;
        System.out.printf("%d clients, %d s warm-up (first round), %d s measured per format, %d rounds, order "
                + "rotating; %d cores, JDK %s; JPEG quality %d, PNG zlib level %d for all%n", options.clients(),
                options.warmup(), options.seconds(), options.rounds(), cores, Runtime.version(),
                settings.jpegQuality(), settings.pngLevel());
        // the render queue holds every client's request (the default, 16 per render thread, would answer some with
        // 503), and the deadline is past any queueing time here: this measures throughput, not overload answers
        List<String> serveArgs = List.of("--render-queue", Integer.toString(options.clients()), "--request-timeout",
                "120s", "--jpeg-quality", Integer.toString(settings.jpegQuality()));
        List<CaptionMaker> makers = new ArrayList<>();
        try (SpoolMemes spool = SpoolMemes.start(serveArgs);
             BenchAssets assets = BenchAssets.from(spool)) {
            System.out.printf("  %-12s serve %s in its own JVM (%s), render threads = cores%n", spool.name(),
                    String.join(" ", serveArgs), String.join(" ", ChildJvm.FLAGS));
            try {
                if (options.runs(spool.name())) {
                    makers.add(spool);
                }
                startPeers(options, assets, cores, settings, makers);
                checkOutputs(spool, makers, assets);
                MemesReport report = run(options, makers, assets);
                report.print(System.out);
            } finally {
                for (CaptionMaker m : makers) {
                    if (m != spool) {
                        m.close();
                    }
                }
            }
        }
    }

    private static void startPeers(MemesOptions options, BenchAssets assets, int cores, EncoderSettings settings,
                                   List<CaptionMaker> makers) throws Exception {
        if (options.runs("sharp")) {
            if (onPath("node") && onPath("npm")) {
                makers.add(Sharp.start(assets, cores, settings));
            } else {
                System.out.println("  sharp        skipped: needs Node.js 20.9+ with npm on the PATH");
            }
        }
        if (options.runs("pillow") && Pillow.ensureInstalled()) {
            makers.add(Pillow.start(assets, cores, settings));
        }
        if (options.runs("imagemagick")) {
            makers.add(new ImageMagick(assets, ImageMagick.version()));
        }
        for (CaptionMaker m : makers) {
            if (!m.name().equals(MemesReport.SPOOL)) {
                System.out.printf("  %-12s %s%n", m.name(), m.about());
            }
        }
    }

    /** Start-up: each contender's first caption of each format shows its text; widths are compared with spool's. */
    private static void checkOutputs(SpoolMemes spool, List<CaptionMaker> makers, BenchAssets assets)
            throws Exception {
        Map<Workload, OutputCheck.Ink> reference = new EnumMap<>(Workload.class);
        for (Workload w : Workload.values()) {
            reference.put(w, OutputCheck.startUp(spool.name(), w, spool.caption(w, Workload.top(0),
                    Workload.bottom(0)), assets.firstFrame(w)));
        }
        for (CaptionMaker m : makers) {
            for (Workload w : Workload.values()) {
                OutputCheck.Ink ink = OutputCheck.startUp(m.name(), w, m.caption(w, Workload.top(0),
                        Workload.bottom(0)), assets.firstFrame(w));
                int spoolWidth = reference.get(w).topWidth();
                double off = Math.abs(ink.topWidth() - spoolWidth) / (double) spoolWidth;
                System.out.printf("  check %-12s %-4s %s (spool-memes' %d px)%n", m.name(), w.format, ink, spoolWidth);
                if (m.fitsTextLikeSpool() && off > 0.15) {
                    throw new IllegalStateException(m.name() + "'s " + w.format + " top caption is " + ink.topWidth()
                            + " px wide, spool-memes' " + spoolWidth + " px: another font or size (a fallback font?)");
                }
            }
        }
    }

    private static MemesReport run(MemesOptions options, List<CaptionMaker> makers, BenchAssets assets)
            throws Exception {
        MemesReport report = new MemesReport();
        for (int r = 0; r < options.rounds(); r++) {
            for (int k = 0; k < makers.size(); k++) {
                CaptionMaker maker = makers.get((k + r) % makers.size());
                for (Workload w : options.workloads()) {
                    if (r == 0 && options.warmup() > 0) {
                        measure(maker, w, assets, options.clients(), Duration.ofSeconds(options.warmup()));
                    }
                    double cpuBefore = maker.cpuSeconds();
                    ClosedLoop.Sample s = measure(maker, w, assets, options.clients(),
                            Duration.ofSeconds(options.seconds()));
                    double cpu = maker.cpuSeconds() - cpuBefore;
                    long made = s.latencyMicros().getTotalCount();
                    MemesReport.Figures f = new MemesReport.Figures(s.opsPerSecond(), s.p50Micros() / 1000,
                            s.p99Micros() / 1000, made == 0 ? Double.NaN : cpu * 1000 / made);
                    report.add(w, maker.name(), f);
                    System.out.printf("  round %d  %-12s %-4s %,9.1f captions/s  p50 %,8.1f ms  p99 %,8.1f ms  "
                                    + "CPU %,7.2f ms/caption%n", r + 1, maker.name(), w.format, f.captionsPerSecond(),
                            f.p50Ms(), f.p99Ms(), f.cpuMsPerCaption());
                }
            }
        }
        return report;
    }

    private static ClosedLoop.Sample measure(CaptionMaker maker, Workload w, BenchAssets assets, int clients,
                                             Duration duration) throws InterruptedException {
        AtomicLong sequence = new AtomicLong();
        int width = assets.firstFrame(w).getWidth();
        int height = assets.firstFrame(w).getHeight();
        ClosedLoop.Request request = random -> {
            long n = sequence.incrementAndGet();
            byte[] image = maker.caption(w, Workload.top(n), Workload.bottom(n));
            OutputCheck.header(maker.name(), w, image, width, height);
        };
        return ClosedLoop.run(maker.name(), clients, Thread.ofVirtual().factory(), duration, CaptionClient.TIMEOUT,
                request);
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
