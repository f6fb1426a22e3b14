package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 9112 framing over raw sockets, case by case: what a proxy in front could read differently is refused with a
 * JSON error and the connection closed, so no byte of a body is ever parsed as a second request; what is valid is
 * answered exactly once and the connection stays usable.
 */
class StrictFramingTest {
    static WebServer server;

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .post("/echo", ctx -> "body " + ctx.bodyText())
                .get("/hello", ctx -> "hello " + ctx.path())
                .route("OPTIONS", "/hello", ctx -> "options")
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Requests refused with the status given, then the connection closed; a probe after each must not run. */
    static Stream<Arguments> refused() {
        String smuggled = "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n";
        return Stream.of(
                // Content-Length and Transfer-Encoding
                refuse(400, "CL and TE", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                refuse(400, "TE and CL", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 35\r\n\r\n0\r\n\r\n" + smuggled),
                refuse(400, "TE gzip alone", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n"
                        + smuggled),
                refuse(400, "TE xchunked", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n"
                        + smuggled),
                refuse(400, "TE quoted", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \"chunked\"\r\n\r\n"
                        + "0\r\n\r\n"),
                refuse(400, "TE with a parameter", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked;foo=bar\r\n\r\n0\r\n\r\n"),
                refuse(400, "TE chunked then identity", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked, identity\r\n\r\n0\r\n\r\n"),
                refuse(400, "TE chunked twice", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"),
                refuse(501, "TE gzip then chunked", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
                refuse(501, "TE over two lines", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                refuse(400, "TE in HTTP/1.0", "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
                refuse(400, "TE with a space before the colon", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n"),
                // obs-fold
                refuse(400, "obs-fold of Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n"
                        + " Content-Length: 32\r\n\r\n" + smuggled),
                refuse(400, "obs-fold with a tab", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\tmore\r\n\r\n"),
                // Content-Length
                refuse(400, "two Content-Lengths", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                        + "Content-Length: 2\r\n\r\nab"),
                refuse(400, "a Content-Length list", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\n\r\nab"),
                refuse(400, "a signed Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\nab"),
                refuse(400, "a negative Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n"),
                refuse(400, "a huge Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: 99999999999999999999\r\n\r\n"),
                // chunk syntax
                refuse(400, "space after the chunk size", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n2 \r\nab\r\n0\r\n\r\n"),
                refuse(400, "space before the chunk size", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n 2\r\nab\r\n0\r\n\r\n"),
                refuse(400, "junk after the chunk size", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n2x\r\nab\r\n0\r\n\r\n"),
                refuse(400, "0x prefix", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0x2\r\nab\r\n0\r\n\r\n"),
                refuse(400, "an empty chunk extension", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n2;\r\nab\r\n0\r\n\r\n"),
                refuse(400, "an extension without a value", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n2;a=\r\nab\r\n0\r\n\r\n"),
                refuse(400, "an unterminated quoted extension", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n2;a=\"b\r\nab\r\n0\r\n\r\n"),
                refuse(400, "chunk data longer than its size", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n"),
                refuse(400, "a chunk size past 2^60", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n10000000000000000\r\nab\r\n0\r\n\r\n"),
                refuse(400, "obs-fold in a trailer", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\nX: 1\r\n y\r\n\r\n"),
                // versions and request lines
                refuse(505, "HTTP/5.6", "GET /hello HTTP/5.6\r\nHost: x\r\n\r\n"),
                refuse(505, "HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: x\r\n\r\n"),
                refuse(400, "HTTP/1.10", "GET /hello HTTP/1.10\r\nHost: x\r\n\r\n"),
                refuse(400, "lower-case http", "GET /hello http/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "two spaces in the request line", "GET  /hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "HTTP/0.9", "GET /hello\r\n\r\n"),
                refuse(400, "a method that is not a token", "GE(T /hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "a bare LF", "GET /hello HTTP/1.1\nHost: x\n\n"),
                refuse(400, "a bare CR in a value", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n"),
                refuse(400, "a NUL in a value", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n"),
                refuse(400, "a header without a colon", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A\r\n\r\n"),
                refuse(400, "a space in a header name", "GET /hello HTTP/1.1\r\nHost: x\r\nX A: 1\r\n\r\n"),
                // Host
                refuse(400, "no Host in HTTP/1.1", "GET /hello HTTP/1.1\r\n\r\n"),
                refuse(400, "two Hosts", "GET /hello HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n"),
                refuse(400, "a Host with a space", "GET /hello HTTP/1.1\r\nHost: x y\r\n\r\n"),
                refuse(400, "a Host with a slash", "GET /hello HTTP/1.1\r\nHost: x/y\r\n\r\n"),
                refuse(400, "a Host with user information", "GET /hello HTTP/1.1\r\nHost: u@x\r\n\r\n"),
                refuse(400, "a Host with a bad port", "GET /hello HTTP/1.1\r\nHost: x:80:80\r\n\r\n"),
                // targets
                refuse(400, "a target without a slash", "GET hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "asterisk-form for GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "an absolute-form target for another host", "GET http://y/hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "an absolute-form target with user information",
                        "GET http://u@x/hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "another scheme", "GET ftp://x/hello HTTP/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "authority-form", "CONNECT x:443 HTTP/1.1\r\nHost: x:443\r\n\r\n"),
                refuse(400, "a fragment", "GET /hello#top HTTP/1.1\r\nHost: x\r\n\r\n"),
                refuse(400, "a non-ASCII byte in the target", "GET /h\u00e9llo HTTP/1.1\r\nHost: x\r\n\r\n"));
    }

    private static Arguments refuse(int status, String name, String request) {
        return Arguments.of(status, name, request);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("refused")
    void refusedAndClosed(int status, String name, String request) throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send(request);
            Raw.Reply r = raw.read();
            assertThat(r.status()).as(name).isEqualTo(status);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).as(name + ": closed, nothing smuggled after").isTrue();
        }
    }

    /** Valid requests: answered once each, in order, on one connection. */
    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("absolute-form", "GET http://x/hello HTTP/1.1\r\nHost: x\r\n\r\n", "hello /hello"),
                Arguments.of("absolute-form, https and port", "GET HTTPS://x:8443/hello?q=1 HTTP/1.1\r\n"
                        + "Host: x:8443\r\n\r\n", "hello /hello"),
                Arguments.of("HTTP/1.0 without Host", "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
                        "hello /hello"),
                Arguments.of("an empty Host", "GET /hello HTTP/1.1\r\nHost:\r\n\r\n", "hello /hello"),
                Arguments.of("an IPv6 Host", "GET /hello HTTP/1.1\r\nHost: [::1]:80\r\n\r\n", "hello /hello"),
                Arguments.of("empty lines before the request", "\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n",
                        "hello /hello"),
                Arguments.of("lower-case transfer-encoding, upper-case value", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "transfer-encoding: CHUNKED\r\n\r\n2\r\nab\r\n0\r\n\r\n", "body ab"),
                Arguments.of("chunk extensions", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                        + "\r\n2;a=b;c;d=\"x;\\\"y\"\r\nab\r\n1\r\nc\r\n0;last\r\nTrailer-A: 1\r\n\r\n", "body abc"),
                Arguments.of("upper-case hex", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                        + "\r\nA\r\n0123456789\r\n0\r\n\r\n", "body 0123456789"),
                Arguments.of("OWS around values", "POST /echo HTTP/1.1\r\nHost: \tx \r\nContent-Length:  2 \r\n\r\nab",
                        "body ab"),
                Arguments.of("obs-text in a value", "GET /hello HTTP/1.1\r\nHost: x\r\nX-A: caf\u00e9\r\n\r\n",
                        "hello /hello"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void answeredOnceAndKeptOpen(String name, String request, String body) throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send(request + "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).as(name).isEqualTo(200);
            assertThat(r.text()).as(name).isEqualTo(body);
            Raw.Reply next = raw.read();
            assertThat(next.text()).as(name + ": the next request follows").isEqualTo("hello /hello");
        }
    }

    @org.junit.jupiter.api.Test
    void optionsAsteriskIsAnsweredForTheServer() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.header("Allow")).contains("GET");
        }
    }

    @org.junit.jupiter.api.Test
    void aRefusalAfterAnsweredRequestsKeepsTheirOrder() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /hello HTTP/1.1\r\nHost: x\r\n folded\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(200);
            assertThat(raw.read().status()).isEqualTo(200);
            assertThat(raw.read().status()).isEqualTo(400);
            assertThat(raw.closedByServer()).isTrue();
        }
    }
}
