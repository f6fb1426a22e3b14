package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 on the wire, over raw sockets: keep-alive, pipelining, chunking, 100-continue, gzip, limits. */
class ProtocolTest {
    static WebServer server;
    static final String BIG = "spool ".repeat(2000);

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .maxBodySize(1000)
                .maxHeaderSize(1024)
                .maxRequestLineLength(256)
                .get("/sleep/{ms}", ctx -> {
                    Thread.sleep(ctx.pathParamLong("ms"));
                    return "slept " + ctx.pathParam("ms");
                })
                .post("/echo", ctx -> ctx.bodyText())
                .get("/describe", ProtocolTest::describe)
                .post("/describe", ProtocolTest::describe)
                .get("/big", ctx -> BIG)
                .get("/broken", ctx -> new java.io.SequenceInputStream(new ByteArrayInputStream("partial".getBytes()),
                        new java.io.InputStream() {
                            @Override
                            public int read() throws java.io.IOException {
                                throw new java.io.IOException("disk gone");
                            }
                        }))
                .get("/stream", ctx -> new ByteArrayInputStream("0123456789".repeat(5000).getBytes()))
                .start(0);
    }

    static String describe(Context ctx) {
        return ctx.method() + " " + ctx.body().length + " " + ctx.header("Content-Length") + " "
                + ctx.header("Transfer-Encoding");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void keepAliveServesManyRequestsOnOneConnection() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            for (int i = 0; i < 3; i++) {
                raw.send("GET /sleep/" + i + " HTTP/1.1\r\nHost: x\r\n\r\n");
                Raw.Reply r = raw.read();
                assertThat(r.text()).isEqualTo("slept " + i);
                assertThat(r.header("Connection")).isNull();
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            // the first takes longest: answering in completion order would show
            raw.send("GET /sleep/150 HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /sleep/1 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("slept 150");
            assertThat(raw.read().text()).isEqualTo("hello");
            assertThat(raw.read().text()).isEqualTo("slept 1");
        }
    }

    /**
     * A request that announces no body skips the aggregator (which would add a "Content-Length: 0" of its own);
     * requests with bodies, fixed or chunked, before and after it on the same connection are assembled as usual.
     */
    @Test
    void requestsWithoutBodiesAndWithThemAlternateOnOneConnection() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /describe HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /describe HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                    + "GET /describe HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /describe HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nxyz\r\n0\r\n\r\n"
                    + "POST /describe HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"
                    + "GET /describe HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("GET 0 null null");
            assertThat(raw.read().text()).isEqualTo("GET 3 3 null");
            assertThat(raw.read().text()).isEqualTo("GET 0 null null");
            assertThat(raw.read().text()).startsWith("POST 3 ");
            assertThat(raw.read().text()).isEqualTo("POST 0 0 null");
            assertThat(raw.read().text()).isEqualTo("GET 0 null null");
        }
    }

    @Test
    void chunkedRequestBodyIsAssembled() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.text()).isEqualTo("hello world");
        }
    }

    @Test
    void streamedResponseIsChunked() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(r.header("Content-Length")).isNull();
            assertThat(r.text()).isEqualTo("0123456789".repeat(5000));
            raw.send("GET /sleep/0 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("slept 0");   // still kept alive after the last chunk
        }
    }

    @Test
    void streamThatFailsMidwayCutsTheConnectionWithoutTheLastChunk() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /broken HTTP/1.1\r\nHost: x\r\n\r\n");
            String all = new String(raw.socket.getInputStream().readAllBytes());
            assertThat(all).startsWith("HTTP/1.1 200").containsIgnoringCase("Transfer-Encoding: chunked").contains("partial")
                    .doesNotEndWith("0\r\n\r\n");
        }
        assertThat(Http.get(server, "/sleep/0").body()).isEqualTo("slept 0");
    }

    @Test
    void expectContinueGetsA100BeforeTheBody() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
            Raw.Reply cont = raw.read();
            assertThat(cont.status()).isEqualTo(100);
            raw.send("ping");
            assertThat(raw.read().text()).isEqualTo("ping");
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(413);   // refused before the body is sent
        }
    }

    @Test
    void gzipWhenAsked() throws Exception {
        HttpResponse<byte[]> gz = Http.CLIENT.send(HttpRequest.newBuilder(Http.uri(server, "/big"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.body().length).isLessThan(BIG.length() / 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new GZIPInputStream(new ByteArrayInputStream(gz.body())).transferTo(out);
        assertThat(out.toString()).isEqualTo(BIG);

        var plain = Http.get(server, "/big");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(BIG);
    }

    @Test
    void aHeadAnswerAnnouncesNoLengthItsGetWouldNotHaveSent() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
            Raw.Reply get = raw.read();
            assertThat(get.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(get.header("Content-Length")).isNotEqualTo(Integer.toString(BIG.length()));
            raw.send("HEAD /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
            Raw.Reply head = raw.read(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("Content-Length")).isNull();   // the GET's (compressed) length is not known here
            raw.send("HEAD /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip;q=0, identity\r\n\r\n");
            assertThat(raw.read(true).header("Content-Length")).isEqualTo(Integer.toString(BIG.length()));
            raw.send("HEAD /big HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read(true).header("Content-Length")).isEqualTo(Integer.toString(BIG.length()));
            raw.send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo(BIG);
        }
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1001\r\n\r\n" + "x".repeat(1001));
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(r.text()).isEqualTo("{\"error\":\"request body larger than 1000 bytes\"}");
            assertThat(r.header("Connection")).isEqualTo("close");
        }
        try (Raw raw = new Raw(server.port())) {   // chunked bodies are counted too
            raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3e8\r\n" + "y".repeat(1000) + "\r\n1\r\nz\r\n0\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(413);
        }
    }

    /**
     * A client still sending a large body when the 413 goes out must be able to read it: closing a socket with
     * unread input makes the kernel reset the connection, which can destroy the answer in the client's buffer.
     */
    @Test
    void a413ReachesAClientStillSendingItsBody() throws Exception {
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Raw raw = new Raw(server.port())) {
                raw.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n");
                String chunk = "b".repeat(64 * 1024);
                long until = System.nanoTime() + 300_000_000L;
                try {
                    while (System.nanoTime() < until) {
                        raw.send(chunk);
                    }
                } catch (java.io.IOException stopped) {
                    // the server stopped reading: fine, the answer must still be readable
                }
                assertThat(raw.read().status()).isEqualTo(413);
            }
        }
        for (int attempt = 0; attempt < 20; attempt++) {   // the JDK client too, which sends before it reads
            var r = Http.send(server, "POST", "/echo", "c".repeat(attempt % 2 == 0 ? 70_000 : 3_000_000));
            assertThat(r.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void oversizedHeadersAre431AndLongLines414() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /sleep/0 HTTP/1.1\r\nHost: x\r\nX-Big: " + "h".repeat(2000) + "\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(431);
            assertThat(r.text()).contains("request header fields too large");
            assertThat(raw.closedByServer()).isTrue();
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /" + "a".repeat(300) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(414);
        }
    }

    @Test
    void malformedRequestIsAClear400() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /sleep/0 HTTP/1.1\r\nHost: x\r\nContent-Length: banana\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.text()).startsWith("{\"error\":\"malformed request");
            assertThat(raw.closedByServer()).isTrue();
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("\u0001\u0002 garbage\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(400);
        }
        assertThat(Http.get(server, "/sleep/0").statusCode()).isEqualTo(200);
    }

    @Test
    void connectionCloseAndHttp10AreHonoured() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /sleep/0 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).isTrue();
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /sleep/0 HTTP/1.0\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("slept 0");
            assertThat(raw.closedByServer()).isTrue();
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /sleep/0 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertThat(raw.read().header("Connection")).isEqualTo("keep-alive");
            raw.send("GET /sleep/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            assertThat(raw.read().text()).isEqualTo("slept 1");
        }
    }
}
