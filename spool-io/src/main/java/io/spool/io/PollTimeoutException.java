package io.spool.io;

import java.io.InterruptedIOException;
import java.time.Duration;

/** A pollable wrapped by {@link Loop#timeout} was not ready before its deadline. */
public final class PollTimeoutException extends InterruptedIOException {
    public PollTimeoutException(Duration timeout) {
        super("not done within " + timeout.toMillis() + " ms");
    }
}
