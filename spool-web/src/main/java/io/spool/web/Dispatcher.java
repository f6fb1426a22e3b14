package io.spool.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpHeaderValidationUtil;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a request into a response on the request's virtual thread: route lookup, before-filters, the handler,
 * exception mapping, after-filters, and rendering of the return value to bytes or a stream. It never throws:
 * whatever goes wrong becomes a response, and an unexpected exception is a 500 whose id is logged beside the
 * stack trace (the client sees only the id).
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger("io.spool.web");

    private final Router router;
    private final List<BeforeFilter> before;
    private final List<AfterFilter> after;
    private final Map<Class<?>, ExceptionMapper<?>> mappers;
    private final ObjectMapper mapper;

    Dispatcher(Router router, List<BeforeFilter> before, List<AfterFilter> after,
               Map<Class<?>, ExceptionMapper<?>> mappers, ObjectMapper mapper) {
        this.router = router;
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
        this.mappers = Map.copyOf(mappers);
        this.mapper = mapper;
    }

    /** On the event loop, at a head with a body: whether its route reads the body as it arrives. */
    boolean streams(String method, String path) {
        Router.Route route = router.find(method, path).route();
        return route != null && route.streaming();
    }

    Response handle(Context ctx) {
        Response res;
        try {
            ctx.match(router.find(ctx.method(), ctx.path()));
            res = run(ctx);
        } catch (Throwable t) {
            res = fromThrowable(t, ctx);
        }
        for (AfterFilter f : after) {
            try {
                f.after(ctx, res);
            } catch (Throwable t) {
                closeBody(res);   // replaced: a stream nobody will read still holds its file or connection
                res = fromThrowable(t, ctx);
            }
        }
        try {
            return checkSendable(render(res));
        } catch (Exception e) {
            closeBody(res);
            return render(internalError(e, ctx));
        }
    }

    private Response run(Context ctx) throws Exception {
        for (BeforeFilter f : before) {
            Object early = f.before(ctx);
            if (early != null) {
                return toResponse(early, ctx);
            }
        }
        Router.Match m = ctx.match();
        if (m.route() == null && ctx.path().equals(RequestTarget.ASTERISK)) {
            return Response.status(204).header("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");   // OPTIONS *
        }
        if (m.route() == null) {
            if (!m.allowed().isEmpty()) {
                return Response.error(405, "method " + ctx.method() + " not allowed", List.copyOf(m.allowed()));
            }
            throw HttpError.notFound("no route for " + ctx.method() + " " + ctx.path());
        }
        return toResponse(m.route().handler().handle(ctx), ctx);
    }

    static Response toResponse(Object result, Context ctx) {
        Response res;
        if (result instanceof Response r) {
            res = r;
        } else {
            int status = ctx.status() != 0 ? ctx.status() : result == null ? 204 : 200;
            res = Response.status(status).body(result);
        }
        if (ctx.hasResponseHeaders()) {
            ctx.responseHeaders().forEach((k, v) -> res.headers().putIfAbsent(k, v));
        }
        return res;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Response fromThrowable(Throwable t, Context ctx) {
        if (t instanceof HttpError e) {
            return Response.error(e.status(), e.getMessage());
        }
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            ExceptionMapper m = mappers.get(c);
            if (m != null) {
                ctx.resetResponse();   // the status and headers of the answer that failed are not the mapper's
                try {
                    return toResponse(m.map(t, ctx), ctx);
                } catch (Throwable again) {
                    return again instanceof HttpError e ? Response.error(e.status(), e.getMessage())
                            : internalError(again, ctx);
                }
            }
        }
        return internalError(t, ctx);
    }

    private static Response internalError(Throwable t, Context ctx) {
        String id = String.format("%016x", ThreadLocalRandom.current().nextLong());
        // an interrupted handler is most often one whose deadline passed: its client already has an answer
        System.Logger.Level level = t instanceof InterruptedException ? System.Logger.Level.DEBUG
                : System.Logger.Level.ERROR;
        LOG.log(level, "request " + ctx.method() + " " + ctx.rawTarget() + " failed, error id " + id
                + ", request id " + ctx.requestId(), t);
        Map<String, Object> body = Response.errorBody("internal error");
        body.put("id", id);
        return Response.json(500, body);
    }

    /** Replaces the body by bytes or a stream, and fills in a Content-Type that fits it. */
    private Response render(Response res) {
        Object body = res.body();
        switch (body) {
            case null -> { }
            case byte[] ignored -> defaultType(res, "application/octet-stream");
            case InputStream ignored -> defaultType(res, "application/octet-stream");
            case String s -> {
                res.body(s.getBytes(StandardCharsets.UTF_8));
                defaultType(res, "text/plain; charset=utf-8");
            }
            default -> {
                try {
                    res.body(mapper.writeValueAsBytes(body));
                } catch (Exception e) {
                    throw new IllegalStateException("cannot write " + body.getClass().getName() + " as JSON", e);
                }
                defaultType(res, "application/json");
            }
        }
        return res;
    }

    /**
     * Refuses a response Netty could not write: a final status below 200 (the client would wait for the real
     * one), or a header name or value that is null or not valid HTTP (a CR or LF in a value, taken from the
     * request, would otherwise split the response). Such a response becomes a 500 with its cause in the log.
     */
    private static Response checkSendable(Response res) {
        if (res.status() < 200) {
            throw new IllegalStateException("a final response needs a status of 200 or more, not " + res.status());
        }
        res.headers().forEach((name, value) -> {
            if (name == null || value == null || name.isEmpty() || HttpHeaderValidationUtil.validateToken(name) >= 0
                    || HttpHeaderValidationUtil.validateValidHeaderValue(value) >= 0) {
                throw new IllegalStateException("response header not valid in HTTP: " + name + ": " + value);
            }
        });
        return res;
    }

    static void closeBody(Response res) {
        if (res.body() instanceof AutoCloseable stream) {
            try {
                stream.close();
            } catch (Exception ignored) {
                // nothing more to do with a body nobody reads
            }
        }
    }

    private static void defaultType(Response res, String type) {
        res.headers().putIfAbsent("Content-Type", type);
    }
}
