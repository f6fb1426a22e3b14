package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The render-time estimate behind admission: a cold first render and a lone outlier do not make it jump. */
class RenderTimesTest {
    private static final long MS = 1_000_000;

    @Test
    void theFirstRendersAreAveragedPlainly() {
        RenderTimes times = new RenderTimes();
        assertThat(times.meanNanos()).isEqualTo(-1);
        times.record(500 * MS);   // cold: template decode, no JIT yet
        for (int i = 1; i < RenderTimes.WARM_UP; i++) {
            times.record(30 * MS);
        }
        assertThat(times.meanNanos()).isBetween(88 * MS, 90 * MS);   // (500 + 7 x 30) / 8
    }

    @Test
    void aLoneOutlierCountsForAtMostFourTimesTheMean() {
        RenderTimes times = new RenderTimes();
        for (int i = 0; i < 20; i++) {
            times.record(30 * MS);
        }
        times.record(10_000 * MS);   // the render thread lost its core for ten seconds
        assertThat(times.meanNanos()).isBetween(41 * MS, 42 * MS);   // 30 + (120 - 30) / 8
    }

    @Test
    void aLastingChangeIsFollowed() {
        RenderTimes times = new RenderTimes();
        for (int i = 0; i < 20; i++) {
            times.record(30 * MS);
        }
        for (int i = 0; i < 40; i++) {
            times.record(300 * MS);
        }
        assertThat(times.meanNanos()).isGreaterThan(290 * MS);
    }
}
