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
}
