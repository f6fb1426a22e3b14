package io.spool.bench.tasks;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeTest {
    @Test
    void pickupIsHandlerStartMinusSpawnOfItsBatch() throws Exception {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        Probe p = new Probe(4, now::get);
        p.spawning(0, 2);                       // tasks 0 and 1 spawned at t
        now.addAndGet(5_000_000);               // +5 ms
        p.spawning(2, 2);                       // tasks 2 and 3 spawned at t + 5 ms
        now.addAndGet(1_000_000);
        p.started(0);                           // 6 ms
        p.started(2);                           // 1 ms
        assertThat(p.awaitAllStarted(Duration.ZERO)).isFalse();
        now.addAndGet(3_000_000);
        p.started(1);                           // 9 ms
        p.started(3);                           // 4 ms
        assertThat(p.awaitAllStarted(Duration.ZERO)).isTrue();
        Histogram h = p.pickupMicros();
        assertThat(h.getTotalCount()).isEqualTo(4);
        assertThat(h.getMinValue()).isBetween(990L, 1010L);
        assertThat(h.getMaxValue()).isBetween(8990L, 9010L);
        assertThat(p.ran()).isEqualTo(4);
        assertThat(p.duplicates()).isZero();
    }

    @Test
    void countsRepeatedRunsStraysAndTasksThatNeverRan() {
        Probe p = new Probe(3);
        p.spawning(0, 3);
        p.started(0);
        p.started(0);
        p.started(1);
        p.started(7);
        assertThat(p.ran()).isEqualTo(2);
        assertThat(p.duplicates()).isEqualTo(1);
        assertThat(p.strays()).isEqualTo(1);
        assertThat(p.pickupMicros().getTotalCount()).isEqualTo(2);  // the first run of each task only
    }
}
