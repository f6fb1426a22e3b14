package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test client: the same scenario passes in process and over sockets, so the in-process path is the server's. */
class TestClientTest {
    record Item(String name, int qty) {}

    static WebApp app() {
        return WebApp.create()
                .before(ctx -> ctx.path().startsWith("/admin") ? Response.error(401, "admins only") : null)
                .get("/items/{id}", ctx -> new Item("item " + ctx.pathParamInt("id"), ctx.queryParam("qty", Integer.class, 1)))
                .post("/items", ctx -> Response.json(201, ctx.bodyAs(Item.class)))
                .get("/admin/x", ctx -> "secret")
                .get("/cookie", ctx -> {
                    ctx.setCookie(Cookie.of("a", "1")).setCookie(Cookie.of("b", "2").maxAge(java.time.Duration.ofHours(1)));
                    return "set";
                })
                .get("/stream", ctx -> new java.io.ByteArrayInputStream("streamed".getBytes()))
                .get("/bearer", ctx -> String.valueOf(ctx.bearerToken()));
    }

    static final TestClient.Scenario SCENARIO = client -> {
        TestResponse item = client.get("/items/7?qty=3");
        assertThat(item.status()).isEqualTo(200);
        assertThat(item.json(Item.class)).isEqualTo(new Item("item 7", 3));
        assertThat(item.header("content-type")).startsWith("application/json");
        assertThat(item.header("X-Request-Id")).isNotBlank();

        TestResponse created = client.postJson("/items", "{\"name\":\"x\",\"qty\":2}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("qty").asInt()).isEqualTo(2);

        assertThat(client.postJson("/items", "{oops").status()).isEqualTo(400);
        assertThat(client.get("/items/abc").status()).isEqualTo(400);
        assertThat(client.get("/%61dmin/x").status()).isEqualTo(401);   // the filter sees the canonical path
        assertThat(client.get("/nothing").status()).isEqualTo(404);
        assertThat(client.delete("/items").status()).isEqualTo(405);
        assertThat(client.get("/stream").text()).isEqualTo("streamed");

        TestResponse cookies = client.get("/cookie");
        assertThat(cookies.cookies()).hasSize(2);
        assertThat(cookies.cookie("a")).isEqualTo("1");
        assertThat(cookies.cookies().get(1)).contains("Max-Age=3600").containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
    };

    @Test
    void inProcess() throws Exception {
        app().test(SCENARIO);
    }

    @Test
    void overSockets() throws Exception {
        app().testOverSockets(SCENARIO);
    }

    @Test
    void aBadTargetIsRefusedInProcessAsTheServerWould() throws Exception {
        app().test(client -> {
            TestResponse r = client.get("/a%2Fb");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text()).contains("%2F");
            assertThat(client.request("GET", "/items/1", null, "X-Request-Id", "abc").header("X-Request-Id"))
                    .isEqualTo("abc");
            assertThat(TestClient.pairs("a", "b")).isEqualTo(Map.of("a", "b"));
            assertThat(client.request("GET", "/bearer", null, "Authorization", "bEaReR  t0k ").text()).isEqualTo("t0k");
            assertThat(client.request("GET", "/bearer", null, "Authorization", "Basic dTpw").text()).isEqualTo("null");
            assertThat(client.request("GET", "/bearer", null, "Authorization", "Bearer").text()).isEqualTo("null");
            assertThat(client.get("/bearer").text()).isEqualTo("null");
        });
    }
}
