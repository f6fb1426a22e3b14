package io.spool.bench.web;

import io.spool.bench.ChildJvm;
import io.spool.bench.ProcessUsage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./spool bench web}: TechEmpower plaintext and JSON against every {@link Contenders contender}, side by
 * side in one run. Every contender runs in a JVM of its own, all of them at once (an idle server costs next to
 * nothing), and each is warmed up on every endpoint and connection count first. Then, round after round, each
 * endpoint and connection count is measured on every contender in turn, one short wrk run each, the order
 * rotating from round to round. The machine's speed drifts by tens of percent over minutes (other tenants of the
 * host); measuring the contenders back to back, case by case, makes each round a fair comparison, and the report
 * gives medians over the rounds and the median of the per-round ratios.
 */
public final class WebBench {
    /** One measured configuration: an endpoint under a number of concurrent keep-alive connections. */
    record Case(Endpoint endpoint, int connections) {}

    /** Every measured run, by case and contender: wrk's figures, and what the server spent per request. */
    private record Results(Map<Case, Map<String, List<Wrk.Sample>>> samples,
                           Map<Case, Map<String, List<ServerCost>>> costs) {}

    private WebBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = 4;
        int warmup = 15;   // under full load on 2 cores, C2 compiles spool-web's hot paths 15-30 s in
        int rounds = 7;
        int threads = 2;
        List<Integer> connections = List.of(64, 256);
        List<String> only = List.of();
        String baseline = null;
        boolean http2 = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--connections" -> connections = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                case "--baseline" -> baseline = args[++i];
                case "--http2" -> http2 = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (http2) {
            H2Load.ensureInstalled();
        } else {
            Wrk.ensureInstalled();
        }
        List<WebContender> contenders = new ArrayList<>(select(only));
        if (http2) {
            contenders.removeIf(c -> !c.http2());
        }
        if (baseline != null) {
            if (!java.nio.file.Files.isDirectory(java.nio.file.Path.of(baseline, "io", "spool", "web"))) {
                throw new IllegalArgumentException("--baseline takes spool-web's classes directory of an earlier build"
                        + " (its target/classes), not " + baseline);
            }
            contenders.add(Contenders.baseline(baseline));
        }
        List<Case> cases = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            connections.forEach(n -> cases.add(new Case(e, n)));
        }
        System.out.printf((http2 ? "HTTP/2 (h2c, prior knowledge): h2load %d threads, streams in flight %s (8 per "
                + "connection)" : "wrk %d threads, connections %s") + "; all server JVMs at once, each warmed up %d s per endpoint "
                + "and connection count (in runs of %d s); then %d rounds of %d s per contender and case, back to "
                + "back, contender order rotating%n", threads, connections, warmup, seconds, rounds, seconds);
        System.out.printf("%d cores, JDK %s, server JVMs %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), String.join(" ", ChildJvm.FLAGS));
        contenders.forEach(c -> System.out.printf("  %-10s %s%n", c.name(), c.about()));
        System.out.printf("about %d minutes%n",
                Math.round(contenders.size() * (cases.size() * (warmup + rounds * seconds) + 5) / 60.0));
        Results results = measure(contenders, cases, http2 ? new H2Load(threads) : new Wrk(threads), http2,
                Duration.ofSeconds(warmup), Duration.ofSeconds(seconds), rounds);
        WebReport.print(results.samples(), System.out);
        WebReport.printCosts(results.costs(), System.out);
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

    /** An empty list per case and contender, in the order of both. */
    private static <T> Map<Case, Map<String, List<T>>> perCaseAndContender(List<Case> cases,
            List<WebContender> contenders) {
        Map<Case, Map<String, List<T>>> table = new LinkedHashMap<>();
        for (Case c : cases) {
            Map<String, List<T>> byName = new LinkedHashMap<>();
            contenders.forEach(x -> byName.put(x.name(), new ArrayList<>()));
            table.put(c, byName);
        }
        return table;
    }

    private static Results measure(List<WebContender> contenders, List<Case> cases, LoadGenerator wrk,
            boolean http2, Duration warmup, Duration each, int rounds) throws Exception {
        Map<Case, Map<String, List<Wrk.Sample>>> samples = perCaseAndContender(cases, contenders);
        Map<Case, Map<String, List<ServerCost>>> costs = perCaseAndContender(cases, contenders);
        List<ServerProcess> servers = new ArrayList<>();
        try {
            for (WebContender contender : contenders) {
                servers.add(ServerProcess.start(contender, http2));
            }
            // warm every path up before the first measurement, in runs as long as the measured ones: the JIT then
            // also sees what each measured run brings, connections opened and closed mid-request, which would
            // otherwise deoptimize hot code (and cost a recompilation) in the first measured rounds
            for (ServerProcess server : servers) {
                for (Case c : cases) {
                    for (Duration done = Duration.ZERO; done.compareTo(warmup) < 0; done = done.plus(each)) {
                        wrk.run(server.uri(c.endpoint()), c.connections(), each);
                    }
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (Case c : cases) {
                    for (int k = 0; k < servers.size(); k++) {
                        ServerProcess server = servers.get((k + r) % servers.size());
                        ProcessUsage before = server.usage();
                        Wrk.Sample s = wrk.run(server.uri(c.endpoint()), c.connections(), each);
                        ServerCost cost = ServerCost.of(server.usage().minus(before),
                                s.requestsPerSecond() * each.toMillis() / 1e3);
                        samples.get(c).get(server.name()).add(s);
                        costs.get(c).get(server.name()).add(cost);
                        System.out.printf("  round %d  %-10s %-9s %4d conn %,10.0f req/s  p50 %,8.0f µs  p99 %,8.0f µs"
                                        + "  cpu %5.1f µs/req  preempted %.3f/req%s%n",
                                r + 1, server.name(), c.endpoint().name().toLowerCase(), c.connections(),
                                s.requestsPerSecond(), s.p50Micros(), s.p99Micros(), cost.cpuMicros(),
                                cost.involuntarySwitches(), s.errors() == 0 ? "" : "  " + s.errors() + " errors");
                    }
                }
            }
        } finally {
            for (ServerProcess server : servers) {
                server.close();
            }
        }
        return new Results(samples, costs);
    }
}
