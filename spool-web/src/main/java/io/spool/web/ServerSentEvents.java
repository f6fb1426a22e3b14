package io.spool.web;

import java.io.IOException;

/**
 * The sending side of a {@code text/event-stream} answer ({@link Context#sse}): plain blocking calls on the
 * source's own virtual thread. A send blocks while the client is slow to read (a few events are buffered), and
 * throws an IOException once the client has gone, which ends the source. While nothing is sent for the heartbeat
 * period a comment goes out, so proxies keep the connection and a vanished client is noticed.
 */
public interface ServerSentEvents {
    /** What produces the events; returning ends the stream. */
    @FunctionalInterface
    interface Source {
        void run(ServerSentEvents events) throws Exception;
    }

    void send(SseEvent event) throws IOException, InterruptedException;

    /** An event of data only. */
    default void send(String data) throws IOException, InterruptedException {
        send(SseEvent.data(data));
    }

    /** A comment line (ignored by browsers). */
    void comment(String text) throws IOException, InterruptedException;

    /** The {@code Last-Event-ID} the client reconnected with, or null. */
    String lastEventId();

    /** False once the client has gone or the stream was closed. */
    boolean isOpen();
}
