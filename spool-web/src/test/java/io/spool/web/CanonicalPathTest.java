package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One view of the path: a before-filter guarding {@code /admin} by {@code ctx.path()} sees what the router
 * routes, however the client spells the path. Every spelling that reaches the admin route gets the filter's
 * 401; the ones that could be read two ways are a 400 before any filter; none ever serves the secret.
 */
class CanonicalPathTest {
    static WebServer server;

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .before(ctx -> {
                    if (ctx.path().startsWith("/admin")) {
                        throw new HttpError(401, "admins only");
                    }
                    return null;
                })
                .get("/admin/secret", ctx -> "the secret")
                .get("/admin/{file}", ctx -> "the secret " + ctx.pathParam("file"))
                .get("/public/*", ctx -> "public " + ctx.pathParam("*"))
                .get("/echo-path/*", ctx -> ctx.path() + " | " + ctx.rawTarget() + " | " + ctx.rawQuery())
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Arguments> attempts() {
        return Stream.of(
                Arguments.of("/admin/secret", 401),
                Arguments.of("/%61dmin/secret", 401),
                Arguments.of("/%61%64%6d%69%6e/%73ecret", 401),
                Arguments.of("/public/../admin/secret", 401),
                Arguments.of("/public/./../admin/secret", 401),
                Arguments.of("/./admin/secret", 401),
                Arguments.of("/../admin/secret", 401),
                Arguments.of("/admin/./secret", 401),
                Arguments.of("/admin/x/../secret", 401),
                Arguments.of("/admin/secret?x=/public", 401),
                Arguments.of("http://x/admin/secret", 401),
                Arguments.of("HTTP://X/%61dmin/secret", 401),
                Arguments.of("/admin/secret%3Bjsessionid=1", 401),
                Arguments.of("/admin/se%20cret", 401),
                Arguments.of("Xadmin/secret", 400),
                Arguments.of("admin/secret", 400),
                Arguments.of("*admin/secret", 400),
                Arguments.of("/public%2F..%2Fadmin/secret", 400),
                Arguments.of("/public/%2e%2e/admin/secret", 400),
                Arguments.of("/public/.%2E/admin/secret", 400),
                Arguments.of("/%2e/admin/secret", 400),
                Arguments.of("/admin%2Fsecret", 400),
                Arguments.of("/admin/secret%00", 400),
                Arguments.of("/admin/secret%0d%0aX:%201", 400),
                Arguments.of("/%ZZadmin/secret", 400),
                Arguments.of("/%c0%afadmin/secret", 400),   // overlong UTF-8 for '/'
                Arguments.of("/admin/secret#frag", 400),
                Arguments.of("//admin/secret", 404),        // an empty first segment: a path of its own, not routed
                Arguments.of("/%2561dmin/secret", 404));    // "/%61dmin" literally: no such route
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("attempts")
    void everySpellingOfTheGuardedPathMeetsTheFilter(String target, int status) throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).as(target).isEqualTo(status);
            assertThat(r.text()).as(target).doesNotContain("the secret");
        }
    }

    @Test
    void theHandlerSeesTheDecodedPathAndTheRawTargetAsSent() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /echo-path/caf%C3%A9/a+b/./c/../d?q=%2F HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text())
                    .isEqualTo("/echo-path/café/a+b/d | /echo-path/caf%C3%A9/a+b/./c/../d?q=%2F | q=%2F");
        }
    }

    @Test
    void aWildcardGetsTheDecodedRest() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /public/a%20b/c HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("public a b/c");
        }
    }
}
