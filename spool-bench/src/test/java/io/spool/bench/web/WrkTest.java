package io.spool.bench.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WrkTest {
    private static final String OUTPUT = """
            Running 10s test @ http://127.0.0.1:8080/plaintext
              2 threads and 64 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency   636.29us  456.71us  15.31ms   90.63%
                Req/Sec    52.36k     4.27k   60.39k    76.50%
              Latency Distribution
                 50%  523.00us
                 75%  700.00us
                 90%    1.03ms
                 99%    2.35ms
              1042189 requests in 10.00s, 127.22MB read
              Socket errors: connect 0, read 2, write 0, timeout 3
              Non-2xx or 3xx responses: 4
            Requests/sec: 104212.47
            Transfer/sec:     12.72MB
            """;

    @Test
    void parsesThroughputPercentilesAndErrors() {
        Wrk.Sample s = Wrk.parse(OUTPUT);
        assertThat(s.requestsPerSecond()).isCloseTo(104212.47, within(0.01));
        assertThat(s.p50Micros()).isCloseTo(523.0, within(0.01));
        assertThat(s.p99Micros()).isCloseTo(2350.0, within(0.01));
        assertThat(s.errors()).isEqualTo(9);
    }

    @Test
    void secondsAndNoErrorLines() {
        String out = OUTPUT.replace("2.35ms", "1.20s").replaceAll("(?m)^.*(Socket errors|Non-2xx).*\\n", "");
        Wrk.Sample s = Wrk.parse(out);
        assertThat(s.p99Micros()).isCloseTo(1_200_000.0, within(0.01));
        assertThat(s.errors()).isZero();
    }
}
