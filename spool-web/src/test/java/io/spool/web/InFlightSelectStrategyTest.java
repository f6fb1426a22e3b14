package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.OperatingSystemMXBean;
import io.netty.channel.SelectStrategy;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The virtual event loop polls briefly while handlers run, and blocks as usual otherwise. */
class InFlightSelectStrategyTest {
    private int selects;
    private int ready;

    private int next(InFlightSelectStrategy strategy, boolean hasTasks) throws Exception {
        return strategy.calculateStrategy(() -> {
            selects++;
            return ready;
        }, hasTasks);
    }

    @Test
    void blocksAtOnceWithNothingInFlight() throws Exception {
        InFlightSelectStrategy strategy = new InFlightSelectStrategy();
        assertThat(next(strategy, false)).isEqualTo(SelectStrategy.SELECT);
        assertThat(selects).isZero();
        assertThat(next(strategy, true)).isZero();   // pending tasks: look at the selector without waiting
        assertThat(selects).isEqualTo(1);
    }

    @Test
    void pollsABoundedNumberOfIdleRoundsWhileARequestIsInFlightThenBlocks() throws Exception {
        InFlightSelectStrategy strategy = new InFlightSelectStrategy();
        strategy.started();
        for (int i = 0; i < InFlightSelectStrategy.MAX_IDLE_ROUNDS; i++) {
            assertThat(next(strategy, false)).isZero();
        }
        assertThat(selects).isEqualTo(InFlightSelectStrategy.MAX_IDLE_ROUNDS);
        assertThat(next(strategy, false)).isEqualTo(SelectStrategy.SELECT);
        // after blocking once, the next stretch gets its rounds again
        assertThat(next(strategy, false)).isZero();
        strategy.finished();
        assertThat(next(strategy, false)).isEqualTo(SelectStrategy.SELECT);
    }

    @Test
    void progressRenewsTheRounds() throws Exception {
        InFlightSelectStrategy strategy = new InFlightSelectStrategy();
        strategy.started();
        for (int i = 0; i < InFlightSelectStrategy.MAX_IDLE_ROUNDS - 1; i++) {
            next(strategy, false);
        }
        ready = 1;   // a channel became ready: the handler answered or a client wrote
        assertThat(next(strategy, false)).isEqualTo(1);
        ready = 0;
        for (int i = 0; i < InFlightSelectStrategy.MAX_IDLE_ROUNDS; i++) {
            assertThat(next(strategy, false)).isZero();
        }
        assertThat(next(strategy, false)).isEqualTo(SelectStrategy.SELECT);
    }

    /**
     * A handler that waits a long time must not make its loop burn a core: the loop spins a few rounds, then
     * blocks. A loop that kept polling would use about a core-second in this second of waiting.
     */
    @Test
    void aLongWaitingHandlerLeavesTheServerIdle() throws Exception {
        assumeThat(EventLoops.VIRTUAL_SUPPORTED).isTrue();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (WebServer server = WebApp.create().ioThreads(1)
                .get("/wait", ctx -> {
                    entered.countDown();
                    release.await();
                    return "done";
                })
                .start(0)) {
            assertThat(server.virtualEventLoops()).isTrue();
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> Http.get(server, "/wait"));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200);   // let the client's and the JIT's own work settle
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            Thread.sleep(1000);
            double cpuShare = (double) (os.getProcessCpuTime() - cpu0) / (System.nanoTime() - t0);
            release.countDown();
            assertThat(answer.get(10, TimeUnit.SECONDS).body()).isEqualTo("done");
            assertThat(cpuShare).as("process CPU share while the handler waits").isLessThan(0.4);
        }
    }
}
