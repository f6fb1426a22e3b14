package io.spool.web;

import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.nio.NioIoHandler;

/**
 * How a platform event loop waits: Netty's NIO handler, which blocks in {@code epoll_wait} when the loop has
 * nothing to do, except that while one of its requests is in flight ({@link LoopRequests}) the loop first polls,
 * yielding its thread between polls, as long as polling has been paying.
 *
 * <p>Why: a sleeping loop woken by an answer preempts whatever runs on its core, on a loaded machine a database
 * backend. Under {@code ./spool bench stack}'s 20 queries a request that happened 4 to 11 times a request, and
 * PostgreSQL spent a third more CPU a request than with the loops polling (issue 28). But polling costs where
 * answers are far apart: a poll that finds nothing wastes its round, and the yields take the core from the very
 * backend that would answer. With one request in flight its answer is a whole round trip away, so a loop polls
 * at most one round fewer than it has requests in flight; and the rounds it may poll are learned: back to
 * {@link #MAX_POLLS} whenever a poll found work, halved whenever the loop had to block after polling, down to
 * none, when one wait in {@link #PROBE_EVERY} still polls as long as the whole budget allows, to notice when
 * answers come closer again (a load that starts while the budget is none: a probe of one round did not find the
 * 20 queries' answers at 64 connections, and the loops stayed asleep).
 */
final class PlatformLoopHandler extends NioHandlerWrapper {
    /** Most poll rounds without progress before blocking; 16 measured best for the virtual loops too. */
    static final int MAX_POLLS = 16;
    /** With polling learned useless, one wait in this many is tried with the whole budget first. */
    static final int PROBE_EVERY = 8;

    private int budget = MAX_POLLS;
    private int polls;   // poll rounds since the last progress
    private int waitsWithoutBudget;

    PlatformLoopHandler(IoHandler nio) {
        super(nio);
    }

    /** Netty NIO handlers for platform loops. */
    static IoHandlerFactory factory() {
        IoHandlerFactory nio = NioIoHandler.newFactory();
        return executor -> new PlatformLoopHandler(nio.newHandler(executor));
    }

    @Override
    public int run(IoHandlerContext context) {
        if (context.canBlock() && polls < allowance()) {
            polls++;
            int handled = nio.run(pollOnly.of(context));
            if (handled > 0) {
                budget = MAX_POLLS;   // polling paid: an answer came while the loop would have slept
                polls = 0;
            } else {
                Thread.yield();   // lets the database backend or the handler that will answer run first
            }
            return handled;
        }
        if (context.canBlock()) {
            if (polls > 0) {
                budget /= 2;   // polled in vain: less next time
            }
            if (budget == 0) {
                waitsWithoutBudget++;
            }
        }
        polls = 0;
        return nio.run(context);   // blocks when it may, as Netty's loops do
    }

    /**
     * Poll rounds this stretch may spend: the learned budget (or, when it is none, the whole budget on every
     * {@link #PROBE_EVERY}th wait), at most one fewer than the requests in flight.
     */
    private int allowance() {
        int learned = budget > 0 || waitsWithoutBudget % PROBE_EVERY != PROBE_EVERY - 1 ? budget : MAX_POLLS;
        return Math.min(learned, requests.inFlight() - 1);
    }

    /** The poll rounds a stretch may spend now (for tests). */
    int budget() {
        return budget;
    }
}
