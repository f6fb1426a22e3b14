package io.spool.bench.tasks;

import io.spool.bench.BenchDatabase;
import io.spool.pg.PgConfig;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ./spool bench tasks}: end-to-end throughput of durable task queues on PostgreSQL, spool-tasks against
 * db-scheduler, JobRunr and, in Node processes, graphile-worker (default and batched) and pg-boss, in one run
 * on one embedded PostgreSQL (or {@code SPOOL_BENCH_DATABASE_URL}). A round
 * of a contender: an empty database of its own, the system started with the same handler concurrency and
 * connections as the others, N no-op tasks spawned in batches by a producer running alongside the workers, timed
 * from the first spawn until every handler has run and the system has recorded every completion. One warm-up
 * round each, then the measured rounds in rotating order; the report gives medians and spool/peer ratios.
 */
public final class TasksBench {
    /** A contender by name, made afresh for each round. */
    private record Entry(String name, Function<Options, TaskContender> make) {}

    private static final List<Entry> ALL = List.of(
            new Entry(SpoolTasksContender.NAME, SpoolTasksContender::new),
            new Entry(SpoolTasksContender.BATCHED_NAME, SpoolTasksContender::batched),
            new Entry(DbSchedulerContender.NAME, DbSchedulerContender::new),
            new Entry(JobRunrContender.NAME, JobRunrContender::new),
            node(NodeContender.Peer.GRAPHILE), node(NodeContender.Peer.GRAPHILE_BATCHED),
            node(NodeContender.Peer.PG_BOSS));

    private static Entry node(NodeContender.Peer system) {
        return new Entry(system.contenderName, o -> new NodeContender(system, o));
    }

    private TasksBench() {}

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");  // the peers log every start
        }
        Options options = Options.parse(args);
        List<Entry> contenders = ALL.stream().filter(e -> options.wants(e.name())).toList();
        if (contenders.isEmpty()) {
            throw new IllegalArgumentException("--only " + options.only() + " matches none of "
                    + ALL.stream().map(Entry::name).toList());
        }
        try (BenchDatabase db = BenchDatabase.open()) {
            PgConfig c = PgConfig.parse(db.url());
            Database admin = new Database(c.host(), c.port(), c.user(), c.password(), c.database());
            CpuMeter cpu = new CpuMeter(db.postmasterPid());
            header(admin, options, contenders);
            Map<String, List<RoundResult>> results = measure(admin, options, contenders, cpu);
            TasksReport.print(results, System.out);
        }
    }

    private static void header(Database admin, Options o, List<Entry> contenders) throws Exception {
        String version;
        try (Connection conn = admin.connect(); var s = conn.createStatement(); var rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            version = rs.getString(1);
        }
        System.out.printf("PostgreSQL %s on %s:%d, a fresh database per contender and round; %d cores, JDK %s%n",
                version, admin.host(), admin.port(), Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("%,d no-op tasks per round spawned in batches of %,d by one producer thread while the "
                        + "workers run; warm-up %,d tasks, then %d rounds, order rotating%n", o.tasks(), o.batch(),
                o.warmupTasks(), o.rounds());
        System.out.printf("every contender: %d concurrent handlers, %d database connections (producer and workers "
                + "share them), poll interval %d ms where allowed%n", o.concurrency(), o.connections(),
                o.pollInterval().toMillis());
        for (Entry e : contenders) {
            System.out.printf("  %-12s %s%n", e.name(), e.make().apply(o).settings());
        }
    }

    private static Map<String, List<RoundResult>> measure(Database admin, Options o, List<Entry> contenders,
                                                          CpuMeter cpu) {
        Map<String, List<RoundResult>> results = new LinkedHashMap<>();
        contenders.forEach(e -> results.put(e.name(), new ArrayList<>()));
        if (o.warmupTasks() > 0) {
            for (Entry e : contenders) {
                print("warm-up", e.name(), round(admin, e, o, o.warmupTasks(), cpu));
            }
        }
        for (int r = 0; r < o.rounds(); r++) {
            for (int k = 0; k < contenders.size(); k++) {
                Entry e = contenders.get((k + r) % contenders.size());
                RoundResult result = round(admin, e, o, o.tasks(), cpu);
                results.get(e.name()).add(result);
                print("round " + (r + 1), e.name(), result);
            }
        }
        return results;
    }

    private static RoundResult round(Database admin, Entry e, Options o, int tasks, CpuMeter cpu) {
        String dbName = "bench_tasks_" + e.name().replaceAll("[^a-z0-9]", "_");
        try {
            Database db = admin.create(dbName);
            try {
                return Round.run(e.make().apply(o), db, tasks, o.batch(), o.roundTimeout(), cpu);
            } finally {
                admin.drop(dbName);
            }
        } catch (Exception ex) {
            return new RoundResult(tasks, 0, 0, 0, Double.NaN, 0, 0, "failed: " + ex, new CpuMeter.Sample(0, 0));
        }
    }

    private static void print(String label, String name, RoundResult r) {
        System.out.printf("  %-8s %-12s %,8.0f tasks/s  pickup p50 %,9.1f ms  p99 %,9.1f ms  ran %,d/%,d  "
                        + "recorded %,d  CPU ms/1000 tasks: JVM %,.0f, PostgreSQL %,.0f%s%s%n", label, name,
                r.tasksPerSecond(), r.p50Micros() / 1e3, r.p99Micros() / 1e3, r.ran(), r.tasks(), r.recorded(),
                r.jvmCpuMsPerThousand(), r.serverCpuMsPerThousand(),
                r.duplicates() == 0 ? "" : "  ran twice " + r.duplicates(),
                r.error() == null ? "" : "  INCOMPLETE: " + r.error());
    }
}
