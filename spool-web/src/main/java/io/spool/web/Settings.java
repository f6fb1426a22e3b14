package io.spool.web;

import java.time.Duration;

/**
 * The server's limits and timeouts. A {@link WebApp} edits its own copy; each server gets a snapshot when it
 * starts, so later edits do not reach a running server. A zero duration turns a timeout off.
 */
final class Settings implements Cloneable {
    int maxInitialLineLength = 8192;
    int maxHeaderSize = 16 * 1024;
    int maxBodySize = 10 * 1024 * 1024;
    long maxStreamedBodySize = 1L << 30;
    int maxParts = 1000;
    long maxPartSize = -1;   // -1: the body's limit
    long partMemoryThreshold = 16 * 1024;
    java.nio.file.Path uploadDir = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "spool-web-uploads");
    /** Bytes all unfinished bodies together may hold; 0: a quarter of the heap (at least one largest body). */
    long bodyBudget;
    /** How long a body that does not fit the budget may wait for room before its 503. */
    Duration bodyBudgetWait = Duration.ofSeconds(1);
    Duration idleTimeout = Duration.ofSeconds(60);
    Duration readTimeout = Duration.ofSeconds(30);
    Duration deadline = Duration.ofSeconds(30);
    int deadlineStatus = 503;
    /** How long a streamed response may wait for a client that does not read. */
    Duration stallTimeout = Duration.ofSeconds(60);
    boolean compression = true;
    boolean http2Cleartext;
    int http2MaxStreams = 100;
    boolean interruptWhenClientLeaves;
    int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors());
    Threading threading = Threading.best();
    /** The application's own event loops ({@link WebApp#eventLoops}); null: the server makes and ends its own. */
    io.netty.channel.EventLoopGroup eventLoops;

    Settings snapshot() {
        try {
            return (Settings) clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
