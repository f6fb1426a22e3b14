package io.spool.io;

import java.nio.channels.SelectableChannel;
import java.util.Objects;

/**
 * The answer of one {@link Pollable#poll()}: either the operation is done ({@link Ready}, with its value), or it
 * waits ({@link Pending}) for the given readiness of the given channel, after which the host polls again.
 * A host needs nothing else to drive an operation: what to wait for is always in the last answer.
 *
 * @param <T> the operation's result type
 */
public sealed interface Poll<T> {

    /** The operation finished with {@code value} (which may be {@code null} for operations without a result). */
    record Ready<T>(T value) implements Poll<T> {}

    /**
     * The operation cannot progress until {@code channel} is ready for {@code interest}. A {@code null} channel
     * means the operation waits for something other than a socket (a timer, another thread) and the host is
     * woken by that source instead.
     */
    record Pending<T>(Interest interest, SelectableChannel channel) implements Poll<T> {
        public Pending {
            Objects.requireNonNull(interest, "interest");
        }
    }

    static <T> Poll<T> ready(T value) {
        return new Ready<>(value);
    }

    static <T> Poll<T> pending(Interest interest, SelectableChannel channel) {
        return new Pending<>(interest, channel);
    }

    default boolean isReady() {
        return this instanceof Ready;
    }
}
