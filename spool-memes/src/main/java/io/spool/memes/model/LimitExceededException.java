package io.spool.memes.model;

/**
 * The work is well-formed but too big: an image with more pixels than allowed (checked from its header, before
 * decoding, so decompression bombs cost nothing), a GIF with too many frames, an output past its byte limit.
 * Maps to HTTP 413.
 */
public final class LimitExceededException extends MemeException {
    public LimitExceededException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 413;
    }
}
