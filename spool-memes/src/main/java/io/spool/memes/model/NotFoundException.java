package io.spool.memes.model;

/** The request names a template or font that does not exist. Maps to HTTP 404. */
public final class NotFoundException extends MemeException {
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 404;
    }
}
