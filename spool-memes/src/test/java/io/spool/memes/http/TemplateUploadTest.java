package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Templates stored in PostgreSQL through the admin endpoints, with two service instances on one database (what
 * one stores the other serves, changes and deletions included), the bearer token (off: 403 saying how to turn it
 * on; wrong: 401), raw and multipart uploads with memegen metadata, and hand-made bad uploads: a decompression
 * bomb, a 500-frame GIF, a body past the upload limit, bytes that are no image.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateUploadTest {
    private static final String TOKEN = "s3cret-" + UUID.randomUUID();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private MemesServer one;
    private MemesServer two;
    private MemesServer locked;

    @BeforeAll
    void start(TestDatabase db) {
        MemesConfig config = MemesConfig.defaults().withAddress("127.0.0.1", 0).withRenderPool(1, 8)
                .withJobs(db.url(), 0).withAdminToken(TOKEN).withMaxUploadBytes(1 << 20);
        one = MemesServer.start(config);
        two = MemesServer.start(config);
        locked = MemesServer.start(config.withAdminToken(null));
    }

    /** The other tests share this database and list the templates: leave none behind. */
    @AfterAll
    void stop() throws Exception {
        for (String name : new String[] {"shared", "boxed"}) {
            send(one, "DELETE", "/templates/" + name, null, null, TOKEN);
        }
        assertThat(Http.json(new Http(one).get("/templates?details")).findValuesAsText("origin")).doesNotContain("database");
        for (MemesServer s : new MemesServer[] {one, two, locked}) {
            s.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void withoutATokenWritesAre403AndSayHowToEnableThem() throws Exception {
        HttpResponse<byte[]> r = send(locked, "POST", "/templates?name=nope", "image/png", png(10, 10), TOKEN);
        ErrorStatusTest.expect(r, 403, "--admin-token");
        assertThat(Http.text(r)).contains("SPOOL_MEMES_ADMIN_TOKEN");
        ErrorStatusTest.expect(send(locked, "DELETE", "/templates/chelsea", null, null, null), 403, "admin-token");
        ErrorStatusTest.expect(send(one, "POST", "/templates?name=nope", "image/png", png(10, 10), null), 401, "Bearer");
        ErrorStatusTest.expect(send(one, "POST", "/templates?name=nope", "image/png", png(10, 10), "wrong"), 401, "wrong");
        assertThat(new Http(one).get("/templates/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void oneInstanceStoresTheOtherServes() throws Exception {
        HttpResponse<byte[]> created = send(one, "POST", "/templates?name=shared&title=Shared&keywords=team,upload",
                "image/png", png(64, 48), TOKEN);
        assertThat(created.statusCode()).as(Http.text(created)).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/templates/shared");
        JsonNode meta = Http.json(created);
        assertThat(meta.path("width").asInt()).isEqualTo(64);
        assertThat(meta.path("origin").asText()).isEqualTo("database");
        ErrorStatusTest.expect(send(one, "POST", "/templates?name=shared", "image/png", png(8, 8), TOKEN), 409, "PUT");
        Http other = new Http(two);
        TemplateCatalogueTest.waitFor(() -> other.get("/templates/shared").statusCode() == 200);
        assertThat(Http.image(other.get("/templates/shared").body()).getWidth()).isEqualTo(64);
        assertThat(Http.json(other.get("/templates?details&filter=team")).get(0).path("title").asText()).isEqualTo("Shared");
        assertThat(Http.image(other.get("/images/shared/hello.png").body()).getHeight()).isEqualTo(48);
        // both instances name the image alike (the version and a content hash of the boxes), so caches agree
        assertThat(new Http(one).get("/images/shared/hello.png").headers().firstValue("ETag"))
                .isEqualTo(other.get("/images/shared/hello.png").headers().firstValue("ETag")).isPresent();
        // replaced on one: the other renders the new picture (its decoded copy is keyed by the version)
        assertThat(send(one, "PUT", "/templates/shared", "image/png", png(32, 20), TOKEN).statusCode()).isEqualTo(200);
        TemplateCatalogueTest.waitFor(() -> Http.image(other.get("/images/shared/hello.png").body()).getWidth() == 32);
        // deleted on two: one answers 404
        assertThat(send(two, "DELETE", "/templates/shared", null, null, TOKEN).statusCode()).isEqualTo(204);
        Http first = new Http(one);
        TemplateCatalogueTest.waitFor(() -> first.get("/images/shared/hello.png").statusCode() == 404);
        ErrorStatusTest.expect(send(one, "DELETE", "/templates/shared", null, null, TOKEN), 404, "no template");
        ErrorStatusTest.expect(send(one, "DELETE", "/templates/chelsea", null, null, TOKEN), 409, "bundled");
    }

    @Test
    void multipartUploadWithMemegenBoxes() throws Exception {
        String config = "name: Boxed\nkeywords: [multipart]\ntext:\n  - anchor_x: 0.5\n    anchor_y: 0.0\n"
                + "    scale_x: 0.5\n    scale_y: 0.5\n    color: yellow\n";
        Multipart body = new Multipart().field("name", "boxed").field("config", config)
                .file("image", "boxed.png", "image/png", png(200, 100));
        HttpResponse<byte[]> r = send(one, "POST", "/templates", body.contentType(), body.bytes(), TOKEN);
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(201);
        assertThat(Http.json(r).path("boxes").size()).isEqualTo(1);
        BufferedImage image = Http.image(new Http(one).get("/images/boxed/hi.png").body());
        assertThat(TemplateCatalogueTest.countIn(image, new java.awt.Rectangle(100, 0, 100, 50),
                Http.near(255, 255, 0, 60))).isGreaterThan(20);
        assertThat(TemplateCatalogueTest.countIn(image, new java.awt.Rectangle(0, 0, 95, 100),
                Http.near(255, 255, 0, 60))).isZero();
        Multipart typo = new Multipart().field("name", "typo").field("keywrds", "x")
                .file("image", "t.png", "image/png", png(20, 20));
        ErrorStatusTest.expect(send(one, "POST", "/templates", typo.contentType(), typo.bytes(), TOKEN), 400, "keywrds");
        Multipart badBox = new Multipart().field("name", "badbox").field("config", "text:\n  - anchor_x: far\n")
                .file("image", "t.png", "image/png", png(20, 20));
        ErrorStatusTest.expect(send(one, "POST", "/templates", badBox.contentType(), badBox.bytes(), TOKEN), 400, "anchor_x");
    }

    @Test
    void badUploadsAreRefusedWithoutDecoding() throws Exception {
        byte[] bomb = io.spool.memes.render.TestImages.pngHeaderOnly(100_000, 100_000);
        ErrorStatusTest.expect(send(one, "POST", "/templates?name=bomb", "image/png", bomb, TOKEN), 413, "100000×100000");
        ErrorStatusTest.expect(send(one, "POST", "/templates?name=frames", "image/gif", gif(500), TOKEN), 413, "500 frames");
        ErrorStatusTest.expect(send(one, "POST", "/templates?name=junk", "image/png",
                "not an image at all".getBytes(StandardCharsets.UTF_8), TOKEN), 422, "not a PNG");
        HttpResponse<byte[]> big = send(one, "POST", "/templates?name=big", "image/png", new byte[(1 << 20) + 10], TOKEN);
        assertThat(big.statusCode()).isEqualTo(413);
        ErrorStatusTest.expect(send(one, "POST", "/templates?name=Bad.Name", "image/png", png(8, 8), TOKEN), 400, "name");
        ErrorStatusTest.expect(send(one, "POST", "/templates?name=x&colour=red", "image/png", png(8, 8), TOKEN), 400, "colour");
        for (String name : new String[] {"bomb", "frames", "junk", "big"}) {
            assertThat(new Http(two).get("/templates/" + name).statusCode()).isEqualTo(404);
        }
    }

    static HttpResponse<byte[]> send(MemesServer server, String method, String path, String type, byte[] body,
                                     String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.uri() + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] png(int width, int height) {
        return FixtureCatalogue.png(FixtureCatalogue.solid(width, height, FixtureCatalogue.NAVY));
    }

    /** A GIF of {@code frames} 2×2 frames: a few kilobytes, too many frames. */
    static byte[] gif(int frames) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.prepareWriteSequence(null);
            BufferedImage frame = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_INDEXED);
            for (int i = 0; i < frames; i++) {
                writer.writeToSequence(new IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A multipart/form-data body, built by hand as a browser would send it. */
    static final class Multipart {
        private final String boundary = "spool" + UUID.randomUUID().toString().replace("-", "");
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.writeBytes(out.toByteArray());
            whole.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return whole.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
