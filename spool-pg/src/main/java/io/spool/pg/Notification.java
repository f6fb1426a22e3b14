package io.spool.pg;

/** A NOTIFY received on a channel this connection LISTENs on: the sending backend's pid, channel and payload. */
public record Notification(int processId, String channel, String payload) {
    /** The engine's notification as the client shows it; null stays null (nothing was queued). */
    public static Notification of(io.spool.pg.protocol.ServerNotification n) {
        return n == null ? null : new Notification(n.processId(), n.channel(), n.payload());
    }
}
