package io.spool.web;

/**
 * Runs after the response is built and before it is written, on the request's virtual thread; it may change
 * the response's status and headers (for example to add security headers). It also runs for error responses.
 */
@FunctionalInterface
public interface AfterFilter {
    void after(Context ctx, Response response) throws Exception;
}
