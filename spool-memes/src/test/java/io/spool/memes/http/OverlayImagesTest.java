package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.spool.memes.render.RendererConfig;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * memegen's custom overlays: {@code ?style=URL} pastes the picture at the URL (fetched from a loopback server
 * through the remote-image path, let through by the test-only loopback permission) into each overlay area of a
 * template, under the text, by the area's centre, scale and angle; refused on a template without overlay areas
 * and when remote images are off, while named styles keep working.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverlayImagesTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final IntPredicate RED = Http.near(255, 0, 0, 40);
    private static final IntPredicate GREEN = Http.near(0, 255, 0, 40);

    private HttpServer images;
    private String base;
    private MemesServer server;
    private MemesServer off;

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        images = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        serve("/red.png", FixtureCatalogue.png(FixtureCatalogue.solid(200, 200, Color.RED)));
        serve("/green.png", FixtureCatalogue.png(FixtureCatalogue.solid(200, 200, Color.GREEN)));
        serve("/words.png", "not a picture".getBytes(StandardCharsets.UTF_8));
        images.start();
        base = "http://127.0.0.1:" + images.getAddress().getPort();
        template(dir, "square", 0);
        template(dir, "turned", 30);
        FixtureCatalogue.writeImage(FixtureCatalogue.solid(400, 300, Color.BLUE), "png", dir.resolve("square/blue.png"));
        RemoteImageConfig remote = RemoteImageConfig.OFF.withHosts(List.of("127.0.0.1"))
                .withLimits(1 << 20, Duration.ofSeconds(2));
        MemesConfig config = MemesConfig.defaults().withAddress("127.0.0.1", 0).withRenderPool(1, 8)
                .withRenderer(RendererConfig.DEFAULT.withTemplatesDir(dir));
        server = MemesServer.start(config.withRemoteImages(remote.permittingForTests(Set.of(LOOPBACK))));
        off = MemesServer.start(config);
    }

    /** A grey 400×300 template with one overlay area in the middle, a quarter of the shorter side, at {@code angle}. */
    private static void template(Path dir, String name, int angle) throws IOException {
        Files.createDirectories(dir.resolve(name));
        Files.writeString(dir.resolve(name).resolve("config.yml"), """
                name: Overlay fixture
                source: generated for the tests (CC0)
                text:
                  - anchor_x: 0.0
                    anchor_y: 0.0
                    scale_x: 1.0
                    scale_y: 0.2
                example:
                  - hello
                overlay:
                  - center_x: 0.5
                    center_y: 0.5
                    angle: %d.0
                    scale: 0.25
                """.formatted(angle));
        FixtureCatalogue.writeImage(FixtureCatalogue.solid(400, 300, FixtureCatalogue.GREY), "png",
                dir.resolve(name).resolve("default.png"));
    }

    private void serve(String path, byte[] bytes) {
        images.createContext(path, x -> {
            x.getResponseHeaders().add("Content-Type", "image/png");
            x.sendResponseHeaders(200, bytes.length);
            x.getResponseBody().write(bytes);
            x.close();
        });
    }

    @AfterAll
    void stop() {
        server.stop(Duration.ofSeconds(2));
        off.stop(Duration.ofSeconds(2));
        images.stop(0);
    }

    private static HttpResponse<byte[]> get(MemesServer s, String template, String style) {
        return new Http(s).get("/images/" + template + ".png?style=" + Http.q(style));
    }

    private static BufferedImage ok(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        return Http.image(r.body());
    }

    @Test
    void pastesTheImageIntoTheOverlayArea() {
        BufferedImage out = ok(get(server, "square", base + "/red.png"));
        assertThat(out.getWidth()).isEqualTo(400);
        // the area: a 75-pixel square (0.25 × the shorter side) around the middle (200, 150)
        for (int[] p : new int[][] {{200, 150}, {166, 116}, {234, 184}, {166, 184}, {234, 116}}) {
            assertThat(RED.test(out.getRGB(p[0], p[1]))).as("red at %d,%d", p[0], p[1]).isTrue();
        }
        for (int[] p : new int[][] {{2, 2}, {397, 2}, {2, 297}, {397, 297}, {155, 150}, {245, 150}, {200, 105}}) {
            assertThat(RED.test(out.getRGB(p[0], p[1]))).as("not red at %d,%d", p[0], p[1]).isFalse();
        }
    }

    @Test
    void turnsTheImageByTheAreasAngle() {
        BufferedImage out = ok(get(server, "turned", base + "/red.png"));
        assertThat(RED.test(out.getRGB(200, 150))).isTrue();
        assertThat(RED.test(out.getRGB(200, 150 - 33))).as("inside the turned square").isTrue();
        // the unturned square's corner (about 48 px from the middle) lies outside the square turned by 30°
        assertThat(RED.test(out.getRGB(234, 116))).as("corner of the unturned square").isFalse();
        assertThat(RED.test(out.getRGB(2, 2))).isFalse();
        // 45 px out towards the unturned corner turned counter-clockwise by 30° (beyond an unturned square's edge,
        // and beyond a square turned the other way): inside the turned square, near its corner
        int x = (int) Math.round(200 + 45 * Math.cos(Math.toRadians(-45 - 30)));
        int y = (int) Math.round(150 + 45 * Math.sin(Math.toRadians(-45 - 30)));
        assertThat(RED.test(out.getRGB(x, y))).as("turned corner at %d,%d", x, y).isTrue();
        BufferedImage square = ok(get(server, "square", base + "/red.png"));
        assertThat(RED.test(square.getRGB(x, y))).as("not in the unturned square").isFalse();
    }

    @Test
    void theCacheKeyCarriesTheUrl() {
        assertThat(RED.test(ok(get(server, "square", base + "/red.png")).getRGB(200, 150))).isTrue();
        assertThat(GREEN.test(ok(get(server, "square", base + "/green.png")).getRGB(200, 150))).isTrue();
    }

    @Test
    void refusals() {
        ErrorStatusTest.expect(get(server, "chelsea", base + "/red.png"), 400, "no overlay areas");
        ErrorStatusTest.expect(get(server, "chelsea", base + "/red.png"), 400, "style");
        ErrorStatusTest.expect(get(off, "square", base + "/red.png"), 400, "style: remote images are off");
        ErrorStatusTest.expect(get(server, "square", base + "/red.png," + base + "/green.png"), 400, "1 overlay areas");
        ErrorStatusTest.expect(get(server, "square", base + "/words.png"), 422, "style");
        ErrorStatusTest.expect(get(server, "square", "ftp://127.0.0.1/red.png"), 400, "style");
    }

    @Test
    void namedStylesKeepWorking() {
        BufferedImage blue = ok(get(server, "square", "blue"));
        assertThat(Http.near(0, 0, 255, 40).test(blue.getRGB(200, 150))).isTrue();
        ErrorStatusTest.expect(get(server, "square", "nope"), 400, "has no style \"nope\"; it has default, blue");
    }
}
