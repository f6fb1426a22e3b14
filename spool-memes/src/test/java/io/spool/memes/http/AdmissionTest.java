package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic of admission by expected wait, without a server. */
class AdmissionTest {
    private static final long MS = 1_000_000;
    private final Admission twoThreads = Admission.of(2, 512, Duration.ofSeconds(10));   // budget 7.5 s

    @Test
    void expectedWaitSpreadsTheRendersAheadOverTheThreads() {
        assertThat(twoThreads.budgetNanos()).isEqualTo(7_500 * MS);
        assertThat(twoThreads.expectedDoneNanos(0, 100 * MS)).isEqualTo(100 * MS);   // a thread is free
        assertThat(twoThreads.expectedDoneNanos(1, 100 * MS)).isEqualTo(100 * MS);
        assertThat(twoThreads.expectedDoneNanos(2, 100 * MS)).isEqualTo(150 * MS);   // one render to wait for, on 2 threads
        assertThat(twoThreads.expectedDoneNanos(64, 100 * MS)).isEqualTo(3_250 * MS);
    }

    @Test
    void admitsWhatFitsTheBudgetAndRefusesWithTheTimeTheBacklogNeeds() {
        assertThat(twoThreads.refusal(64, 100 * MS)).as("64 clients at 100 ms: 3.25 s").isNull();
        assertThat(twoThreads.refusal(149, 100 * MS)).as("7.5 s exactly").isNull();
        OverloadedException refused = twoThreads.refusal(200, 100 * MS);   // 10.05 s expected, 2.55 s too many
        assertThat(refused).isNotNull();
        assertThat(refused.retryAfterSeconds()).isEqualTo(3);
        assertThat(refused.getMessage()).contains("10050 ms");
        assertThat(twoThreads.refusal(20_000, 100 * MS).retryAfterSeconds()).isEqualTo(993);
    }

    @Test
    void beforeAnyMeasurementOnlyTheMemoryBoundRefuses() {
        assertThat(twoThreads.refusal(513, -1)).isNull();
        assertThat(twoThreads.refusal(514, -1)).isNotNull();
        assertThat(twoThreads.refusal(514, -1).retryAfterSeconds()).isEqualTo(1);
    }
}
