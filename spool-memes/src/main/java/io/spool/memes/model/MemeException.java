package io.spool.memes.model;

/**
 * The root of every error the captioning core reports on purpose: each carries the HTTP status it stands for
 * ({@link #status()}), so the HTTP layer maps it to a response without knowing the subtypes, and its message is
 * written for the client that sent the request. Anything else escaping the core is a bug (a 500).
 */
public abstract class MemeException extends RuntimeException {
    protected MemeException(String message) {
        super(message);
    }

    protected MemeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The HTTP status this error maps to. */
    public abstract int status();
}
