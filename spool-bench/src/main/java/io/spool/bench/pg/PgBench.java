package io.spool.bench.pg;

import io.spool.bench.BenchDatabase;
import io.spool.bench.ClosedLoop;
import io.spool.pg.PgConfig;
import io.spool.pg.PgConnection;
import io.spool.pg.SslMode;
import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./spool bench pg}: starts one embedded PostgreSQL (or uses {@code SPOOL_BENCH_DATABASE_URL}), loads the
 * tables, then measures every contender on every workload in the same run: a warm-up, then several rounds in
 * rotating order, reporting the median throughput, p50/p99 latency, and spool/peer ratios. Then the allocation
 * per fetched row of spool-pg and pgjdbc, both on one platform thread.
 */
public final class PgBench {
    private static final int CONNECTIONS = 8;

    private PgBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = 3;
        int rounds = 3;
        List<String> only = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (BenchDatabase db = BenchDatabase.open()) {
            PgConfig config = PgConfig.parse(db.url()).withSslMode(SslMode.DISABLE);
            load(config);
            System.out.printf("PostgreSQL %s on %s:%d; %d connections per contender; %d s per round, %d rounds, "
                            + "%d cores, JDK %s%n", serverVersion(config), config.host(), config.port(), CONNECTIONS,
                    seconds, rounds, Runtime.getRuntime().availableProcessors(), Runtime.version());
            List<Contender> contenders = contenders(config, only);
            Map<Workload, Map<String, Result>> results = new LinkedHashMap<>();
            for (Workload w : Workload.values()) {
                results.put(w, measure(contenders, w, config, Duration.ofSeconds(seconds), rounds));
            }
            for (Contender c : contenders) {
                c.close();
            }
            Report.print(results);
            allocationPerRow(config);
        }
    }

    /** Median throughput over the rounds and the latency of all rounds together. */
    record Result(double opsPerSecond, Histogram latency) {}

    private static List<Contender> contenders(PgConfig c, List<String> only) throws Exception {
        String pw = c.password();
        List<Contender> all = new ArrayList<>();
        all.add(new SpoolBlocking(c, CONNECTIONS, false));
        all.add(new SpoolBlocking(c, CONNECTIONS, true));
        all.add(new SpoolNetty(c, CONNECTIONS));
        all.add(new SpoolLoop(c, CONNECTIONS));
        all.add(new SpoolJdbc(c.host(), c.port(), c.database(), c.user(), pw, CONNECTIONS));
        all.add(new JdbcHikari(c.host(), c.port(), c.database(), c.user(), pw, CONNECTIONS, true));
        all.add(new JdbcHikari(c.host(), c.port(), c.database(), c.user(), pw, CONNECTIONS, false));
        all.add(new VertxPg(c.host(), c.port(), c.database(), c.user(), pw, CONNECTIONS));
        if (only.isEmpty()) {
            return all;
        }
        List<Contender> kept = new ArrayList<>();
        for (Contender x : all) {
            if (only.stream().anyMatch(o -> x.name().toLowerCase().contains(o.toLowerCase()))) {
                kept.add(x);
            } else {
                x.close();
            }
        }
        return kept;
    }

    private static Map<String, Result> measure(List<Contender> all, Workload w, PgConfig config, Duration each,
                                               int rounds) throws Exception {
        List<Contender> contenders = all.stream().filter(c -> c.supports(w)).toList();
        System.out.printf("%n== %s (%d clients)%n", w.title(), w.clients());
        Map<String, List<Double>> throughput = new LinkedHashMap<>();
        Map<String, Histogram> latency = new LinkedHashMap<>();
        for (Contender c : contenders) {
            Runner.run(c, w, Duration.ofSeconds(Math.max(1, each.toSeconds() * 2 / 3)));  // warm-up
            throughput.put(c.name(), new ArrayList<>());
            latency.put(c.name(), new Histogram(3));
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < contenders.size(); k++) {
                Contender c = contenders.get((k + r) % contenders.size());  // rotate the order each round
                if (w == Workload.INSERT || w == Workload.BATCH_INSERT) {
                    truncateEvents(config);
                }
                ClosedLoop.Sample s = Runner.run(c, w, each);
                throughput.get(c.name()).add(s.opsPerSecond());
                latency.get(c.name()).add(s.latencyMicros());
                System.out.printf("  round %d  %-30s %,10.0f req/s%n", r + 1, c.name(), s.opsPerSecond());
            }
        }
        Map<String, Result> out = new LinkedHashMap<>();
        for (Contender c : contenders) {
            List<Double> t = throughput.get(c.name());
            t.sort(Double::compare);
            out.put(c.name(), new Result(t.get(t.size() / 2), latency.get(c.name())));
        }
        return out;
    }

    private static void load(PgConfig config) {
        try (PgConnection c = PgConnection.connect(config)) {
            c.execute("""
                    DROP TABLE IF EXISTS world, mixed, event;
                    CREATE TABLE world (id int PRIMARY KEY, randomnumber int NOT NULL);
                    INSERT INTO world SELECT i, (random() * 10000)::int FROM generate_series(1, 10000) i;
                    CREATE TABLE mixed (id int PRIMARY KEY, big bigint, label text, amount numeric(12,2),
                                        at timestamptz, flag bool, ref uuid, ratio float8);
                    INSERT INTO mixed SELECT i, i * 1000003::bigint, 'label number ' || i, (i * 3.07)::numeric(12,2),
                                      now() - i * interval '1 minute', i % 2 = 0, gen_random_uuid(), i / 7.0
                                      FROM generate_series(1, 1000) i;
                    CREATE UNLOGGED TABLE event (id bigserial PRIMARY KEY, a int, b bigint, c text, d float8, e timestamptz);
                    """);
            c.execute("VACUUM ANALYZE world, mixed");  // its own statement: VACUUM refuses a transaction block
        }
    }

    private static void truncateEvents(PgConfig config) {
        try (PgConnection c = PgConnection.connect(config)) {
            c.execute("TRUNCATE event");
        }
    }

    private static String serverVersion(PgConfig config) {
        try (PgConnection c = PgConnection.connect(config)) {
            return c.serverParameters().get("server_version");
        }
    }

    /**
     * Bytes allocated per fetched row, reading every column: spool-pg's blocking client against pgjdbc, each
     * on this platform thread (the JVM counts allocation per platform thread), after a warm-up.
     */
    private static void allocationPerRow(PgConfig config) throws Exception {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        int fetches = 300;
        double spool;
        double pgjdbc;
        try (PgConnection c = PgConnection.connect(config)) {
            for (int i = 0; i < fetches; i++) {
                SpoolBlocking.mixed(c.query(Workload.SELECT_MIXED));
            }
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < fetches; i++) {
                SpoolBlocking.mixed(c.query(Workload.SELECT_MIXED));
            }
            spool = (threads.getThreadAllocatedBytes(tid) - before) / (fetches * 1000.0);
        }
        String jdbcUrl = "jdbc:postgresql://" + config.host() + ":" + config.port() + "/" + config.database()
                + "?sslmode=disable&user=" + config.user() + (config.password() == null ? "" : "&password=" + config.password());
        try (java.sql.Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (int i = 0; i < fetches; i++) {
                JdbcContender.mixed(c);
            }
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < fetches; i++) {
                JdbcContender.mixed(c);
            }
            pgjdbc = (threads.getThreadAllocatedBytes(tid) - before) / (fetches * 1000.0);
        }
        System.out.printf("%nAllocation per fetched row (8 columns, every value read, typed getters):%n");
        System.out.printf("  spool-pg %8.1f B/row%n  pgjdbc   %8.1f B/row%n  ratio spool/pgjdbc %.2f%n",
                spool, pgjdbc, spool / pgjdbc);
    }
}
