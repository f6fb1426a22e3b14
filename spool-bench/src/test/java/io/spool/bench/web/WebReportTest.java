package io.spool.bench.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WebReportTest {
    @Test
    void ratiosToRawNettyAndSpoolWebTargets() {
        Map<String, List<Wrk.Sample>> byName = new LinkedHashMap<>();
        byName.put(Contenders.SPOOL_WEB, List.of(sample(95_000), sample(91_000), sample(99_000)));
        byName.put(Contenders.RAW_NETTY, List.of(sample(100_000)));
        byName.put(Contenders.JAVALIN, List.of(sample(50_000)));
        byName.put(Contenders.HELIDON, List.of(sample(96_000)));
        String out = print(Map.of(new WebBench.Case(Endpoint.JSON, 64), byName));
        assertThat(out).containsPattern("spool-web\\s+95,000\\s+0.50\\s+2.00\\s+0\\s+0.95")
                .containsPattern("spool-web / raw-netty\\s+0.95\\s+0.95-0.95\\s+>= 0.90\\s+met")
                .containsPattern("spool-web / helidon\\s+0.99\\s+0.99-0.99\\s+>= 1.00\\s+MISSED")
                .containsPattern("spool-web / javalin\\s+1.90\\s+1.90-1.90\\s+>= 1.00\\s+met");
    }

    @Test
    void ratiosPairTheRoundsSoThatTheMachinesDriftCancels() {
        // the machine slows down in round 2 and partly recovers in round 3; spool-web keeps 90-92% of raw Netty
        Map<String, List<Wrk.Sample>> byName = new LinkedHashMap<>();
        byName.put(Contenders.SPOOL_WEB, List.of(sample(92_000), sample(46_000), sample(63_000)));
        byName.put(Contenders.RAW_NETTY, List.of(sample(100_000), sample(50_000), sample(70_000)));
        String out = print(Map.of(new WebBench.Case(Endpoint.PLAINTEXT, 64), byName));
        // medians alone would say 63,000 / 70,000 = 0.90; the rounds say 0.92, 0.92 and 0.90
        assertThat(out).containsPattern("spool-web\\s+63,000\\s+0.50\\s+2.00\\s+0\\s+0.92")
                .containsPattern("spool-web / raw-netty\\s+0.92\\s+0.90-0.92\\s+>= 0.90\\s+met");
    }

    @Test
    void saysSpoolWebIsNotMeasuredWithoutIt() {
        String out = print(Map.of(new WebBench.Case(Endpoint.PLAINTEXT, 256),
                Map.of(Contenders.RAW_NETTY, List.of(sample(1000)))));
        assertThat(out).containsPattern("plaintext\\s+256\\s+raw-netty\\s+1,000").contains("spool-web / peers: not measured");
    }

    private static Wrk.Sample sample(double rate) {
        return new Wrk.Sample(rate, 500, 2000, 0);
    }

    @Test
    void costTableGivesMediansPerRequest() {
        Map<String, List<ServerCost>> byName = new LinkedHashMap<>();
        byName.put(Contenders.SPOOL_WEB, List.of(cost(12), cost(14), cost(13)));
        byName.put(Contenders.RAW_NETTY, List.of(cost(11)));
        var bytes = new ByteArrayOutputStream();
        WebReport.printCosts(Map.of(new WebBench.Case(Endpoint.PLAINTEXT, 64), byName),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).containsPattern("plaintext\\s+64\\s+spool-web\\s+13\\.0\\s+0\\.130\\s+0\\.013");
        assertThat(out).containsPattern("raw-netty\\s+11\\.0\\s+0\\.110\\s+0\\.011");
    }

    @Test
    void costIsPerRequestAndNothingForNoRequests() {
        ServerCost c = ServerCost.of(new io.spool.bench.ProcessUsage(1.2, 20_000, 7_000), 100_000);
        assertThat(c.cpuMicros()).isCloseTo(12.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.voluntarySwitches()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.involuntarySwitches()).isCloseTo(0.07, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ServerCost.of(new io.spool.bench.ProcessUsage(1, 1, 1), 0).cpuMicros()).isZero();
    }

    private static ServerCost cost(double micros) {
        return new ServerCost(micros, micros / 100, micros / 1000);
    }

    private static String print(Map<WebBench.Case, Map<String, List<Wrk.Sample>>> samples) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WebReport.print(samples, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
