package io.spool.pg.protocol;

/**
 * The backend sent bytes that break the protocol (a bad length, an unknown or unexpected message, a message
 * over the size limit). The engine that sees one is poisoned: every pending and later command fails with it.
 */
public final class ProtocolException extends RuntimeException {
    public ProtocolException(String message) {
        super(message);
    }
}
