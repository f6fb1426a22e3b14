package io.spool.web;

import io.netty.channel.Channel;

/**
 * Whether a connection reads, decided by more than one party: the connection pauses while too many pipelined
 * requests wait, the body budget pauses while a body waits to be admitted, and a streamed body pauses while its
 * handler has not taken what arrived. Reading goes on only once every
 * reason to pause is gone. Used on the channel's event loop only.
 */
final class Reading {
    static final int QUEUE_FULL = 1;
    static final int BODY_BUDGET = 2;
    static final int CLOSING = 4;
    static final int STREAM_FULL = 8;

    private final Channel channel;
    private int pausedFor;

    Reading(Channel channel) {
        this.channel = channel;
    }

    void pause(int reason) {
        pausedFor |= reason;
        channel.config().setAutoRead(false);
    }

    void resume(int reason) {
        pausedFor &= ~reason;
        if (pausedFor == 0) {
            channel.config().setAutoRead(true);
        }
    }

    /** Reads whatever comes, to drop it: the connection is about to close. */
    void drain() {
        pausedFor = 0;
        channel.config().setAutoRead(true);
    }
}
