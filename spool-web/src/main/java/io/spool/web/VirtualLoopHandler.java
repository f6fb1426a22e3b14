package io.spool.web;

import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;
import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How a virtual event loop waits: around Netty's NIO handler, which it lets only poll, never block.
 *
 * <p>While one of its requests is in flight, the loop does not block at once: it yields its carrier and polls
 * for up to {@link #MAX_IDLE_ROUNDS} rounds without progress, so the handler it just started usually answers
 * before the loop would have parked, and the answer leaves without a wakeup or a park of the loop.
 *
 * <p>When it does block, it blocks in {@code Selector.select()} without a timeout. Netty's own handler always
 * selects with one (the next scheduled task, or a second), and on a virtual thread every timed park schedules
 * and cancels a task on the JDK scheduler's delay thread, waking that thread twice: about 5 % of the server's
 * CPU under load. Here the loop's scheduled tasks (timeouts, deadlines) are covered by an {@link Alarm} that
 * wakes the loop when the earliest of them is due; it is re-armed only when that moment moves earlier, which
 * is rare (timers are mostly pushed later).
 *
 * <p>Only the loop's thread calls {@link #run}; {@link #wakeup} comes from any thread. Connections count their
 * requests in the loop's {@link LoopRequests}.
 */
final class VirtualLoopHandler extends NioHandlerWrapper {
    /** Rounds without progress before blocking; measured on 2 cores, 16 beat 0 by 5–12% and 64 gained no more. */
    static final int MAX_IDLE_ROUNDS = 16;

    private static final System.Logger LOG = System.getLogger("io.spool.web");

    private final CapturingSelectorProvider selectors;
    private final Alarm alarm;
    private final AtomicBoolean wakenUp = new AtomicBoolean();
    private final Runnable ring = this::wakeup;   // one object for every arming
    private volatile Thread loopThread;
    private int idleRounds;

    VirtualLoopHandler(IoHandler nio, CapturingSelectorProvider selectors, Alarm alarm) {
        super(nio);
        this.selectors = selectors;
        this.alarm = alarm;
    }

    /** Netty NIO handlers for virtual loops, sharing {@code alarms} (one platform thread, shut down by the caller). */
    static IoHandlerFactory factory(ScheduledExecutorService alarms) {
        return executor -> {
            CapturingSelectorProvider selectors = new CapturingSelectorProvider();
            IoHandler nio = NioIoHandler.newFactory(selectors).newHandler(executor);
            return new VirtualLoopHandler(nio, selectors, new Alarm(alarms));
        };
    }

    @Override
    public void initialize() {
        loopThread = Thread.currentThread();
        super.initialize();
    }

    @Override
    public int run(IoHandlerContext context) {
        if (context.canBlock()) {
            if (requests.any() && idleRounds < MAX_IDLE_ROUNDS) {
                idleRounds++;
                Thread.yield();   // lets the handler just started on this carrier run and answer
            } else if (await(context)) {
                idleRounds = 0;   // after a real wait, a new stretch with a new budget
            }
        } else {
            idleRounds = 0;
        }
        int handled = nio.run(pollOnly.of(context));
        if (handled > 0) {
            idleRounds = 0;
        }
        return handled;
    }

    /**
     * Blocks until I/O is ready, a task is submitted ({@link #wakeup}) or a scheduled task is due; false when it
     * did not block, because a wakeup came since the last wait or work is waiting.
     */
    private boolean await(IoHandlerContext context) {
        // the flag first, then the queues: a task submitted after this line wakes the selector
        if (wakenUp.getAndSet(false) || !context.canBlock()) {
            return false;
        }
        long now = System.nanoTime();
        alarm.ringAtOrBefore(now + context.delayNanos(now), ring);
        try {
            // Ready keys go to a no-op action, not into the selected-key set: that set may be Netty's array (when
            // Netty may use Unsafe), which only Netty's own select calls reset; selecting into it with stale
            // entries breaks the loop. Readiness is level-triggered: Netty's poll right after sees the keys again.
            selectors.latest().select(key -> { });
        } catch (IOException | ClosedSelectorException e) {
            // a broken selector: Netty's poll right after this notices and rebuilds it
            LOG.log(System.Logger.Level.DEBUG, "select failed", e);
        }
        if (Thread.interrupted()) {
            // an interrupted virtual thread's select returns at once: clear it rather than spin
            LOG.log(System.Logger.Level.DEBUG, "event loop interrupted; interrupt cleared");
        }
        return true;
    }

    @Override
    public void wakeup() {
        // the loop itself looks at its queues before it blocks: only other threads need to wake it
        if (Thread.currentThread() != loopThread && wakenUp.compareAndSet(false, true)) {
            selectors.latest().wakeup();
        }
    }

    @Override
    public void destroy() {
        alarm.cancel();
        super.destroy();
    }

    /**
     * One loop's wake-up call for its earliest scheduled task, on a shared platform timer thread. Re-armed only
     * when the wanted moment is earlier than the armed one (or the armed one has rung); a later one is left to
     * the next arming, since the loop re-checks on every wakeup.
     */
    static final class Alarm {
        private final ScheduledExecutorService timer;
        private ScheduledFuture<?> armed;
        private long armedAt;

        Alarm(ScheduledExecutorService timer) {
            this.timer = timer;
        }

        void ringAtOrBefore(long atNanos, Runnable ring) {
            // "not yet rung" is told by the clock: a ring under way may have woken the loop already, though
            // its future is not done yet
            long now = System.nanoTime();
            if (armed != null && armedAt - now > 0 && armedAt - atNanos <= 0) {
                return;
            }
            cancel();
            armedAt = atNanos;
            armed = timer.schedule(ring, Math.max(0, atNanos - now), TimeUnit.NANOSECONDS);
        }

        void cancel() {
            if (armed != null) {
                armed.cancel(false);
            }
        }
    }
}
