package io.spool.web;

import java.time.Duration;
import java.util.Set;

/**
 * A WebSocket route's limits: the largest frame and whole message (past either the socket closes with 1009), how
 * long a quiet client waits before a ping and how long silence may last before the socket closes (1001), and the
 * origins allowed (empty: the server's own, and clients that send none). permessage-deflate is not offered.
 */
public record WsOptions(int maxFrameSize, int maxMessageSize, Duration pingAfter, Duration idleTimeout,
                        Set<String> origins) {
    /** 64 KiB frames, 1 MiB messages, a ping after 30 s of quiet, closed after 120 s of silence, same origin. */
    public static WsOptions defaults() {
        return new WsOptions(64 * 1024, 1024 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(120), Set.of());
    }

    public WsOptions maxSizes(int frame, int message) {
        return new WsOptions(frame, message, pingAfter, idleTimeout, origins);
    }

    public WsOptions timeouts(Duration ping, Duration idle) {
        return new WsOptions(maxFrameSize, maxMessageSize, ping, idle, origins);
    }

    /** Origins allowed to open the socket ({@code https://app.example}), or {@code *} for any. */
    public WsOptions origins(String... allowed) {
        return new WsOptions(maxFrameSize, maxMessageSize, pingAfter, idleTimeout, Set.of(allowed));
    }
}
