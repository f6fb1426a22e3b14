package io.spool.memes.model;

/** An image's bytes are not a PNG, JPEG or GIF that can be decoded. Maps to HTTP 422. */
public final class BadImageException extends MemeException {
    public BadImageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int status() {
        return 422;
    }
}
