package io.spool.web;

import io.netty.channel.SelectStrategy;
import io.netty.util.IntSupplier;

/**
 * How a virtual event loop waits while its requests are in flight on handler threads: instead of blocking in
 * {@code select} at once, it yields its carrier and polls the selector without blocking for a few rounds. The
 * handler that was just started usually runs and writes its answer within those rounds, so the answer is
 * picked up without a selector wakeup and without parking and unparking the loop (together about a tenth of
 * the cost of a small request). With nothing in flight, or once the rounds are spent without progress (a
 * handler waiting on a slow database, say), the loop blocks as usual; the spin costs at most
 * {@link #MAX_IDLE_ROUNDS} non-blocking selects per stretch of no progress.
 *
 * <p>Not thread-safe, and it need not be: one instance per event loop, and both the loop and the connections it
 * serves call it only from that loop's thread. Connections find it through {@link #current()}.
 */
final class InFlightSelectStrategy implements SelectStrategy {
    /** Rounds without progress before blocking; measured on 2 cores, 16 beat 0 by 5–12% and 64 gained no more. */
    static final int MAX_IDLE_ROUNDS = 16;

    private static final ThreadLocal<InFlightSelectStrategy> OF_LOOP = new ThreadLocal<>();

    private boolean registered;
    private int inFlight;
    private int idleRounds;

    /** The strategy of the event loop running this code, or null on a loop that has none (platform loops). */
    static InFlightSelectStrategy current() {
        return OF_LOOP.get();
    }

    void started() {
        inFlight++;
    }

    void finished() {
        inFlight--;
    }

    @Override
    public int calculateStrategy(IntSupplier selectNow, boolean hasTasks) throws Exception {
        if (!registered) {   // the first call runs on the loop's thread, before any channel is registered on it
            registered = true;
            OF_LOOP.set(this);
        }
        if (hasTasks) {
            idleRounds = 0;
            return selectNow.get();
        }
        if (inFlight > 0 && idleRounds < MAX_IDLE_ROUNDS) {
            idleRounds++;
            Thread.yield();   // lets the handler just started on this carrier run and answer
            int ready = selectNow.get();
            if (ready > 0) {
                idleRounds = 0;
            }
            return ready;
        }
        idleRounds = 0;
        return SelectStrategy.SELECT;
    }
}
