package io.spool.io;

import java.io.IOException;

/**
 * A nonblocking operation that makes as much progress as it can without blocking each time it is polled, and
 * says what it waits for next. Polling after {@link Poll.Ready} returns the same value again.
 *
 * @param <T> the operation's result type
 */
@FunctionalInterface
public interface Pollable<T> {
    Poll<T> poll() throws IOException;

    /** This pollable with its value transformed once it is ready. */
    default <R> Pollable<R> then(java.util.function.Function<? super T, ? extends R> fn) {
        return () -> {
            Poll<T> answer = poll();
            if (answer instanceof Poll.Ready<T> ready) {
                return Poll.ready(fn.apply(ready.value()));
            }
            Poll.Pending<T> pending = (Poll.Pending<T>) answer;
            return pending.until(pending.deadlineNanos());
        };
    }
}
