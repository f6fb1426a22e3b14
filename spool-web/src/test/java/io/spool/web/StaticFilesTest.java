package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Static files from a directory and the class path: types, validators, 304, and no way out of the root. */
class StaticFilesTest {
    @TempDir
    static Path tmp;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("public"));
        Files.writeString(root.resolve("app.css"), "body { color: red }");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/index.html"), "<h1>sub</h1>");
        Files.writeString(tmp.resolve("secret.txt"), "top secret");   // beside the root, not in it
        server = WebApp.create()
                .staticFiles("/static", root)
                .staticResources("/cp", "web")
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void servesFilesWithTypeAndValidators() {
        var css = Http.get(server, "/static/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).isEqualTo("body { color: red }");
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.headers().firstValue("Content-Length")).hasValue("19");
        String etag = css.headers().firstValue("ETag").orElseThrow();
        String lastModified = css.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(etag).startsWith("W/\"");

        var again = Http.get(server, "/static/app.css", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(Http.get(server, "/static/app.css", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(Http.get(server, "/static/app.css", "If-None-Match", "W/\"other\"").statusCode()).isEqualTo(200);

        var index = Http.get(server, "/static/sub/");
        assertThat(index.body()).isEqualTo("<h1>sub</h1>");
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void servesClassPathResources() {
        var r = Http.get(server, "/cp/hello.txt");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hello from the class path");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(Http.get(server, "/cp/hello.txt", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(Http.get(server, "/cp/missing.txt").statusCode()).isEqualTo(404);
        // an encoded dot segment is refused before routing, as ambiguous
        assertThat(Http.get(server, "/cp/%2e%2e/io/spool/web/CoreTest.class").statusCode()).isEqualTo(400);
    }

    @Test
    void pathTraversalNeverLeavesTheRoot() throws Exception {
        String[] attacks = {
            "/static/../secret.txt", "/static/%2e%2e/secret.txt", "/static/%2E%2E%2Fsecret.txt",
            "/static/sub/..%2F..%2Fsecret.txt", "/static/..%5Csecret.txt", "/static//etc/passwd",
            "/static/%2Fetc%2Fpasswd", "/static/" + tmp.resolve("secret.txt").toString().replace("/", "%2F"),
            "/static/sub/%2e%2e/%2e%2e/secret.txt", "/static/.%2e/secret.txt", "/static/app.css%00.txt",
        };
        for (String attack : attacks) {
            try (Raw raw = new Raw(server.port())) {   // raw: a client library would normalise the path first
                raw.send("GET " + attack + " HTTP/1.1\r\nHost: x\r\n\r\n");
                Raw.Reply r = raw.read();
                assertThat(r.status()).as(attack).isIn(400, 404);
                assertThat(r.text()).as(attack).doesNotContain("top secret").doesNotContain("root:");
            }
        }
    }

    @Test
    void headGivesTheLengthWithoutTheBody() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("HEAD /static/app.css HTTP/1.1\r\nHost: x\r\n\r\nGET /static/app.css HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply head = raw.read(true);
            assertThat(head.header("Content-Length")).isEqualTo("19");
            assertThat(raw.read().text()).isEqualTo("body { color: red }");
        }
    }
}
