package io.spool.tasks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim-ahead buffer on its own: oldest first, and runs no longer worth starting are passed over. */
class ClaimedAheadTest {
    private static final long NOW = 1_000_000_000_000L;

    private static RunContext run(long runId, Duration leaseLeft) {
        Duration lease = Duration.ofSeconds(30);
        return new RunContext(null, "w", null, null, new Rows.ClaimedRun(runId, runId * 10, 1, "t", new byte[0], "{}",
                lease, Duration.ZERO), "default", NOW + leaseLeft.toNanos() - lease.toNanos());
    }

    @Test
    void handsOutRunsOldestFirst() {
        ClaimedAhead ahead = new ClaimedAhead();
        ahead.add(run(1, Duration.ofSeconds(10)), new byte[]{1});
        ahead.add(run(2, Duration.ofSeconds(10)), new byte[]{2});
        List<RunContext> dropped = new ArrayList<>();
        ClaimedAhead.Claimed first = ahead.next(NOW, dropped);
        assertThat(first.ctx().runId()).isEqualTo(1);
        assertThat(first.params()).containsExactly(1);
        assertThat(ahead.next(NOW, dropped).ctx().runId()).isEqualTo(2);
        assertThat(ahead.next(NOW, dropped)).isNull();
        assertThat(dropped).isEmpty();
    }

    @Test
    void passesOverRunsWhoseLeaseExpiredOrThatWereCancelledOrLost() {
        ClaimedAhead ahead = new ClaimedAhead();
        RunContext expired = run(1, Duration.ofMillis(-1));
        RunContext cancelled = run(2, Duration.ofSeconds(10));
        cancelled.cancelled = true;
        RunContext lost = run(3, Duration.ofSeconds(10));
        lost.lost = true;
        RunContext justExpiring = run(4, Duration.ZERO);
        RunContext good = run(5, Duration.ofMillis(1));
        for (RunContext r : List.of(expired, cancelled, lost, justExpiring, good)) {
            ahead.add(r, new byte[0]);
        }
        List<RunContext> dropped = new ArrayList<>();
        assertThat(ahead.next(NOW, dropped).ctx()).isSameAs(good);
        assertThat(dropped).containsExactly(expired, cancelled, lost, justExpiring);
        assertThat(ahead.isEmpty()).isTrue();
    }

    @Test
    void drainTakesEveryWaitingRun() {
        ClaimedAhead ahead = new ClaimedAhead();
        RunContext a = run(1, Duration.ofSeconds(1));
        RunContext b = run(2, Duration.ofMillis(-5));
        ahead.add(a, new byte[0]);
        ahead.add(b, new byte[0]);
        assertThat(ahead.size()).isEqualTo(2);
        assertThat(ahead.drain()).containsExactly(a, b);
        assertThat(ahead.size()).isZero();
        assertThat(ahead.next(NOW, new ArrayList<>())).isNull();
    }
}
