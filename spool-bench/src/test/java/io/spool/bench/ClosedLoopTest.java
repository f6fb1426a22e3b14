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
}
