package io.spool.bench.web;

/**
 * One web framework under test: it starts an HTTP/1.1 server on a given port that answers
 * {@code GET /plaintext} with {@code Hello, World!} as {@code text/plain} and {@code GET /json} with
 * {@code {"message":"Hello, World!"}} as {@code application/json}, serialized by Jackson on every request (see
 * {@link Hello}), and stops it when the returned handle is closed. It is started in its own JVM by {@link Serve};
 * to add one, implement this and list it in {@link Contenders}.
 */
public interface WebContender {
    /** A short lower-case id, used by {@code --only} and in the table. */
    String name();

    /** One line for the report's header: framework, version, threading. */
    default String about() {
        return name();
    }

    /** Class path entries put ahead of the bench's own in the contender's JVM (an earlier build, say). */
    default java.util.List<String> classPathFirst() {
        return java.util.List.of();
    }

    /** Starts serving on {@code port} and returns once it accepts connections; closing the handle stops it. */
    AutoCloseable start(int port) throws Exception;

    /** Whether it can also serve HTTP/2 over cleartext with prior knowledge ({@code --http2}). */
    default boolean http2() {
        return false;
    }

    /** As {@link #start}, also speaking h2c with prior knowledge on the port. */
    default AutoCloseable startHttp2(int port) throws Exception {
        throw new UnsupportedOperationException(name() + " has no HTTP/2 set-up in this bench");
    }

    /** The Implementation-Version of the jar holding {@code type}, or "?" when its manifest has none. */
    static String version(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        return v == null ? "?" : v;
    }
}
