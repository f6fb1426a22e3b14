package io.spool.memes.http;

import io.spool.memes.model.MemeException;
import io.spool.web.Response;
import io.spool.web.WebApp;
import java.util.Map;

/**
 * How errors become answers, all as JSON {@code {"error": "..."}}: the engine's errors carry their own status
 * (400 bad request, 404 unknown template or font, 413 too large, 422 an image that cannot be read), a full render
 * queue is a 503 with {@code Retry-After}, and spool-web's own errors (bad JSON, body too large, deadline past)
 * keep theirs. A client's input never causes a 500.
 */
final class ErrorMapping {
    private ErrorMapping() {
    }

    static void install(WebApp app) {
        app.exception(MemeException.class, (e, ctx) -> Response.json(e.status(), Map.of("error", e.getMessage())));
        app.exception(OverloadedException.class, (e, ctx) -> Response.json(503, Map.of("error", e.getMessage()))
                .header("Retry-After", Integer.toString(e.retryAfterSeconds())));
    }
}
