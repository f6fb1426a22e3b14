package io.spool.io;

import java.nio.channels.SelectableChannel;
import java.util.Objects;

/**
 * The answer of one {@link Pollable#poll()}: either the operation is done ({@link Ready}, with its value), or it
 * waits ({@link Pending}) for the given readiness of the given channel and/or until a deadline, after which the
 * host polls again. A host needs nothing else to drive an operation: what to wait for is always in the last
 * answer.
 *
 * @param <T> the operation's result type
 */
public sealed interface Poll<T> {

    /** No deadline. */
    long NO_DEADLINE = Long.MAX_VALUE;

    /** The operation finished with {@code value} (which may be {@code null} for operations without a result). */
    record Ready<T>(T value) implements Poll<T> {}

    /**
     * The operation cannot progress until {@code channel} is ready for {@code interest}, or until
     * {@code deadlineNanos} (on the {@link System#nanoTime()} clock) has passed, whichever comes first. A
     * {@code null} channel (and interest) means the operation waits for something else: its deadline, or a
     * wake-up of the host from another thread (a completed future).
     */
    record Pending<T>(Interest interest, SelectableChannel channel, long deadlineNanos) implements Poll<T> {
        public Pending {
            if ((interest == null) != (channel == null)) {
                throw new IllegalArgumentException("a pending poll names both an interest and a channel, or neither");
            }
        }

        public Pending(Interest interest, SelectableChannel channel) {
            this(Objects.requireNonNull(interest, "interest"), Objects.requireNonNull(channel, "channel"), NO_DEADLINE);
        }

        /** This answer with the earlier of its deadline and {@code deadline}. */
        public <U> Pending<U> until(long deadline) {
            return new Pending<>(interest, channel, Math.min(deadlineNanos, deadline));
        }
    }

    static <T> Poll<T> ready(T value) {
        return new Ready<>(value);
    }

    /** Wait for {@code interest} on {@code channel}. */
    static <T> Poll<T> pending(Interest interest, SelectableChannel channel) {
        return new Pending<>(interest, channel);
    }

    /** Wait until {@code deadlineNanos} (or a wake-up), no channel involved. */
    static <T> Poll<T> pendingUntil(long deadlineNanos) {
        return new Pending<>(null, null, deadlineNanos);
    }

    /** Wait for a wake-up of the host from another thread (a completion), no channel, no deadline. */
    static <T> Poll<T> pendingWakeup() {
        return new Pending<>(null, null, NO_DEADLINE);
    }

    default boolean isReady() {
        return this instanceof Ready;
    }
}
