package io.spool.bench.stack;

import io.spool.bench.web.Wrk;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackReportTest {
    @Test
    void mediansCostsAndRatiosToVertxAndJavalin() {
        Map<String, List<StackReport.Run>> byName = new LinkedHashMap<>();
        byName.put(StackContenders.SPOOL, List.of(run(30_000, 20), run(33_000, 22), run(27_000, 21)));
        byName.put(StackContenders.VERTX, List.of(run(30_000, 25), run(30_000, 26), run(30_000, 24)));
        byName.put(StackContenders.JAVALIN, List.of(run(20_000, 40), run(20_000, 41), run(20_000, 39)));
        String out = print(Map.of(new StackReport.Case(TestType.DB, 64), byName));
        // spool: median 30,000 req/s, p99 2 ms, 21 µs CPU, 10 µs in PostgreSQL and PostgreSQL preempted 3 times a
        // request; rounds 1.0, 1.1, 0.9 (two at the target)
        assertThat(out).containsPattern("db\\s+64\\s+spool\\s+30,000\\s+2.00\\s+0\\s+21.0\\s+10.0\\s+3.00\\s+1.00\\s+1.50")
                .containsPattern("javalin\\s+20,000\\s+2.00\\s+0\\s+40.0\\s+10.0\\s+3.00\\s+0.67\\s+1.00")
                .containsPattern("spool / vertx\\s+1.00\\s+0.90-1.10\\s+2/3\\s+>= 1.00\\s+met")
                .containsPattern("spool / javalin\\s+1.50\\s+1.35-1.65\\s+2/3\\s+>= 1.50\\s+met");
    }

    @Test
    void javalinsTargetAppliesToQueriesOnlyCachedHasNoneAndAMissIsMarked() {
        Map<String, List<StackReport.Run>> byName = new LinkedHashMap<>();
        byName.put(StackContenders.SPOOL, List.of(run(9_000, 20)));
        byName.put(StackContenders.VERTX, List.of(run(10_000, 20)));
        byName.put(StackContenders.JAVALIN, List.of(run(1_000, 20)));
        Map<StackReport.Case, Map<String, List<StackReport.Run>>> runs = new LinkedHashMap<>();
        runs.put(new StackReport.Case(TestType.QUERIES, 256), byName);
        runs.put(new StackReport.Case(TestType.FORTUNES, 256), byName);
        runs.put(new StackReport.Case(TestType.CACHED, 256), byName);
        String out = print(runs);
        assertThat(out).containsPattern("queries\\s+256\\s+spool / vertx\\s+0.90\\s+0.90-0.90\\s+0/1\\s+>= 1.00\\s+MISSED")
                .containsPattern("queries\\s+256\\s+spool / javalin\\s+9.00\\s+9.00-9.00\\s+1/1\\s+>= 1.50\\s+met")
                .containsPattern("fortunes\\s+256\\s+spool / vertx\\s+0.90")
                .doesNotContainPattern("fortunes\\s+256\\s+spool / javalin")
                // cached queries: reported, with no target
                .containsPattern("cached\\s+256\\s+spool\\s+9,000")
                .doesNotContainPattern("cached\\s+256\\s+spool / ");
    }

    @Test
    void saysSpoolIsNotMeasuredWithoutIt() {
        String out = print(Map.of(new StackReport.Case(TestType.UPDATES, 64),
                Map.of(StackContenders.VERTX, List.of(run(1000, 50)))));
        assertThat(out).containsPattern("updates\\s+64\\s+vertx\\s+1,000\\s+2.00\\s+0\\s+50.0\\s+10.0\\s+3.00\\s+1.00\\s+-")
                .contains("spool / peers: not measured");
    }

    @Test
    void cachedQueriesAloneHaveNoTargetTable() {
        String out = print(Map.of(new StackReport.Case(TestType.CACHED, 64),
                Map.of(StackContenders.SPOOL, List.of(run(1000, 50)), StackContenders.VERTX, List.of(run(1000, 50)))));
        assertThat(out).contains("spool / peers: no target on these tests").doesNotContain("verdict");
    }

    @Test
    void costPerRequestIsCpuAndPreemptionsOverRequests() {
        assertThat(StackCost.of(2.0, 0.5, 250_000, 100_000)).isEqualTo(new StackCost(20, 5, 2.5));
        assertThat(StackCost.of(2.0, 0.5, 250_000, 0)).isEqualTo(new StackCost(0, 0, 0));
    }

    private static StackReport.Run run(double rate, double cpuMicros) {
        return new StackReport.Run(new Wrk.Sample(rate, 500, 2000, 0), new StackCost(cpuMicros, 10, 3));
    }

    private static String print(Map<StackReport.Case, Map<String, List<StackReport.Run>>> runs) {
        var bytes = new ByteArrayOutputStream();
        StackReport.print(runs, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
