package io.spool.memes.model;

/**
 * The request itself is wrong: a missing or malformed field, a value out of range, two forms mixed. Maps to
 * HTTP 400; the message names the field and what was expected.
 */
public final class BadRequestException extends MemeException {
    public BadRequestException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 400;
    }
}
