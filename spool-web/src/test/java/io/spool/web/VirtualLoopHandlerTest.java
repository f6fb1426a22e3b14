package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.management.OperatingSystemMXBean;
import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoRegistration;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The virtual event loop: it polls briefly while handlers run, blocks in an untimed select otherwise, and is
 * woken by other threads' tasks and by the alarm of its earliest scheduled task.
 */
class VirtualLoopHandlerTest {
    /** Netty's NIO handler stand-in: counts polls and reports {@link #handled} channels each time. */
    static final class FakeNio implements IoHandler {
        final AtomicInteger polls = new AtomicInteger();
        volatile int handled;
        volatile Selector selector;

        @Override
        public int run(IoHandlerContext context) {
            assertThat(context.canBlock()).as("Netty's handler is only ever asked to poll").isFalse();
            try {
                selector.selectNow();   // as Netty's does (which also clears a pending wakeup)
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            polls.incrementAndGet();
            return handled;
        }

        @Override
        public IoRegistration register(IoHandle handle) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void wakeup() {
            throw new AssertionError("the wrapper wakes its own select");
        }

        @Override
        public boolean isCompatible(Class<? extends IoHandle> handleType) {
            return false;
        }
    }

    /** A loop's context: no tasks, and the next scheduled task {@link #delayNanos} away. */
    static final class Idle implements IoHandlerContext {
        volatile boolean tasks;
        volatile long delayNanos = TimeUnit.SECONDS.toNanos(60);

        @Override
        public boolean canBlock() {
            return !tasks;
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            return delayNanos;
        }

        @Override
        public long deadlineNanos() {
            return System.nanoTime() + delayNanos;
        }
    }

    final FakeNio nio = new FakeNio();
    final Idle context = new Idle();
    final ScheduledThreadPoolExecutor alarms = new ScheduledThreadPoolExecutor(1);
    final ExecutorService loopThread = Executors.newSingleThreadExecutor();
    final CapturingSelectorProvider selectors = new CapturingSelectorProvider();
    VirtualLoopHandler handler;

    @BeforeEach
    void open() throws Exception {
        nio.selector = selectors.openSelector();
        handler = newHandler();
    }

    private VirtualLoopHandler newHandler() throws Exception {
        VirtualLoopHandler h = new VirtualLoopHandler(nio, selectors, new VirtualLoopHandler.Alarm(alarms));
        loopThread.submit(h::initialize).get();
        return h;
    }

    @AfterEach
    void close() throws Exception {
        alarms.shutdownNow();
        loopThread.shutdownNow();
        selectors.latest().close();
    }

    /** Runs one round on the loop's thread; the future completes when the round returns. */
    private Future<Integer> round() {
        return loopThread.submit(() -> handler.run(context));
    }

