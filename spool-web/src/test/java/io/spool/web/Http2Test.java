package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 over TLS (ALPN) and over cleartext with prior knowledge, with the same handlers and filters as
 * HTTP/1.1; PEM and PKCS#12 keys; HTTP/1.1 on the same ports.
 */
class Http2Test {
    static Path resource(String name) throws Exception {
        return Path.of(Http2Test.class.getResource("/tls/" + name).toURI());
    }

    static WebApp app() {
        return WebApp.create()
                .before(ctx -> ctx.path().startsWith("/admin") ? Response.error(401, "admins only") : null)
                .get("/hello", ctx -> "hello " + (Thread.currentThread().isVirtual() ? "virtual" : "platform"))
                .post("/echo", ctx -> "echo " + ctx.bodyText())
                .streaming("POST", "/upload", ctx -> "streamed " + ctx.bodyStream().transferTo(
                        java.io.OutputStream.nullOutputStream()))
                .maxBodySize(1000)
                .get("/admin/x", ctx -> "secret");
    }

    static HttpClient client(HttpClient.Version version) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Http2Test.class.getResourceAsStream("/tls/cert.pem")) {
            trust.setCertificateEntry("spool", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).version(version).build();
    }

    static HttpResponse<String> get(HttpClient client, int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tlsWithAlpnServesHttp2AndHttp11OnOnePort() throws Exception {
        try (WebServer server = app().start("127.0.0.1", 0, Tls.pem(resource("cert.pem"), resource("key.pem")));
             HttpClient h2 = client(HttpClient.Version.HTTP_2); HttpClient h1 = client(HttpClient.Version.HTTP_1_1)) {
            HttpResponse<String> r = get(h2, server.port(), "/hello");
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(r.body()).isEqualTo("hello virtual");
            assertThat(get(h2, server.port(), "/%61dmin/x").statusCode()).isEqualTo(401);
            HttpResponse<String> posted = h2.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                    + server.port() + "/echo")).POST(HttpRequest.BodyPublishers.ofString("x".repeat(900))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(posted.body()).hasSize(905);
            HttpResponse<String> old = get(h1, server.port(), "/hello");
            assertThat(old.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(old.body()).isEqualTo("hello virtual");
        }
    }

    @Test
    void manyConcurrentStreamsShareOneConnection() throws Exception {
        try (WebServer server = app().start("127.0.0.1", 0, Tls.pem(resource("cert.pem"), resource("key.pem")));
             HttpClient h2 = client(HttpClient.Version.HTTP_2)) {
            get(h2, server.port(), "/hello");   // one connection, made first
            for (int batch = 0; batch < 3; batch++) {   // 90 streams at once: within the 100 the server allows
                List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
                for (int i = 0; i < 90; i++) {
                    all.add(h2.sendAsync(HttpRequest.newBuilder(URI.create("https://localhost:" + server.port()
                            + "/hello")).build(), HttpResponse.BodyHandlers.ofString()));
                }
                for (CompletableFuture<HttpResponse<String>> f : all) {
                    assertThat(f.get().body()).isEqualTo("hello virtual");
                    assertThat(f.get().version()).isEqualTo(HttpClient.Version.HTTP_2);
                }
            }
            for (int i = 0; i < 50 && server.openConnections() > 1; i++) {
                Thread.sleep(50);   // a stream's channel closes once both ends have ended it
            }
            assertThat(server.openConnections()).as("every stream's channel closed").isLessThanOrEqualTo(1);
        }
    }

    @Test
    void aPkcs12KeystoreAndHttp1OnlyWork() throws Exception {
        Tls tls = Tls.pkcs12(resource("keystore.p12"), "changeit".toCharArray()).http1Only();
        try (WebServer server = app().start("127.0.0.1", 0, tls); HttpClient h2 = client(HttpClient.Version.HTTP_2)) {
            HttpResponse<String> r = get(h2, server.port(), "/hello");
            assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);   // ALPN offered no h2
            assertThat(r.body()).isEqualTo("hello virtual");
        }
    }

    @Test
    void cleartextPriorKnowledgeAndHttp11ShareAPort() throws Exception {
        try (WebServer server = app().http2Cleartext(true, 100).start("127.0.0.1", 0);
             H2cClient h2c = new H2cClient(server.port())) {
            FullHttpResponse r = h2c.send(request(HttpMethod.GET, "/hello", null));
            try {
                assertThat(r.status().code()).isEqualTo(200);
                assertThat(r.content().toString(StandardCharsets.UTF_8)).isEqualTo("hello virtual");
            } finally {
                r.release();
            }
            FullHttpResponse echoed = h2c.send(request(HttpMethod.POST, "/echo", "over h2c"));
            try {
                assertThat(echoed.content().toString(StandardCharsets.UTF_8)).isEqualTo("echo over h2c");
            } finally {
                echoed.release();
            }
            FullHttpResponse upload = h2c.send(request(HttpMethod.POST, "/upload", "u".repeat(3_000_000)));
            try {   // past the gathering limit: streamed, as over HTTP/1.1
                assertThat(upload.content().toString(StandardCharsets.UTF_8)).isEqualTo("streamed 3000000");
            } finally {
                upload.release();
            }
            FullHttpResponse tooBig = h2c.send(request(HttpMethod.POST, "/echo", "e".repeat(2000)));
            try {
                assertThat(tooBig.status().code()).isEqualTo(413);
            } finally {
                tooBig.release();
            }
            FullHttpResponse refused = h2c.send(request(HttpMethod.GET, "/a%2Fb", null));
            try {
                assertThat(refused.status().code()).isEqualTo(400);
            } finally {
                refused.release();
            }
            try (Raw raw = new Raw(server.port())) {
                raw.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(raw.read().text()).isEqualTo("hello virtual");
            }
        }
    }

    @Test
    void withoutCleartextHttp2ThePrefaceIsRefusedAsHttp11() throws Exception {
        try (WebServer server = app().start("127.0.0.1", 0); Raw raw = new Raw(server.port())) {
            raw.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(505);
        }
    }

    static DefaultFullHttpRequest request(HttpMethod method, String path, String body) {
        DefaultFullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, path,
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set("host", "localhost").set("x-http2-scheme", "http");
        return r;
    }
}
