package io.spool.io;

import java.nio.channels.SelectionKey;

/**
 * The readiness a pending operation waits for before its next {@code poll()}: the channel becoming readable
 * or writable. It maps one-to-one onto the {@link SelectionKey} operation bits.
 */
public enum Interest {
    READ(SelectionKey.OP_READ),
    WRITE(SelectionKey.OP_WRITE);

    private final int ops;

    Interest(int ops) {
        this.ops = ops;
    }

    /** The {@link SelectionKey} interest bits for this readiness ({@code OP_CONNECT} is folded into WRITE by hosts). */
    public int selectionOps() {
        return ops;
    }
}
