package io.spool.bench.tasks;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TasksReportTest {
    private static RoundResult ok(double seconds, long p50, long p99) {
        return new RoundResult(10_000, 10_000, 0, 10_000, seconds, p50, p99, null, new CpuMeter.Sample(1.5, 2.5));
    }

    private static String print(Map<String, List<RoundResult>> results) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TasksReport.print(results, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mediansRatiosAndMetTargets() {
        Map<String, List<RoundResult>> r = new LinkedHashMap<>();
        r.put("spool-tasks", List.of(ok(1.0, 2000, 9000), ok(2.0, 4000, 1000), ok(1.25, 3000, 5000)));  // 8,000/s
        r.put("db-scheduler", List.of(ok(4.0, 1, 1), ok(5.0, 1, 1), ok(2.5, 1, 1)));                   // 2,500/s
        r.put("jobrunr", List.of(ok(20.0, 1, 1), ok(20.0, 1, 1), ok(20.0, 1, 1)));                     // 500/s
        String out = print(r);
        assertThat(out).containsPattern("spool-tasks +8,000 +3\\.0 +5\\.0 +3/3 +0 +0 +1\\.00 +150 +250");
        assertThat(out).containsPattern("db-scheduler +2,500 .* 3\\.20");
        assertThat(out).containsPattern("jobrunr +500 .* 16\\.00");
        assertThat(out).containsPattern("spool-tasks tasks/s +8,000 +>= 5,000 +met");
        assertThat(out).containsPattern("spool-tasks / db-scheduler +3\\.20 +>= 2\\.00 +met");
        assertThat(out).containsPattern("spool-tasks / jobrunr +16\\.00 +>= 2\\.00 +met");
        assertThat(out).containsPattern("lost or unrecorded +0 +0 +met");
    }

    @Test
    void nodePeersHaveTheirOwnGoals() {
        Map<String, List<RoundResult>> r = new LinkedHashMap<>();
        r.put("spool-tasks", List.of(ok(1.0, 1, 1)));              // 10,000/s
        r.put("spool-tasks-batched", List.of(ok(1.0, 1, 1)));      // 10,000/s
        r.put("graphile-worker", List.of(ok(0.5, 1, 1)));          // 20,000/s: reported, no goal
        r.put("graphile-worker-batched", List.of(ok(0.8, 1, 1)));  // 12,500/s
        r.put("pg-boss", List.of(ok(4.0, 1, 1)));                  // 2,500/s
        String out = print(r);
        assertThat(out).containsPattern("spool-tasks-batched / graphile-worker-batched +0\\.80 +>= 1\\.00 +NOT MET");
        assertThat(out).containsPattern("spool-tasks / pg-boss +4\\.00 +>= 2\\.00 +met");
        assertThat(out).doesNotContainPattern("spool-tasks / graphile-worker +")
                .doesNotContainPattern("spool-tasks / graphile-worker-batched");
        assertThat(out).containsPattern("graphile-worker +20,000 .* 0\\.50");
    }

    @Test
    void incompleteRoundsAreLeftOutOfTheMediansAndReported() {
        Map<String, List<RoundResult>> r = new LinkedHashMap<>();
        r.put("spool-tasks", List.of(ok(4.0, 1, 1), new RoundResult(10_000, 9_990, 2, 9_990, 60, 1, 1, "timed out", new CpuMeter.Sample(0, 0))));
        r.put("jobrunr", List.of(new RoundResult(10_000, 9_000, 0, 9_000, 300, 1, 1, "timed out after 300 s", new CpuMeter.Sample(0, 0))));
        String out = print(r);
        assertThat(out).containsPattern("spool-tasks +2,500 .* 1/2 +10 +2 +1\\.00");
        assertThat(out).containsPattern("jobrunr +- +- +- +0/1 +1000 +0 +- +- +-");
        assertThat(out).contains("jobrunr: 1 of 1 rounds incomplete; first problem: timed out after 300 s");
        assertThat(out).containsPattern("spool-tasks tasks/s +2,500 +>= 5,000 +NOT MET");
        assertThat(out).containsPattern("spool-tasks / jobrunr +- +>= 2\\.00 +not measured \\(no complete round\\)");
        assertThat(out).containsPattern("lost or unrecorded +10 \\(1 rounds incomplete\\) +0 +NOT MET");
    }
}
