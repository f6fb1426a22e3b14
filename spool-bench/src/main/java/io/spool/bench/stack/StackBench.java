package io.spool.bench.stack;

import io.spool.bench.BenchDatabase;
import io.spool.bench.ChildJvm;
import io.spool.bench.ProcessTree;
import io.spool.bench.ProcessUsage;
import io.spool.bench.web.Wrk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./spool bench stack}: TechEmpower's database tests (single query, 20 queries, fortunes, 20 updates) on
 * whole web stacks, each {@link StackContender} in a JVM of its own, all against one embedded PostgreSQL filled
 * once with TechEmpower's tables, each with the same number of database connections. Every contender's answers
 * are checked by TechEmpower's rules before anything is measured. Then, as {@code ./spool bench web} does, each
 * is warmed up on every test and connection count, and round after round each case is measured on every
 * contender in turn under wrk, the order rotating from round to round; the report gives medians and the medians
 * of the per-round ratios, with CPU per request of each contender's JVM and of the database server.
 */
public final class StackBench {
    public static final String USAGE = StackOptions.USAGE;
    private static final int WRK_THREADS = 2;

    private StackBench() {}

    public static void main(String[] args) throws Exception {
        StackOptions options = StackOptions.parse(args);
        List<StackContender> contenders = options.contenders(StackContenders.all());
        Wrk.ensureInstalled();
        List<StackReport.Case> cases = new ArrayList<>();
        for (TestType t : options.tests()) {
            options.connections().forEach(n -> cases.add(new StackReport.Case(t, n)));
        }
        System.out.printf("wrk %d threads, connections %s, tests %s; every contender in a JVM of its own with %d "
                        + "database connections, all at once; each warmed up %d s per test and connection count (in runs "
                        + "of %d s), then %d rounds of %d s per contender and case, back to back, order rotating%n",
                WRK_THREADS, options.connections(), options.tests().stream().map(TestType::id).toList(),
                options.dbConnections(), options.warmup(), options.seconds(), options.rounds(), options.seconds());
        System.out.printf("%d cores, JDK %s, server JVMs %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), String.join(" ", ChildJvm.FLAGS));
        contenders.forEach(c -> System.out.printf("  %-12s %s%n", c.name(), c.about()));
        System.out.printf("about %d minutes%n", Math.round(contenders.size()
                * (cases.size() * (options.warmup() + options.rounds() * options.seconds()) + 5) / 60.0));
        try (BenchDatabase db = BenchDatabase.open()) {
            StackDatabase database = StackDatabase.parse(db.url(), options.dbConnections());
            TechEmpowerData.load(database);
            Map<StackReport.Case, Map<String, List<StackReport.Run>>> runs =
                    measure(contenders, cases, database, db.postmasterPid(), options);
            StackReport.print(runs, System.out);
        }
    }

    private static Map<StackReport.Case, Map<String, List<StackReport.Run>>> measure(List<StackContender> contenders,
            List<StackReport.Case> cases, StackDatabase database, long postmaster, StackOptions options)
            throws Exception {
        Map<StackReport.Case, Map<String, List<StackReport.Run>>> runs = new LinkedHashMap<>();
        for (StackReport.Case c : cases) {
            Map<String, List<StackReport.Run>> byName = new LinkedHashMap<>();
            contenders.forEach(x -> byName.put(x.name(), new ArrayList<>()));
            runs.put(c, byName);
        }
        Wrk wrk = new Wrk(WRK_THREADS);
        Duration each = Duration.ofSeconds(options.seconds());
        List<StackServer> servers = new ArrayList<>();
        try {
            for (StackContender contender : contenders) {
                servers.add(StackServer.start(contender, database,
                        base -> new StackCheck(contender.name(), base, database).all()));
            }
            for (StackServer server : servers) {
                for (StackReport.Case c : cases) {
                    for (int done = 0; done < options.warmup(); done += options.seconds()) {
                        wrk.run(server.uri(c.test()), c.connections(), each);
                    }
                }
            }
            for (int r = 0; r < options.rounds(); r++) {
                for (StackReport.Case c : cases) {
                    for (int k = 0; k < servers.size(); k++) {
                        StackServer server = servers.get((k + r) % servers.size());
                        double serverBefore = server.cpuSeconds();
                        double databaseBefore = ProcessTree.cpuSeconds(postmaster);
                        long preemptionsBefore = ProcessTree.involuntarySwitches(postmaster);
                        Wrk.Sample s = wrk.run(server.uri(c.test()), c.connections(), each);
                        StackCost cost = StackCost.of(server.cpuSeconds() - serverBefore,
                                postmaster == 0 ? 0 : ProcessTree.cpuSeconds(postmaster) - databaseBefore,
                                postmaster == 0 ? 0 : ProcessTree.involuntarySwitches(postmaster) - preemptionsBefore,
                                s.requestsPerSecond() * each.toMillis() / 1e3);
                        runs.get(c).get(server.name()).add(new StackReport.Run(s, cost));
                        System.out.printf("  round %d  %-12s %-8s %4d conn %,9.0f req/s  p99 %,9.0f µs  cpu %6.1f µs/req"
                                        + "  pg %6.1f µs/req  pg preempted %5.2f/req%s%n", r + 1, server.name(), c.test().id(),
                                c.connections(), s.requestsPerSecond(), s.p99Micros(), cost.serverMicros(),
                                cost.databaseMicros(), cost.databasePreemptions(),
                                s.errors() == 0 ? "" : "  " + s.errors() + " errors");
                    }
                }
            }
        } finally {
            for (StackServer server : servers) {
                server.close();
            }
        }
        return runs;
    }
}
