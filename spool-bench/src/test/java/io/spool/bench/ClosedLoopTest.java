package io.spool.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The closed-loop load generator counts what it should, and fails a run that mostly fails. */
class ClosedLoopTest {
    @Test
    void countsRequestsOfEveryClientAndTheirLatency() throws Exception {
        AtomicLong calls = new AtomicLong();
        ClosedLoop.Sample s = ClosedLoop.run("sleeper", 4, Thread.ofVirtual().factory(), Duration.ofMillis(500),
                random -> {
                    calls.incrementAndGet();
                    Thread.sleep(10);
                });
        assertThat(s.latencyMicros().getTotalCount()).isEqualTo(calls.get());
        assertThat(s.opsPerSecond()).isBetween(100.0, 420.0);   // 4 clients × at most 100/s each
        assertThat(s.p50Micros()).isGreaterThanOrEqualTo(10_000);
        assertThat(s.errors()).isZero();
    }

    @Test
    void aFewFailuresAreCountedManyFailTheRun() throws Exception {
        AtomicLong n = new AtomicLong();
        ClosedLoop.Sample s = ClosedLoop.run("rarely", 2, Thread.ofVirtual().factory(), Duration.ofMillis(1000),
                random -> {
                    Thread.sleep(1);
                    if (n.incrementAndGet() == 5) {
                        throw new IOException("one bad answer");
                    }
                });
        assertThat(s.errors()).isEqualTo(1);
        assertThatThrownBy(() -> ClosedLoop.run("broken", 2, Thread.ofVirtual().factory(), Duration.ofMillis(100),
                random -> {
                    throw new IOException("always");
                }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken failed")
                .hasRootCauseMessage("always");
    }

    @Test
    void waitsForTheLastRequestsOnlyAsLongAsTheGrace() throws Exception {
        ClosedLoop.Sample s = ClosedLoop.run("slow", 2, Thread.ofVirtual().factory(), Duration.ofMillis(50),
                Duration.ofSeconds(5), random -> Thread.sleep(1000));
        assertThat(s.latencyMicros().getTotalCount()).as("each client's one request, finished after the run")
                .isEqualTo(2);
        assertThatThrownBy(() -> ClosedLoop.run("stuck", 2, Thread.ofVirtual().factory(), Duration.ofMillis(50),
                Duration.ofMillis(200), random -> Thread.sleep(3000)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stuck did not finish within 0.2 s of the end of its run");
    }
}
