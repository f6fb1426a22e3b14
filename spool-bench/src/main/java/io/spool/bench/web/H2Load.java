package io.spool.bench.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/2 load: nghttp2's {@code h2load} (Debian's {@code nghttp2-client}) over cleartext with prior knowledge. A
 * concurrency of N is N/8 connections of 8 streams each. p50 and p99 come from its per-request log.
 */
final class H2Load implements LoadGenerator {
    static final int STREAMS_PER_CONNECTION = 8;
    private static final Pattern RATE = Pattern.compile("finished in [\\d.]+m?s, ([\\d.]+) req/s");
    private static final Pattern FAILED = Pattern.compile("(\\d+) failed, (\\d+) errored, (\\d+) timeout");
    private static final Pattern NON_2XX = Pattern.compile("status codes: \\d+ 2xx, (\\d+) 3xx, (\\d+) 4xx, (\\d+) 5xx");

    private final int threads;

    H2Load(int threads) {
        this.threads = threads;
    }

    /** Makes sure {@code h2load} is on the PATH: installs Debian's nghttp2-client when running as root. */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (new ProcessBuilder("sh", "-c", "command -v h2load >/dev/null").start().waitFor() == 0) {
            return;
        }
        if ("root".equals(System.getProperty("user.name"))) {
            System.out.println("h2load is missing; installing Debian's package: apt-get install -y nghttp2-client");
            if (new ProcessBuilder("apt-get", "install", "-y", "-q", "nghttp2-client").inheritIO().start()
                    .waitFor() == 0) {
                return;
            }
        }
        throw new IllegalStateException("./spool bench web --http2 needs h2load: apt-get install nghttp2-client");
    }

    @Override
    public Wrk.Sample run(URI uri, int concurrency, Duration duration) throws IOException, InterruptedException {
        Path log = Files.createTempFile("spool-bench-h2load-", ".tsv");
        try {
            int connections = Math.max(threads, concurrency / STREAMS_PER_CONNECTION);
            List<String> command = List.of("h2load", "-t" + threads, "-c" + connections,
                    "-m" + STREAMS_PER_CONNECTION, "-D" + duration.toSeconds(), "--log-file=" + log, uri.toString());
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed:\n" + out);
            }
            double[] micros = Files.readAllLines(log).stream().map(l -> l.split("\t"))
                    .filter(f -> f.length >= 3).mapToDouble(f -> Double.parseDouble(f[2])).sorted().toArray();
            return new Wrk.Sample(Double.parseDouble(find(RATE, out).group(1)), percentile(micros, 0.50),
                    percentile(micros, 0.99), errors(out));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static long errors(String out) {
        long errors = 0;
        for (Pattern p : new Pattern[] {FAILED, NON_2XX}) {
            Matcher m = find(p, out);
            for (int g = 1; g <= m.groupCount(); g++) {
                errors += Long.parseLong(m.group(g));
            }
        }
        return errors;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    }

    private static Matcher find(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected output of h2load:\n" + out);
        }
        return m;
    }
}
