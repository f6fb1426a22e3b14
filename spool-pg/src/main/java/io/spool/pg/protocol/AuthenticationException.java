package io.spool.pg.protocol;

/** The client refuses to go on with authentication (bad server data, missing password, unsupported method). */
final class AuthenticationException extends RuntimeException {
    AuthenticationException(String message) {
        super(message);
    }
}
