package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bring your own image: {@code ?background=URL} against a loopback image server (the only address any test
 * connects to; loopback is let through by a test-only permission, and refused without it), with redirects to
 * private, metadata and IPv6 loopback addresses refused before any connection, a body too large and a server that
 * never answers cut off, the cache by URL; and a picture sent in a multipart {@code POST /caption} or memegen's
 * {@code POST /images}, through the same limits as uploads.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackgroundImagesTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private final AtomicInteger catHits = new AtomicInteger();
    private final List<Socket> silent = new CopyOnWriteArrayList<>();
    private HttpServer images;
    private ServerSocket never;
    private String base;
    private MemesServer permitted;
    private MemesServer strict;
    private MemesServer off;

    @BeforeAll
    void start() throws IOException {
        images = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        byte[] cat = TemplateUploadTest.png(120, 90);
        images.createContext("/cat.png", x -> {
            catHits.incrementAndGet();
            x.getResponseHeaders().add("Content-Type", "image/png");
            x.sendResponseHeaders(200, cat.length);
            x.getResponseBody().write(cat);
            x.close();
        });
        redirect("/to-cat", "/cat.png");
        redirect("/to-private", "http://10.0.0.1/cat.png");
        redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
        redirect("/to-v6-loopback", "http://[::1]:" + images.getAddress().getPort() + "/cat.png");
        redirect("/loop", "/loop");
        images.createContext("/huge", x -> {
            x.sendResponseHeaders(200, 50L << 20);   // says 50 MiB: refused from the header
            try (OutputStream out = x.getResponseBody()) {
                for (int i = 0; i < 800; i++) {
                    out.write(new byte[64 * 1024]);
                    out.flush();
                }
            } catch (IOException e) {
                // the fetcher hung up after the head
            }
        });
        images.createContext("/endless", x -> {
            x.sendResponseHeaders(200, 0);   // chunked, no length: cut off at the cap
            try (OutputStream out = x.getResponseBody()) {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 64; i++) {
                    out.write(block);
                }
            } catch (IOException e) {
                // the fetcher hung up at its cap
            }
        });
        images.start();
        base = "http://127.0.0.1:" + images.getAddress().getPort();
        never = new ServerSocket(0, 50, LOOPBACK);
        Thread.ofVirtual().start(() -> {
            try {
                while (true) {
                    silent.add(never.accept());   // accepted, never answered
                }
            } catch (IOException e) {
                // closed
            }
        });
        RemoteImageConfig remote = RemoteImageConfig.OFF
                .withHosts(List.of("127.0.0.1", "10.0.0.1", "169.254.169.254", "::1", "localhost"))
                .withLimits(1 << 20, Duration.ofSeconds(1));
        MemesConfig config = MemesConfig.defaults().withAddress("127.0.0.1", 0).withRenderPool(1, 8)
                .withMaxUploadBytes(2 << 20);
        permitted = MemesServer.start(config.withRemoteImages(remote.permittingForTests(Set.of(LOOPBACK))));
        strict = MemesServer.start(config.withRemoteImages(remote));
        off = MemesServer.start(config);
    }

    private void redirect(String path, String location) {
        images.createContext(path, x -> {
            x.getResponseHeaders().add("Location", location);
            x.sendResponseHeaders(302, -1);
            x.close();
        });
    }

    @AfterAll
    void stop() throws IOException {
        for (MemesServer s : new MemesServer[] {permitted, strict, off}) {
            s.stop(Duration.ofSeconds(2));
        }
        images.stop(0);
        never.close();
        for (Socket s : silent) {
            s.close();
        }
    }

    private static HttpResponse<byte[]> background(MemesServer server, String url) {
        return new Http(server).get("/images/custom/hello.png?background=" + Http.q(url));
    }

    @Test
    void offByDefault() {
        ErrorStatusTest.expect(background(off, base + "/cat.png"), 400, "--remote-images");
        assertThat(off.remoteImages().connections).isEmpty();
    }

    @Test
    void fetchesFromAnAllowedHostAndCachesByUrl() {
        int before = catHits.get();
        HttpResponse<byte[]> r = background(permitted, base + "/cat.png");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(Http.image(r.body()).getWidth()).isEqualTo(120);
        assertThat(new Http(permitted).get("/caption?template=chelsea&top_text=again&background="
                + Http.q(base + "/cat.png")).statusCode()).isEqualTo(200);
        assertThat(catHits.get() - before).as("the second request used the cached image").isEqualTo(1);
        assertThat(Http.image(background(permitted, base + "/to-cat").body()).getWidth()).isEqualTo(120);
    }

    @Test
    void loopbackIsRefusedWithoutTheTestPermissionAfterResolvingTheName() {
        int before = catHits.get();
        ErrorStatusTest.expect(background(strict, base + "/cat.png"), 400, "loopback");
        ErrorStatusTest.expect(background(strict, "http://localhost:" + images.getAddress().getPort() + "/cat.png"),
                400, "loopback");
        ErrorStatusTest.expect(background(strict, "http://127.0.0.2:" + images.getAddress().getPort() + "/cat.png"),
                400, "not among the hosts");
        assertThat(strict.remoteImages().connections).isEmpty();
        assertThat(catHits.get()).isEqualTo(before);
    }

    @Test
    void redirectsToForbiddenAddressesAreRefusedBeforeConnecting() {
        ErrorStatusTest.expect(background(permitted, base + "/to-private"), 400, "10.0.0.1, a private address");
        ErrorStatusTest.expect(background(permitted, base + "/to-metadata"), 400, "cloud metadata");
        ErrorStatusTest.expect(background(permitted, base + "/to-v6-loopback"), 400, "::1");
        ErrorStatusTest.expect(background(permitted, "http://169.254.169.254/latest/meta-data/"), 400, "metadata");
        ErrorStatusTest.expect(background(permitted, base + "/loop"), 502, "redirects");
        assertThat(permitted.remoteImages().connections)
                .allSatisfy(a -> assertThat(a.getAddress()).isEqualTo(LOOPBACK));
    }

    @Test
    void oversizeAndSlowBodiesAreCutOff() {
        ErrorStatusTest.expect(background(permitted, base + "/huge"), 413, "larger than 1048576");
        ErrorStatusTest.expect(background(permitted, base + "/endless"), 413, "larger than 1048576");
        long started = System.nanoTime();
        ErrorStatusTest.expect(background(permitted, "http://127.0.0.1:" + never.getLocalPort() + "/slow.png"), 504,
                "within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void unsupportedSchemesAndParameters() {
        ErrorStatusTest.expect(background(permitted, "file:///etc/passwd"), 400, "http://");
        ErrorStatusTest.expect(background(permitted, "http://user:pw@127.0.0.1/cat.png"), 400, "user info");
        ErrorStatusTest.expect(new Http(permitted).get("/images/chelsea/a.png?overlay=x"), 400, "overlay");
    }

    @Test
    void multipartCaptionAndMemegenPostImages() throws Exception {
        var body = new TemplateUploadTest.Multipart().field("top_text", "mine").field("format", "png")
                .file("image", "me.png", "image/png", TemplateUploadTest.png(80, 60));
        HttpResponse<byte[]> r = TemplateUploadTest.send(off, "POST", "/caption", body.contentType(), body.bytes(), null);
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(Http.image(r.body()).getWidth()).isEqualTo(80);
        var memegen = new TemplateUploadTest.Multipart().field("text_lines", "one").field("text_lines", "two")
                .field("extension", "jpg").file("image", "me.png", "image/png", TemplateUploadTest.png(50, 40));
        HttpResponse<byte[]> m = TemplateUploadTest.send(off, "POST", "/images", memegen.contentType(), memegen.bytes(), null);
        assertThat(m.statusCode()).as(Http.text(m)).isEqualTo(200);
        assertThat(m.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(new Http(off).postJson("/images", "{\"template_id\":\"chelsea\",\"text_lines\":[\"a\",\"b\"]}")
                .statusCode()).isEqualTo(200);
        ErrorStatusTest.expect(new Http(off).postJson("/images", "{\"template_id\":\"chelsea\",\"redirect\":true}"),
                400, "redirect");
        var frames = new TemplateUploadTest.Multipart().field("top_text", "x")
                .file("image", "many.gif", "image/gif", TemplateUploadTest.gif(500));
        ErrorStatusTest.expect(TemplateUploadTest.send(off, "POST", "/caption", frames.contentType(), frames.bytes(), null),
                413, "500 frames");
        var bomb = new TemplateUploadTest.Multipart().field("top_text", "x")
                .file("image", "bomb.png", "image/png", io.spool.memes.render.TestImages.pngHeaderOnly(100_000, 100_000));
        ErrorStatusTest.expect(TemplateUploadTest.send(off, "POST", "/caption", bomb.contentType(), bomb.bytes(), null),
                413, "pixels");
        var big = new TemplateUploadTest.Multipart().field("top_text", "x")
                .file("image", "big.png", "image/png", new byte[(2 << 20) + 1]);
        assertThat(TemplateUploadTest.send(off, "POST", "/caption", big.contentType(), big.bytes(), null).statusCode())
                .isEqualTo(413);
        var typo = new TemplateUploadTest.Multipart().field("top_txt", "x")
                .file("image", "me.png", "image/png", TemplateUploadTest.png(20, 20));
        ErrorStatusTest.expect(TemplateUploadTest.send(off, "POST", "/caption", typo.contentType(), typo.bytes(), null),
                400, "top_txt");
    }
}
