package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Cookie sessions (signed and encrypted, with key rotation and expiry) and the CSRF guard. */
class SessionsTest {
    static final String OLD = "old-secret-old-secret-old-secret-0001";
    static final String NEW = "new-secret-new-secret-new-secret-0002";

    static WebApp app(SessionStore store) {
        return WebApp.create().sessions(store).csrf()
                .get("/login/{user}", ctx -> {
                    ctx.session().put("user", ctx.pathParam("user"));
                    return "hello " + ctx.pathParam("user");
                })
                .get("/me", ctx -> String.valueOf(ctx.session().get("user")))
                .get("/logout", ctx -> {
                    ctx.session().invalidate();
                    return "bye";
                })
                .get("/form", ctx -> ctx.csrfToken())
                .post("/transfer", ctx -> "moved " + ctx.formParam("amount"));
    }

    static String cookieOf(TestResponse r) {
        return "spool-session=" + r.cookie("spool-session");
    }

    @Test
    void aSignedSessionComesBackAndCannotBeChanged() throws Exception {
        app(SessionStore.signed(NEW)).test(client -> {
            TestResponse login = client.get("/login/ada");
            assertThat(login.cookies().getFirst()).containsIgnoringCase("HttpOnly").contains("SameSite=Lax").contains("Path=/")
                    .contains("Max-Age=604800");
            String cookie = cookieOf(login);
            assertThat(client.get("/me", "Cookie", cookie).text()).isEqualTo("ada");
            assertThat(client.get("/me").text()).isEqualTo("null");
            // the payload is readable, but changing it breaks the signature
            String value = login.cookie("spool-session");
            String payload = new String(Base64.getUrlDecoder().decode(value.substring(0, value.indexOf('.'))));
            assertThat(payload).contains("\"user\":\"ada\"");
            String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    payload.replace("ada", "root").getBytes()) + value.substring(value.indexOf('.'));
            assertThat(client.get("/me", "Cookie", "spool-session=" + forged).text()).isEqualTo("null");
            TestResponse logout = client.get("/logout", "Cookie", cookie);
            assertThat(logout.cookies().getFirst()).contains("Max-Age=0");
        });
    }

    @Test
    void anEncryptedSessionHidesItsValues() throws Exception {
        app(SessionStore.encrypted(NEW)).test(client -> {
            TestResponse login = client.get("/login/grace");
            String value = login.cookie("spool-session");
            assertThat(new String(Base64.getUrlDecoder().decode(value), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain("grace");
            assertThat(client.get("/me", "Cookie", cookieOf(login)).text()).isEqualTo("grace");
            String flipped = value.substring(0, 20) + (value.charAt(20) == 'A' ? 'B' : 'A') + value.substring(21);
            assertThat(client.get("/me", "Cookie", "spool-session=" + flipped).text()).isEqualTo("null");
        });
    }

    @Test
    void keysRotateWithoutLoggingAnyoneOut() throws Exception {
        for (boolean encrypted : new boolean[] {false, true}) {
            SessionStore before = encrypted ? SessionStore.encrypted(OLD) : SessionStore.signed(OLD);
            SessionStore during = encrypted ? SessionStore.encrypted(NEW, OLD) : SessionStore.signed(NEW, OLD);
            SessionStore after = encrypted ? SessionStore.encrypted(NEW) : SessionStore.signed(NEW);
            String[] old = new String[1];
            app(before).test(client -> old[0] = cookieOf(client.get("/login/ada")));
            app(during).test(client -> assertThat(client.get("/me", "Cookie", old[0]).text()).isEqualTo("ada"));
            app(after).test(client -> assertThat(client.get("/me", "Cookie", old[0]).text()).isEqualTo("null"));
        }
    }

    @Test
    void aSessionExpiresWhateverTheClientKeeps() throws Exception {
        app(SessionStore.signed(NEW).maxAge(Duration.ofSeconds(1))).test(client -> {
            String cookie = cookieOf(client.get("/login/ada"));
            assertThat(client.get("/me", "Cookie", cookie).text()).isEqualTo("ada");
            Thread.sleep(2100);
            assertThat(client.get("/me", "Cookie", cookie).text()).isEqualTo("null");
        });
    }

    @Test
    void aStateChangingRequestRidingOnTheSessionNeedsItsToken() throws Exception {
        app(SessionStore.signed(NEW)).testOverSockets(client -> {
            TestResponse form = client.get("/form");
            String cookie = cookieOf(form);
            String token = form.text();
            String urlencoded = "application/x-www-form-urlencoded";
            TestResponse forged = client.post("/transfer", "amount=100", "Cookie", cookie, "Content-Type", urlencoded);
            assertThat(forged.status()).isEqualTo(403);
            assertThat(client.post("/transfer", "amount=100&_csrf=wrong", "Cookie", cookie, "Content-Type",
                    urlencoded).status()).isEqualTo(403);
            assertThat(client.post("/transfer", "amount=100&_csrf=" + token, "Cookie", cookie, "Content-Type",
                    urlencoded).text()).isEqualTo("moved 100");
            assertThat(client.post("/transfer", "amount=7", "Cookie", cookie, "Content-Type", urlencoded,
                    "X-CSRF-Token", token).text()).isEqualTo("moved 7");
            // no session cookie: nothing to ride on
            assertThat(client.post("/transfer", "amount=1", "Content-Type", urlencoded).text()).isEqualTo("moved 1");
        });
    }
}
