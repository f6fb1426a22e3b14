package io.spool.web;

/**
 * Runs before the route's handler, on the request's virtual thread. Returning {@code null} continues to the
 * next filter and the handler; returning anything else ends the request with that value as the response
 * (rendered like a handler's return value). Throwing is the same as throwing from a handler. Filters run
 * even when no route matches, so a filter can answer, for example, a CORS preflight.
 */
@FunctionalInterface
public interface BeforeFilter {
    Object before(Context ctx) throws Exception;
}
