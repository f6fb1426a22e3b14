package io.spool.web;

/**
 * An exception that is a response: the client gets {@code status} and the JSON body
 * {@code {"error": message}}. Thrown by handlers for expected failures (400 on bad input, 404, 409, ...), and
 * by the framework for its own (404/405 from the router, 400 on a parameter of the wrong type, 413, 408).
 */
public class HttpError extends RuntimeException {
    private final int status;

    public HttpError(int status, String message) {
        super(message, null, false, false);   // an expected outcome: no stack trace to fill
        this.status = Response.checkStatus(status);
    }

    public int status() {
        return status;
    }

    public static HttpError badRequest(String message) {
        return new HttpError(400, message);
    }

    public static HttpError notFound(String message) {
        return new HttpError(404, message);
    }
}
