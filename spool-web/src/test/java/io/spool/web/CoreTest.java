package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Routing, return values, parameters, bodies and errors, through the JDK client. */
class CoreTest {
    record Caption(String template, int size, List<String> lines) {}

    record Item(String name, int qty) {}

    record Filter(List<Item> items, Map<String, String> sort) {}

    static final class Conflict extends RuntimeException {
        Conflict(String m) {
            super(m);
        }
    }

    /** Application state goes in through the handler's constructor. */
    record Greeter(String greeting) implements Handler {
        public Object handle(Context ctx) {
            return greeting + ", " + ctx.pathParam("name");
        }
    }

    static WebServer server;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        WebApp app = WebApp.create()
                .get("/text", ctx -> "plain")
                .get("/thread", ctx -> Thread.currentThread().isVirtual() ? "virtual" : "platform")
                .get("/bytes", ctx -> new byte[] {1, 2, 3})
                .get("/json", ctx -> new Caption("doge", 3, List.of("such", "wow")))
                .get("/map", ctx -> Map.of("a", List.of(1, 2)))
                .get("/none", ctx -> null)
                .get("/custom", ctx -> Response.text(418, "teapot").header("X-Pot", "yes"))
                .post("/created", ctx -> ctx.status(201).responseHeader("Location", "/x/1").attribute("k", "v")
                        .attribute("k"))
                .get("/hello/{name}", new Greeter("hi"))
                .get("/items/{id}", ctx -> Map.of("id", ctx.pathParamInt("id")))
                .get("/users/me", ctx -> "me")
                .get("/users/{id}", ctx -> "user " + ctx.pathParam("id"))
                .put("/users/{id}", ctx -> "put " + ctx.pathParam("id"))
                .get("/files/*", ctx -> "rest=" + ctx.pathParam("*"))
                .get("/query", ctx -> Map.of("tags", ctx.queryParams("tag"), "n", ctx.queryParam("n", Integer.class, 7)))
                .get("/tree", ctx -> ctx.queryTree())
                .get("/filter", ctx -> ctx.queryAs(Filter.class))
                .post("/caption", ctx -> ctx.bodyAs(Caption.class))
                .post("/form", ctx -> Map.of("name", ctx.formParam("name"), "qty", ctx.formParam("qty", Integer.class),
                        "item", ctx.bodyAs(Item.class)))
                .get("/teapot", ctx -> {
                    throw new HttpError(409, "already brewing");
                })
                .get("/conflict", ctx -> {
                    throw new Conflict("taken");
                })
                .get("/status/{code}", ctx -> Response.status(ctx.pathParamInt("code")))
                .get("/ctx-status/{code}", ctx -> ctx.status(ctx.pathParamInt("code")).pathParam("code"))
                .get("/boom", ctx -> {
                    throw new IllegalStateException("secret detail");
                })
                .get("/whoami", ctx -> Map.of("remote", ctx.remoteAddress().getAddress().getHostAddress(),
                        "method", ctx.method(), "path", ctx.path(), "user", ctx.<String>attribute("user"),
                        "route", ctx.routePattern()))
                .before(ctx -> {
                    ctx.attribute("user", ctx.header("X-User"));
                    return "stop".equals(ctx.queryParam("filter")) ? Response.text(403, "stopped by filter") : null;
                })
                .after((ctx, res) -> res.header("X-Frame-Options", "DENY"))
                .exception(Conflict.class, (e, ctx) -> Response.json(409, Map.of("conflict", e.getMessage())));
        server = app.start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
        return JSON.readTree(r.body());
    }

    /** Handlers run on fresh virtual threads: a per-thread buffer pool would never hand a buffer back. */
    @Test
    void theDefaultMapperRecyclesBuffersAcrossThreads() throws Exception {
        ObjectMapper mapper = WebApp.create().objectMapper();
        var pool = mapper.getFactory()._getRecyclerPool();
        assertThat(pool).isNotInstanceOf(JsonRecyclerPools.ThreadLocalPool.class);
        var first = pool.acquireAndLinkPooled();
        first.releaseToPool();
        BufferRecycler[] second = new BufferRecycler[1];
        Thread.ofVirtual().start(() -> second[0] = pool.acquireAndLinkPooled()).join();
        assertThat(second[0]).as("the buffers one virtual thread gave back serve the next").isSameAs(first);
        assertThat(mapper.readTree(mapper.writeValueAsBytes(Map.of("a", 1))).path("a").asInt()).isEqualTo(1);
    }

    @Test
    void returnValuesBecomeResponses() throws Exception {
        var text = Http.get(server, "/text");
        assertThat(text.statusCode()).isEqualTo(200);
        assertThat(text.body()).isEqualTo("plain");
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");

        var bytes = Http.get(server, "/bytes");
        assertThat(bytes.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(bytes.headers().firstValue("Content-Length")).hasValue("3");

        assertThat(json(Http.get(server, "/json")).toString())
                .isEqualTo("{\"template\":\"doge\",\"size\":3,\"lines\":[\"such\",\"wow\"]}");
        assertThat(json(Http.get(server, "/map")).toString()).isEqualTo("{\"a\":[1,2]}");

        var none = Http.get(server, "/none");
        assertThat(none.statusCode()).isEqualTo(204);
        assertThat(none.body()).isEmpty();

        var custom = Http.get(server, "/custom");
        assertThat(custom.statusCode()).isEqualTo(418);
        assertThat(custom.headers().firstValue("X-Pot")).hasValue("yes");
        assertThat(custom.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        var created = Http.send(server, "POST", "/created", "");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/x/1");
        assertThat(created.body()).isEqualTo("v");
    }

    @Test
    void handlersRunOnVirtualThreads() {
        assertThat(Http.get(server, "/thread").body()).isEqualTo("virtual");
    }

    @Test
    void pathParametersLiteralsAndWildcards() throws Exception {
        assertThat(Http.get(server, "/hello/ada%20l").body()).isEqualTo("hi, ada l");
        assertThat(json(Http.get(server, "/items/42")).get("id").asInt()).isEqualTo(42);
        assertThat(Http.get(server, "/users/me").body()).isEqualTo("me");
        assertThat(Http.get(server, "/users/7").body()).isEqualTo("user 7");
        assertThat(Http.get(server, "/files/a/b%20c.txt").body()).isEqualTo("rest=a/b c.txt");   // decoded
        assertThat(Http.get(server, "/files/a/b%2Fc.txt").statusCode()).isEqualTo(400);   // %2F: two readings
    }

    @Test
    void wrongTypeIsAClear400() throws Exception {
        var r = Http.get(server, "/items/abc");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("path parameter 'id' must be an integer, got 'abc'");
        try (Raw raw = new Raw(server.port())) {   // raw: the JDK client refuses to send a bad escape
            raw.send("GET /query?n=%zz HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply badEscape = raw.read();
            assertThat(badEscape.status()).isEqualTo(400);
            assertThat(badEscape.text()).startsWith("{\"error\":\"malformed query string");
            raw.send("GET /hello/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("{\"error\":\"malformed request: malformed percent-encoding in path\"}");
        }
        var q = Http.get(server, "/query?n=lots");
        assertThat(q.statusCode()).isEqualTo(400);
        assertThat(json(q).get("error").asText()).contains("query parameter 'n' must be an integer");
    }

    @Test
    void notFoundAndMethodNotAllowed() throws Exception {
        var nf = Http.get(server, "/nope");
        assertThat(nf.statusCode()).isEqualTo(404);
        assertThat(json(nf).get("error").asText()).isEqualTo("no route for GET /nope");

        var na = Http.send(server, "DELETE", "/users/7", null);
        assertThat(na.statusCode()).isEqualTo(405);
        assertThat(na.headers().firstValue("Allow")).hasValue("GET, HEAD, PUT");
        assertThat(Http.send(server, "PUT", "/users/7", "").body()).isEqualTo("put 7");
    }

    @Test
    void queryParameters() throws Exception {
        var r = json(Http.get(server, "/query?tag=a&tag=b&n=3"));
        assertThat(r.get("n").asInt()).isEqualTo(3);
        assertThat(r.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(json(Http.get(server, "/query")).get("n").asInt()).isEqualTo(7);

        var tree = json(Http.get(server, "/tree?a%5B1%5D%5Bb%5D=2&a%5B0%5D%5Bb%5D=1&x%5By%5D=3&t%5B%5D=p&t%5B%5D=q"));
        assertThat(tree.toString())
                .isEqualTo("{\"a\":[{\"b\":\"1\"},{\"b\":\"2\"}],\"x\":{\"y\":\"3\"},\"t\":[\"p\",\"q\"]}");

        var filter = json(Http.get(server,
                "/filter?items[0][name]=nail&items[0][qty]=5&items[1][name]=screw&items[1][qty]=9&sort[by]=qty"));
        assertThat(filter.toString()).isEqualTo(
                "{\"items\":[{\"name\":\"nail\",\"qty\":5},{\"name\":\"screw\",\"qty\":9}],\"sort\":{\"by\":\"qty\"}}");
        var bad = Http.get(server, "/filter?items[0][qty]=many");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).startsWith("invalid query");
    }

    @Test
    void jsonAndFormBodies() throws Exception {
        var ok = Http.send(server, "POST", "/caption", "{\"template\":\"cat\",\"size\":2,\"lines\":[\"a\"],\"extra\":1}",
                "Content-Type", "application/json");
        assertThat(json(ok).toString()).isEqualTo("{\"template\":\"cat\",\"size\":2,\"lines\":[\"a\"]}");

        var bad = Http.send(server, "POST", "/caption", "{\"template\":", "Content-Type", "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("error").asText()).startsWith("invalid JSON body");

        var wrongType = Http.send(server, "POST", "/caption", "{\"size\":\"big\"}", "Content-Type", "application/json");
        assertThat(wrongType.statusCode()).isEqualTo(400);

        var form = Http.send(server, "POST", "/form", "name=box+of+nails&qty=12",
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(json(form).toString()).contains("\"name\":\"box of nails\"").contains("\"qty\":12")
                .contains("\"item\":{\"name\":\"box of nails\",\"qty\":12}");
    }

    /** A status outside 100-599 is the handler's bug: a 500, never a malformed status line on the wire. */
    @Test
    void statusesOutsideTheHttpRangeAreServerErrors() throws Exception {
        assertThat(Http.get(server, "/status/299").statusCode()).isEqualTo(299);
        assertThat(Http.get(server, "/ctx-status/202").statusCode()).isEqualTo(202);
        for (String path : List.of("/status/600", "/status/99", "/status/-1", "/ctx-status/1000", "/ctx-status/0")) {
            var r = Http.get(server, path);
            assertThat(r.statusCode()).as(path).isEqualTo(500);
            assertThat(json(r).path("id").asText()).as(path).hasSize(16);
        }
    }

    @Test
    void errorsMapToStatusesAndNeverLeakStackTraces() throws Exception {
        var teapot = Http.get(server, "/teapot");
        assertThat(teapot.statusCode()).isEqualTo(409);
        assertThat(teapot.body()).isEqualTo("{\"error\":\"already brewing\"}");

        var mapped = Http.get(server, "/conflict");
        assertThat(mapped.statusCode()).isEqualTo(409);
        assertThat(mapped.body()).isEqualTo("{\"conflict\":\"taken\"}");

        var boom = Http.get(server, "/boom");
        assertThat(boom.statusCode()).isEqualTo(500);
        JsonNode body = json(boom);
        assertThat(body.get("error").asText()).isEqualTo("internal error");
        assertThat(body.get("id").asText()).matches("[0-9a-f]{16}");
        assertThat(boom.body()).doesNotContain("secret", "Exception", "at io.");
        assertThat(boom.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void contextAndFilters() throws Exception {
        JsonNode me = json(Http.get(server, "/whoami", "X-User", "ada"));
        assertThat(me.get("remote").asText()).isEqualTo("127.0.0.1");
        assertThat(me.get("user").asText()).isEqualTo("ada");
        assertThat(me.get("route").asText()).isEqualTo("/whoami");
        assertThat(me.get("path").asText()).isEqualTo("/whoami");

        var stopped = Http.get(server, "/text?filter=stop");
        assertThat(stopped.statusCode()).isEqualTo(403);
        assertThat(stopped.body()).isEqualTo("stopped by filter");
    }

    @Test
    void requestIdIsEchoedWhenSaneAndMadeOtherwise() {
        assertThat(Http.get(server, "/text", "X-Request-Id", "abc-123.x").headers().firstValue("X-Request-Id"))
                .hasValue("abc-123.x");
        String made = Http.get(server, "/text", "X-Request-Id", "bad id <script>").headers()
                .firstValue("X-Request-Id").orElseThrow();
        assertThat(made).matches("[0-9a-f]{24}");
        String other = Http.get(server, "/text").headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(other).matches("[0-9a-f]{24}").isNotEqualTo(made);
    }

    @Test
    void headAnswersGetRoutesWithoutABody() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("HEAD /json HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply head = raw.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isEqualTo("51");
            assertThat(head.header("Content-Type")).isEqualTo("application/json");
            // the next response starts right away: no body bytes were sent for HEAD
            raw.send("GET /text HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("plain");
        }
    }
}