    private static void assertBlocked(Future<?> f) throws Exception {
        assertThatThrownBy(() -> f.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void blocksAtOnceWithNothingInFlightUntilAnotherThreadWakesIt() throws Exception {
        Future<Integer> r = round();
        assertBlocked(r);
        assertThat(nio.polls).hasValue(0);
        handler.wakeup();   // from this thread, as a task submitted by a handler would
        r.get(5, TimeUnit.SECONDS);
        assertThat(nio.polls).hasValue(1);
    }

    @Test
    void pendingTasksMeanAPollNotAWait() throws Exception {
        context.tasks = true;
        round().get(5, TimeUnit.SECONDS);
        assertThat(nio.polls).hasValue(1);
    }

    /**
     * A wakeup spares the next wait, whether it comes before it or during it: the flag it sets is cleared only
     * when the loop is about to wait again (clearing it earlier could lose a wakeup that is no task, such as a
     * shutdown). So a woken loop polls once more before it waits for real.
     */
    @Test
    void aWakeupSparesTheNextWaitOnly() throws Exception {
        handler.wakeup();   // while the loop is busy, say
        round().get(5, TimeUnit.SECONDS);
        Future<Integer> blocked = round();
        assertBlocked(blocked);   // then the next wait is a real one
        handler.wakeup();
        blocked.get(5, TimeUnit.SECONDS);

        handler = newHandler();
        Future<Integer> waiting = round();
        assertBlocked(waiting);
        handler.wakeup();
        waiting.get(5, TimeUnit.SECONDS);
        round().get(5, TimeUnit.SECONDS);   // spared
        assertBlocked(round());
    }

    @Test
    void pollsABoundedNumberOfIdleRoundsWhileARequestIsInFlightThenBlocks() throws Exception {
        loopThread.submit(handler.requests::started).get();
        for (int i = 0; i < VirtualLoopHandler.MAX_IDLE_ROUNDS; i++) {
            round().get(5, TimeUnit.SECONDS);
        }
        assertThat(nio.polls).hasValue(VirtualLoopHandler.MAX_IDLE_ROUNDS);
        Future<Integer> r = round();
        assertBlocked(r);
        handler.wakeup();
        r.get(5, TimeUnit.SECONDS);
        for (int i = 0; i < VirtualLoopHandler.MAX_IDLE_ROUNDS; i++) {   // a new stretch, a new budget
            round().get(5, TimeUnit.SECONDS);
        }
        round().get(5, TimeUnit.SECONDS);   // the wakeup's spared wait
        assertBlocked(round());
    }

    @Test
    void progressRenewsTheRounds() throws Exception {
        loopThread.submit(handler.requests::started).get();
        for (int i = 0; i < VirtualLoopHandler.MAX_IDLE_ROUNDS - 1; i++) {
            round().get(5, TimeUnit.SECONDS);
        }
        nio.handled = 1;   // a channel was ready: the handler answered or a client wrote
        round().get(5, TimeUnit.SECONDS);
        nio.handled = 0;
        for (int i = 0; i < VirtualLoopHandler.MAX_IDLE_ROUNDS; i++) {
            round().get(5, TimeUnit.SECONDS);
        }
        assertBlocked(round());
    }

    @Test
    void theEarliestScheduledTaskWakesTheLoopOnTime() throws Exception {
        for (long millis : new long[] {150, 40, 90}) {
            handler = newHandler();   // no wakeup left over from the last ring
            context.delayNanos = TimeUnit.MILLISECONDS.toNanos(millis);
            long t0 = System.nanoTime();
            round().get(5, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("woken after " + millis + " ms")
                    .isBetween(millis - 5, millis + 1000);
        }
    }

    /**
     * The alarm's ring may wake the loop before its future completes (the timer thread is descheduled between
     * the two): an alarm whose time has passed is spent, whatever its future says, or the loop's next wait would
     * rely on a ring that already happened and sleep through its timers.
     */
    @Test
    void anAlarmWhoseTimeHasPassedIsReArmedEvenIfItsRingHasNotFinished() throws Exception {
        VirtualLoopHandler.Alarm alarm = new VirtualLoopHandler.Alarm(alarms);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        ScheduledThreadPoolExecutor slowTimer = new ScheduledThreadPoolExecutor(2);
        VirtualLoopHandler.Alarm slow = new VirtualLoopHandler.Alarm(slowTimer);
        try {
            long now = System.nanoTime();
            slow.ringAtOrBefore(now + TimeUnit.MILLISECONDS.toNanos(10), () -> {
                first.countDown();
                try {
                    release.await();   // rung, but not finished
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(first.await(5, TimeUnit.SECONDS)).isTrue();
            slow.ringAtOrBefore(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), second::countDown);
            assertThat(second.await(5, TimeUnit.SECONDS)).as("a new ring for the later moment").isTrue();
        } finally {
            release.countDown();
            slowTimer.shutdownNow();
        }
        // and an alarm still ahead is kept when a later moment is asked for
        CountDownLatch early = new CountDownLatch(1);
        CountDownLatch late = new CountDownLatch(1);
        alarm.ringAtOrBefore(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50), early::countDown);
        alarm.ringAtOrBefore(System.nanoTime() + TimeUnit.SECONDS.toNanos(10), late::countDown);
        assertThat(early.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(late.getCount()).isEqualTo(1);
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
        try (WebServer server = WebApp.create().ioThreads(1).threading(Threading.VIRTUAL_LOOPS)
                .get("/wait", ctx -> {
                    entered.countDown();
                    release.await();
                    return "done";
                })
                .start(0)) {
            assertThat(server.threading()).isEqualTo(Threading.VIRTUAL_LOOPS);
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

    /**
     * With {@code sun.misc.Unsafe} allowed (Netty leaves it off by default on Java 25, where virtual loops start;
     * {@code --sun-misc-unsafe-memory-access=allow} or {@code -Dio.netty.noUnsafe=false} turn it on) Netty swaps
     * the selector's selected-key set for its own array, which only Netty's own select calls reset. A loop that
     * processed a key (a client leaving) and then blocks must not select into that set: the next request on the
     * same loop would break the loop.
     */
    @Test
    void servesWhenNettyReplacesTheSelectedKeySet() throws Exception {
        assumeThat(EventLoops.VIRTUAL_SUPPORTED).isTrue();
        // two event loops: connection i shares its loop with connection i + 4
        try (ChildServer child = new ChildServer("-Dio.netty.noUnsafe=false", "-XX:ActiveProcessorCount=2")) {
            assertThat(child.unsafe).as("the child's Netty uses Unsafe, so it replaces the key set").isTrue();
            assertThat(child.threading).as("java.lang is not open to the child").isEqualTo(Threading.VIRTUAL_LOOPS);
            List<Raw> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    clients.add(new Raw(child.port));
                    assertThat(ping(clients.get(i))).isEqualTo("pong");
                }
                for (int i = 0; i < 4; i++) {
                    clients.get(i).close();
                    Thread.sleep(50);   // the loop handles the close, then blocks
                    assertThat(ping(clients.get(i + 4))).isEqualTo("pong");
                }
            } finally {
                for (Raw c : clients) {
                    c.close();
                }
            }
            assertThat(child.output()).doesNotContain("Exception");
        }
    }

    private static String ping(Raw client) throws java.io.IOException {
        client.socket.setSoTimeout(5_000);
        Raw.Reply r = client.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n").read();
        assertThat(r.status()).isEqualTo(200);
        return r.text();
    }
}
