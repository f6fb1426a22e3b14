package io.spool.web;

/**
 * A request handler: plain straight-line code that runs on its own virtual thread, so it may block. The
 * returned value becomes the response: a {@link String} is sent as {@code text/plain}, a {@code byte[]} as
 * {@code application/octet-stream}, an {@link java.io.InputStream} is streamed chunked, a {@link Response}
 * gives full control, {@code null} is a 204, and anything else (a record, POJO, Map or List) is written as
 * JSON. Errors are exceptions: throw {@link HttpError} for a chosen status.
 */
@FunctionalInterface
public interface Handler {
    Object handle(Context ctx) throws Exception;
}
