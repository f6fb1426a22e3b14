package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform event loop: Netty's handler may block as usual, except for poll-only rounds while requests are in
 * flight, as many as polling has been paying. (Every server test runs on these loops too: none would pass if an
 * answer could be missed while the loop polls.)
 */
class PlatformLoopHandlerTest {
    /** Netty's NIO handler stand-in: records whether each round let it block, and reports {@link #handled}. */
    static final class RecordingNio implements IoHandler {
        final List<Boolean> mayBlock = new ArrayList<>();
        int handled;

        @Override
        public int run(IoHandlerContext context) {
            mayBlock.add(context.canBlock());
            return handled;
        }

        @Override
        public IoRegistration register(IoHandle handle) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void wakeup() {
        }

        @Override
        public boolean isCompatible(Class<? extends IoHandle> handleType) {
            return false;
        }
    }

    final RecordingNio nio = new RecordingNio();
    final VirtualLoopHandlerTest.Idle context = new VirtualLoopHandlerTest.Idle();
    final ExecutorService loopThread = Executors.newSingleThreadExecutor();
    PlatformLoopHandler handler;

    @BeforeEach
    void open() throws Exception {
        handler = new PlatformLoopHandler(nio);
        loopThread.submit(handler::initialize).get();
    }

    @AfterEach
    void close() {
        loopThread.shutdownNow();
    }

    private List<Boolean> rounds(int n) throws Exception {
        return loopThread.submit(() -> {
            int from = nio.mayBlock.size();
            for (int i = 0; i < n; i++) {
                handler.run(context);
            }
            return List.copyOf(nio.mayBlock.subList(from, nio.mayBlock.size()));
        }).get(5, TimeUnit.SECONDS);
    }

    private void onLoop(Runnable r) throws Exception {
        loopThread.submit(r).get(5, TimeUnit.SECONDS);
    }

    private static List<Boolean> times(int n, boolean mayBlock) {
        return java.util.Collections.nCopies(n, mayBlock);
    }

    private void inFlight(int n) throws Exception {
        onLoop(() -> {
            for (int i = 0; i < n; i++) {
                LoopRequests.current().started();
            }
        });
    }

    @Test
    void theLoopsThreadFindsItsRequests() throws Exception {
        assertThat(loopThread.submit(LoopRequests::current).get()).isNotNull();
        assertThat(LoopRequests.current()).as("another thread").isNull();
    }

    @Test
    void withNothingInFlightEveryRoundMayBlock() throws Exception {
        assertThat(rounds(3)).isEqualTo(times(3, true));
    }

    @Test
    void withOneRequestInFlightItsAnswerIsARoundTripAwayAndTheLoopBlocksAtOnce() throws Exception {
        inFlight(1);
        assertThat(rounds(2)).isEqualTo(times(2, true));
        inFlight(2);
        assertThat(rounds(3)).containsExactly(false, false, true);   // three in flight: two polls at most
    }

    @Test
    void pollingInVainHalvesTheBudgetDownToNoneThenProbesOnceInAWhile() throws Exception {
        inFlight(100);
        List<Integer> stretches = new java.util.ArrayList<>();
        for (int i = 0; i < 5 + 3 * PlatformLoopHandler.PROBE_EVERY; i++) {
            stretches.add(pollsBeforeBlockingOrNone());
        }
        assertThat(stretches.subList(0, 6)).containsExactly(16, 8, 4, 2, 1, 0);
        // with none left, one wait in PROBE_EVERY polls the whole budget, and a probe in vain is no more often
        List<Integer> probing = stretches.subList(5, stretches.size());
        assertThat(probing).containsOnly(0, PlatformLoopHandler.MAX_POLLS)
                .filteredOn(polls -> polls > 0).hasSize(3);
    }

    /** Runs one stretch: the poll-only rounds before the round that lets Netty block (which it also runs). */
    private int pollsBeforeBlockingOrNone() throws Exception {
        int polls = 0;
        while (!rounds(1).get(0)) {
            polls++;
        }
        return polls;
    }

    @Test
    void aPollThatFindsWorkRestoresTheFullBudget() throws Exception {
        inFlight(100);
        pollsBeforeBlockingOrNone();
        pollsBeforeBlockingOrNone();
        assertThat(loopThread.submit(handler::budget).get()).isEqualTo(PlatformLoopHandler.MAX_POLLS / 4);
        nio.handled = 1;   // a database answered while the loop polled
        rounds(1);
        nio.handled = 0;
        assertThat(pollsBeforeBlockingOrNone()).isEqualTo(PlatformLoopHandler.MAX_POLLS);
    }

    @Test
    void withTasksPendingNettyRunsItsOwnRoundAndTheBudgetStays() throws Exception {
        inFlight(100);
        rounds(3);
        context.tasks = true;   // Netty polls by itself then, and runs them
        assertThat(rounds(2)).isEqualTo(times(2, false));
        context.tasks = false;
        assertThat(pollsBeforeBlockingOrNone()).as("a new stretch, the same budget").isEqualTo(PlatformLoopHandler.MAX_POLLS);
    }
}
