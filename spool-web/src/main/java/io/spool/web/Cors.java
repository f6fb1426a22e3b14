package io.spool.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin resource sharing for {@link WebApp#cors}: answers preflight requests ({@code OPTIONS} with
 * {@code Access-Control-Request-Method}) itself, and adds {@code Access-Control-Allow-Origin} (and friends) to
 * responses for allowed origins. A preflight from an origin not on the list gets a 403.
 */
public final class Cors {
    private final Set<String> origins;
    private List<String> methods = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
    private List<String> headers = List.of("Content-Type", "Authorization", "X-Request-Id");
    private List<String> expose = List.of("X-Request-Id");
    private boolean credentials;
    private Duration maxAge = Duration.ofMinutes(10);

    private Cors(Set<String> origins) {
        this.origins = origins;
    }

    /** Allows exactly these origins ({@code https://app.example.com}). */
    public static Cors origins(String... origins) {
        return new Cors(Set.of(origins));
    }

    /** Allows every origin (never with credentials: browsers refuse {@code *} with credentials). */
    public static Cors anyOrigin() {
        return new Cors(Set.of("*"));
    }

    public Cors methods(String... methods) {
        this.methods = List.of(methods);
        return this;
    }

    public Cors headers(String... headers) {
        this.headers = List.of(headers);
        return this;
    }

    public Cors exposeHeaders(String... headers) {
        this.expose = List.of(headers);
        return this;
    }

    public Cors allowCredentials() {
        this.credentials = true;
        return this;
    }

    public Cors maxAge(Duration maxAge) {
        this.maxAge = maxAge;
        return this;
    }

    private boolean allowed(String origin) {
        return origin != null && (origins.contains("*") || origins.contains(origin));
    }

    Object preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (!ctx.method().equals("OPTIONS") || origin == null
                || ctx.header("Access-Control-Request-Method") == null) {
            return null;
        }
        if (!allowed(origin)) {
            return Response.error(403, "origin not allowed: " + origin);
        }
        return Response.status(204)
                .header("Access-Control-Allow-Methods", String.join(", ", methods))
                .header("Access-Control-Allow-Headers", String.join(", ", headers))
                .header("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()));
    }

    void decorate(Context ctx, Response res) {
        String origin = ctx.header("Origin");
        if (!allowed(origin)) {
            return;
        }
        boolean echo = credentials || !origins.contains("*");
        res.header("Access-Control-Allow-Origin", echo ? origin : "*");
        if (echo) {
            res.header("Vary", "Origin");
        }
        if (credentials) {
            res.header("Access-Control-Allow-Credentials", "true");
        }
        if (!expose.isEmpty() && !ctx.method().equals("OPTIONS")) {
            res.header("Access-Control-Expose-Headers", String.join(", ", expose));
        }
    }
}
