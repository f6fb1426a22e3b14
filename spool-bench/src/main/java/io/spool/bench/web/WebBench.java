package io.spool.bench.web;

import io.spool.bench.ChildJvm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./spool bench web}: TechEmpower plaintext and JSON against every {@link Contenders contender}, side by
 * side in one run. Each round starts every contender in a fresh JVM of its own (the order rotates from round to
 * round), runs wrk for a warm-up on each endpoint and connection count, then measures each of them, then stops
 * that JVM. The report gives medians over the rounds and the ratios to raw Netty and of spool-web.
 */
public final class WebBench {
    /** One measured configuration: an endpoint under a number of concurrent keep-alive connections. */
    record Case(Endpoint endpoint, int connections) {}

    private WebBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = 10;
        int warmup = 3;
        int rounds = 3;
        int threads = 2;
        List<Integer> connections = List.of(64, 256);
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Wrk.ensureInstalled();
        List<WebContender> contenders = select(only);
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            connections.forEach(n -> cases.add(new Case(e, n)));
        }
        System.out.printf("wrk %d threads, connections %s; each server JVM: %d s warm-up per endpoint and connection "
                + "count, then %d s measured for each; %d rounds, contender order rotating%n", threads, connections,
                warmup, seconds, rounds);
        System.out.printf("%d cores, JDK %s, server JVMs %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), String.join(" ", ChildJvm.FLAGS));
        contenders.forEach(c -> System.out.printf("  %-10s %s%n", c.name(), c.about()));
        System.out.printf("about %d minutes%n",
                Math.round(rounds * contenders.size() * (cases.size() * (warmup + seconds) + 2) / 60.0));
        Map<Case, Map<String, List<Wrk.Sample>>> samples = measure(contenders, cases, new Wrk(threads),
                Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), rounds);
        WebReport.print(samples, System.out);
    }

    private static List<WebContender> select(List<String> only) {
        List<WebContender> all = Contenders.all();
        List<WebContender> kept = new ArrayList<>(all.stream().filter(c -> only.isEmpty() || only.stream().anyMatch(
                o -> c.name().contains(o.toLowerCase()))).toList());
        Contenders.optional().stream().filter(c -> only.contains(c.name())).forEach(kept::add);
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("--only " + only + " matches none of "
                    + all.stream().map(WebContender::name).toList());
        }
        return kept;
    }

    private static Map<Case, Map<String, List<Wrk.Sample>>> measure(List<WebContender> contenders, List<Case> cases,
            Wrk wrk, Duration warmup, Duration each, int rounds) throws Exception {
        Map<Case, Map<String, List<Wrk.Sample>>> samples = new LinkedHashMap<>();
        for (Case c : cases) {
            Map<String, List<Wrk.Sample>> byName = new LinkedHashMap<>();
            contenders.forEach(x -> byName.put(x.name(), new ArrayList<>()));
            samples.put(c, byName);
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < contenders.size(); k++) {
                WebContender contender = contenders.get((k + r) % contenders.size());
                try (ServerProcess server = ServerProcess.start(contender)) {
                    for (Case c : cases) {  // warm every path up before the first measurement
                        if (!warmup.isZero()) {
                            wrk.run(server.uri(c.endpoint()), c.connections(), warmup);
                        }
                    }
                    for (Case c : cases) {
                        Wrk.Sample s = wrk.run(server.uri(c.endpoint()), c.connections(), each);
                        samples.get(c).get(contender.name()).add(s);
                        System.out.printf("  round %d  %-10s %-9s %4d conn %,10.0f req/s  p50 %,8.0f µs  p99 %,8.0f µs%s%n",
                                r + 1, contender.name(), c.endpoint().name().toLowerCase(), c.connections(),
                                s.requestsPerSecond(), s.p50Micros(), s.p99Micros(),
                                s.errors() == 0 ? "" : "  " + s.errors() + " errors");
                    }
                }
            }
        }
        return samples;
    }
}
