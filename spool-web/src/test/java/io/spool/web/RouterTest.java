package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router and the nested-query reader, which are pure functions of their input. */
class RouterTest {
    static final Handler H = ctx -> null;

    @Test
    void literalsBeatParametersWhichBeatWildcardsWithBacktracking() {
        Router r = new Router();
        r.add("GET", "/users/me", H);
        r.add("GET", "/users/{id}", H);
        r.add("GET", "/users/{id}/posts/{post}", H);
        r.add("GET", "/users/*", H);
        r.add("POST", "/users/me/avatar", H);
        assertThat(r.find("GET", "/users/me").pattern()).isEqualTo("/users/me");
        assertThat(r.find("GET", "/users/42").params()).isEqualTo(Map.of("id", "42"));
        assertThat(r.find("GET", "/users/me/posts/7").params()).isEqualTo(Map.of("id", "me", "post", "7"));
        // /users/me/avatar exists only for POST: GET falls back to the wildcard
        Router.Match wild = r.find("GET", "/users/me/avatar");
        assertThat(wild.pattern()).isEqualTo("/users/*");
        assertThat(wild.params()).isEqualTo(Map.of("*", "me/avatar"));
        assertThat(r.find("HEAD", "/users/me").pattern()).isEqualTo("/users/me");
    }

    @Test
    void aLiteralPathIsAnsweredByAMatchBuiltOnceForItsMethod() {
        Router r = new Router();
        r.add("GET", "/plaintext", H);
        r.add("POST", "/plaintext", H);
        Router.Match get = r.find("GET", "/plaintext");
        assertThat(get.route().method()).isEqualTo("GET");
        assertThat(get.params()).isEmpty();
        assertThat(r.find("GET", new String("/plaintext"))).isSameAs(get);
        assertThat(r.find("POST", "/plaintext")).isNotSameAs(get).extracting(m -> m.route().method()).isEqualTo("POST");
        assertThat(r.find("HEAD", "/plaintext").pattern()).isEqualTo("/plaintext");   // by the walk's fallback
    }

    @Test
    void aLiteralWithEscapesMatchesTheDecodedPathHoweverItIsSpelled() {
        Router r = new Router();
        r.add("GET", "/a%20b", H);
        r.add("GET", "/caf%C3%A9", H);
        // the router is given canonical paths (RequestTarget decodes "/a%20b" and "/caf%c3%a9" once)
        assertThat(r.find("GET", "/a b").pattern()).isEqualTo("/a%20b");
        assertThat(r.find("HEAD", "/a b").pattern()).isEqualTo("/a%20b");
        assertThat(r.find("POST", "/a b").allowed()).containsExactly("GET", "HEAD");
        assertThat(r.find("GET", "/a%20b").route()).isNull();   // that is the path "/a%2520b" as sent, not "/a b"
        assertThat(r.find("GET", "/caf\u00e9").pattern()).isEqualTo("/caf%C3%A9");
        assertThatThrownBy(() -> r.add("GET", "/bad%zz", H)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void methodMismatchReportsAllowedMethods() {
        Router r = new Router();
        r.add("GET", "/a/{x}", H);
        r.add("PUT", "/a/{x}", H);
        Router.Match m = r.find("DELETE", "/a/1");
        assertThat(m.route()).isNull();
        assertThat(m.allowed()).containsExactly("GET", "HEAD", "PUT");
        assertThat(r.find("GET", "/b").allowed()).isEmpty();
    }

    @Test
    void badPatternsAreRefusedEarly() {
        Router r = new Router();
        r.add("GET", "/a/{id}", H);
        assertThatThrownBy(() -> r.add("GET", "/a/{name}/x", H)).hasMessageContaining("conflicts");
        assertThatThrownBy(() -> r.add("GET", "/a/{id}", H)).hasMessageContaining("twice");
        assertThatThrownBy(() -> r.add("GET", "/*/x", H)).hasMessageContaining("last segment");
        assertThatThrownBy(() -> r.add("GET", "nope", H)).hasMessageContaining("starts with");
    }

    @Test
    void nestedQueryFollowsSerdeQs() {
        var tree = NestedQuery.parse(Map.of(
                "a[2][b]", List.of("z"), "a[0][b]", List.of("x"), "plain", List.of("1", "2"), "m[k][j]", List.of("v")));
        assertThat(tree.get("a").toString()).isEqualTo("[{\"b\":\"x\"},{\"b\":\"z\"}]");
        assertThat(tree.get("plain").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(tree.get("m").toString()).isEqualTo("{\"k\":{\"j\":\"v\"}}");
        assertThat(NestedQuery.keyPath("a[b")).containsExactly("a[b");
        assertThat(NestedQuery.keyPath("a[0][]")).containsExactly("a", "0", "");
        assertThatThrownBy(() -> NestedQuery.parse(Map.of("x", List.of("1"), "x[y]", List.of("2"))))
                .isInstanceOf(HttpError.class).hasMessageContaining("conflicting");
    }
}
