package io.spool.bench.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP/1.1 load generator of {@code ./spool bench web} and {@code ./spool bench stack}: runs {@code wrk --latency} (keep-alive HTTP/1.1, from Debian's {@code wrk} package) against
 * one URL and parses requests per second, p50/p99 latency and error counts from its report.
 */
public final class Wrk implements LoadGenerator {
    /** One wrk run; latencies in microseconds; errors are socket errors plus non-2xx/3xx answers. */
    public record Sample(double requestsPerSecond, double p50Micros, double p99Micros, long errors) {}

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern SOCKET_ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private final int threads;

    public Wrk(int threads) {
        this.threads = threads;
    }

    /** Makes sure {@code wrk} is on the PATH: installs Debian's package when running as root, else explains. */
    public static void ensureInstalled() throws IOException, InterruptedException {
        if (exitCode(List.of("sh", "-c", "command -v wrk >/dev/null")) == 0) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root && exitCode(List.of("sh", "-c", "command -v apt-get >/dev/null")) == 0) {
            System.out.println("wrk is missing; installing Debian's package: apt-get install -y wrk");
            if (exitCode(List.of("apt-get", "install", "-y", "-q", "wrk")) == 0) {
                return;
            }
        }
        throw new IllegalStateException("./spool bench web and stack need the load generator wrk on the PATH: "
                + "apt-get install wrk (Debian/Ubuntu), or build it from https://github.com/wg/wrk");
    }

    @Override
    public Sample run(URI uri, int connections, Duration duration) throws IOException, InterruptedException {
        List<String> command = List.of("wrk", "--latency", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--timeout", "5s", uri.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
        return parse(out);
    }

    static Sample parse(String out) {
        long errors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(out);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(out);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        return new Sample(Double.parseDouble(find(RATE, out)), percentile(out, "50"), percentile(out, "99"), errors);
    }

    /** A line of wrk's latency distribution such as {@code 99%    1.23ms}, in microseconds. */
    private static double percentile(String out, String percent) {
        Matcher m = Pattern.compile("^\\s+" + percent + "%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percent + "% latency in wrk's output:\n" + out);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1e3;
            default -> value * 1e6;
        };
    }

    private static String find(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected output of wrk:\n" + out);
        }
        return m.group(1);
    }

    private static int exitCode(List<String> command) throws IOException, InterruptedException {
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
