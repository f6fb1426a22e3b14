package io.spool.bench.stack;

/**
 * One web stack under {@code ./spool bench stack}: an HTTP/1.1 server on a given port answering TechEmpower's
 * four database tests from the shared database ({@link StackDatabase}) — {@code GET /db} (one random World row as
 * JSON), {@code GET /queries?queries=N} (N random rows as a JSON array, N by {@link TechEmpower#queries}),
 * {@code GET /fortunes} (every Fortune row plus one added in memory, sorted by message, rendered by
 * {@link FortunesPage}) and {@code GET /updates?queries=N} (N random rows, each given a new random number, written
 * back, returned as JSON). It runs in its own JVM; closing the returned handle stops it.
 */
public interface StackContender {
    /** A short lower-case id, used by {@code --only} and in the table. */
    String name();

    /** One line for the report's header: frameworks, versions, threading, connections. */
    default String about() {
        return name();
    }

    /** Starts serving on {@code port} and returns once it accepts connections; closing the handle stops it. */
    AutoCloseable start(int port, StackDatabase database) throws Exception;
}
