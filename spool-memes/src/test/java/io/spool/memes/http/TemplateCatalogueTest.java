package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.spool.memes.render.ImageDecoder;
import io.spool.memes.render.Picture;
import io.spool.memes.render.RenderLimits;
import io.spool.memes.render.RendererConfig;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --templates-dir} in memegen's layout ({@link FixtureCatalogue}) served by a real server: metadata and
 * search, captions filling the boxes in order (colour, alignment, letter case, rotation, animation windows), styles,
 * and the directory watched while the server runs (a template added, changed and deleted on disk).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateCatalogueTest {
    private static final IntPredicate WHITE = Http.near(255, 255, 255, 40);
    private static final IntPredicate YELLOW = Http.near(255, 255, 0, 60);
    private static final IntPredicate DARK = Http.near(0, 0, 0, 90);

    private Path dir;
    private MemesServer server;
    private Http http;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        dir = FixtureCatalogue.write(temp);
        server = MemesServer.start(MemesConfig.defaults().withAddress("127.0.0.1", 0).withRenderPool(2, 16)
                .withRenderer(RendererConfig.DEFAULT.withTemplatesDir(dir)));
        http = new Http(server);
    }

    @AfterAll
    void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    @Test
    void listsBothLayoutsWithMetadataAndSearch() {
        assertThat(Http.text(http.get("/templates"))).contains("\"flat\"", "\"moving\"", "\"plain\"", "\"tilted\"",
                "\"twobox\"", "\"chelsea\"");
        JsonNode found = Http.json(http.get("/templates?details&filter=COMPARE"));
        assertThat(found.size()).isEqualTo(1);
        JsonNode twobox = found.get(0);
        assertThat(twobox.path("name").asText()).isEqualTo("twobox");
        assertThat(twobox.path("title").asText()).isEqualTo("Two boxes");
        assertThat(twobox.path("width").asInt()).isEqualTo(400);
        assertThat(twobox.path("frames").asInt()).isEqualTo(1);
        assertThat(twobox.path("boxes").size()).isEqualTo(2);
        assertThat(twobox.path("boxes").get(1).path("anchor_y").asDouble()).isEqualTo(0.55);
        assertThat(twobox.path("boxes").get(1).path("color").asText()).isEqualTo("#ffff00");
        assertThat(twobox.path("styles").toString()).isEqualTo("[\"red\"]");
        assertThat(twobox.path("overlays").size()).isEqualTo(1);
        assertThat(twobox.path("keywords").toString()).isEqualTo("[\"choice\",\"compare\"]");
        assertThat(twobox.path("source").asText()).contains("CC0");
        JsonNode moving = Http.json(http.get("/templates/moving.json"));
        assertThat(moving.path("frames").asInt()).isGreaterThan(1);
        assertThat(moving.path("format").asText()).isEqualTo("gif");
        assertThat(moving.path("keywords").size()).isZero();   // memegen's "keywords:\n  -"
        JsonNode plain = Http.json(http.get("/templates/plain", "Accept", "application/json"));
        assertThat(plain.path("boxes").size()).as("memegen's default boxes").isEqualTo(2);
        assertThat(Http.json(http.get("/templates/flat.json")).path("boxes").size()).isZero();
        HttpResponse<byte[]> picture = http.get("/templates/twobox");
        assertThat(picture.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(Http.image(picture.body()).getWidth()).isEqualTo(400);
        ErrorStatusTest.expect(http.get("/templates?search=x"), 400, "search");
        ErrorStatusTest.expect(http.get("/templates/twobox?style=red"), 400, "style");
        ErrorStatusTest.expect(http.get("/templates/twobox.webm"), 400, ".webm");
    }

    @Test
    void captionsFillTheBoxesInOrder() {
        BufferedImage image = Http.image(ok(http.get("/images/twobox/aaa/bbb.png")).body());
        // box 0: right half, top; box 1: right half, bottom, yellow; the left half stays the background
        assertThat(countIn(image, new Rectangle(200, 15, 180, 120), WHITE)).isGreaterThan(100);
        assertThat(countIn(image, new Rectangle(200, 165, 180, 120), YELLOW)).isGreaterThan(100);
        assertThat(countIn(image, new Rectangle(0, 0, 190, 300), WHITE.or(YELLOW))).isZero();
        // a request's own colour wins over the box's
        BufferedImage green = Http.image(ok(http.get("/images/twobox/aaa/bbb.png?color=00ff00")).body());
        assertThat(countIn(green, new Rectangle(200, 165, 180, 120), YELLOW)).isZero();
        ErrorStatusTest.expect(http.get("/caption?template=twobox&captions[0][text]=a&captions[1][text]=b"
                .replace("[", "%5B").replace("]", "%5D") + "&captions%5B2%5D%5Btext%5D=c"), 400, "2 text boxes");
    }

    @Test
    void aBoxAngleTurnsTheText() throws Exception {
        Path level = dir.resolve("level");
        Files.createDirectories(level);
        Files.writeString(level.resolve("config.yml"), Files.readString(dir.resolve("tilted/config.yml"))
                .replace("angle: 20", "angle: 0"));
        Files.copy(dir.resolve("tilted/default.png"), level.resolve("default.png"));
        waitFor(() -> http.get("/templates/level.json").statusCode() == 200);
        Rectangle flat = inkBounds(Http.image(ok(http.get("/images/level/a_wide_line_of_text.png")).body()));
        Rectangle turned = inkBounds(Http.image(ok(http.get("/images/tilted/a_wide_line_of_text.png")).body()));
        assertThat(flat.width).isGreaterThan(150);
        assertThat(turned.height).as("20° turns a wide line into a taller one").isGreaterThan(flat.height * 3 / 2);
        // counter-clockwise, as memegen turns it: the line's right end is higher than its left end
        BufferedImage image = Http.image(http.get("/images/tilted/a_wide_line_of_text.png").body());
        assertThat(inkBounds(image, new Rectangle(turned.x + turned.width - 40, 0, 40, 300)).y)
                .isLessThan(inkBounds(image, new Rectangle(turned.x, 0, 40, 300)).y);
    }

    @Test
    void stylesSelectAlternatePictures() {
        BufferedImage red = Http.image(ok(http.get("/images/twobox/a.png?style=red")).body());
        assertThat(Http.near(150, 20, 20, 12).test(red.getRGB(10, 10))).isTrue();
        BufferedImage navy = Http.image(ok(http.get("/images/twobox/a.png")).body());
        assertThat(Http.near(20, 30, 90, 12).test(navy.getRGB(10, 10))).isTrue();
        ErrorStatusTest.expect(http.get("/images/twobox/a.png?style=blue"), 400, "style");
        ErrorStatusTest.expect(http.get("/caption?template=chelsea&top_text=a&style=maga"), 400, "style");
    }

    @Test
    void animatedBackgroundShowsEachBoxInItsPartOfTheFrames() {
        byte[] gif = ok(http.get("/images/moving/first/second.gif")).body();
        Picture picture = ImageDecoder.decode(gif, RenderLimits.DEFAULT);
        int frames = picture.frames().size();
        assertThat(frames).isGreaterThan(3);
        BufferedImage first = picture.frames().getFirst().image();
        BufferedImage last = picture.frames().getLast().image();
        int h = picture.height();
        Predicate<BufferedImage> topText = f -> countIn(f, new Rectangle(0, 0, f.getWidth(), h / 4), WHITE) > 50;
        Predicate<BufferedImage> bottomText = f -> countIn(f, new Rectangle(0, h * 3 / 4, f.getWidth(), h / 4), WHITE) > 50;
        assertThat(topText.test(first)).isTrue();
        assertThat(bottomText.test(first)).isFalse();
        assertThat(topText.test(last)).isFalse();
        assertThat(bottomText.test(last)).isTrue();
    }

    @Test
    void theDirectoryIsWatched() throws Exception {
        assertThat(http.get("/templates/fresh").statusCode()).isEqualTo(404);
        Path fresh = dir.resolve("fresh");
        Files.createDirectories(fresh);
        FixtureCatalogue.copyConfig("twobox", fresh.resolve("config.yml"));
        FixtureCatalogue.writeImage(FixtureCatalogue.solid(120, 80, FixtureCatalogue.RED), "png", fresh.resolve("default.png"));
        waitFor(() -> http.get("/templates/fresh").statusCode() == 200);
        assertThat(pixel("/images/fresh.png")).matches(c -> Http.near(150, 20, 20, 12).test(c));
        // changed: the next render uses the new picture (the decoded one is keyed by the file's version)
        FixtureCatalogue.writeImage(FixtureCatalogue.solid(120, 80, FixtureCatalogue.GREY), "png", fresh.resolve("default.png"));
        waitFor(() -> Http.near(220, 220, 220, 12).test(pixel("/images/fresh.png")));
        // a flat file appears and goes
        FixtureCatalogue.writeImage(FixtureCatalogue.solid(50, 50, FixtureCatalogue.NAVY), "png", dir.resolve("dropped.png"));
        waitFor(() -> http.get("/templates/dropped").statusCode() == 200);
        Files.delete(dir.resolve("dropped.png"));
        waitFor(() -> http.get("/images/dropped.png").statusCode() == 404);
        // deleted folder: 404, never a 500
        Files.delete(fresh.resolve("default.png"));
        Files.delete(fresh.resolve("config.yml"));
        Files.delete(fresh);
        waitFor(() -> http.get("/images/fresh/x.png").statusCode() == 404);
        ErrorStatusTest.expect(http.get("/templates/fresh"), 404, "no template");
    }

    @Test
    void aBrokenConfigLeavesOnlyThatTemplateOut() throws Exception {
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("config.yml"), "text:\n  - anchor_x: left\n");
        FixtureCatalogue.writeImage(FixtureCatalogue.solid(50, 50, FixtureCatalogue.NAVY), "png", broken.resolve("default.png"));
        Files.writeString(broken.resolve("config.yml"), "text:\n  - anchor_x: 0.1\n    anchr_y: 0.2\n");
        long before = System.nanoTime();
        Thread.sleep(3 * 150 + 200);
        assertThat(http.get("/templates/broken").statusCode()).isEqualTo(404);
        Files.writeString(broken.resolve("config.yml"), "text:\n  - anchor_x: 0.1\n");
        waitFor(() -> http.get("/templates/broken").statusCode() == 200);
        assertThat(System.nanoTime() - before).isPositive();
    }

    private int pixel(String path) {
        return Http.image(ok(http.get(path)).body()).getRGB(5, 5);
    }

    private static HttpResponse<byte[]> ok(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).as(r.statusCode() == 200 ? "" : Http.text(r)).isEqualTo(200);
        return r;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s for the change to show").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static int countIn(BufferedImage image, Rectangle r, IntPredicate test) {
        int n = 0;
        for (int y = Math.max(0, r.y); y < Math.min(image.getHeight(), r.y + r.height); y++) {
            for (int x = Math.max(0, r.x); x < Math.min(image.getWidth(), r.x + r.width); x++) {
                if (test.test(image.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Rectangle inkBounds(BufferedImage image) {
        return inkBounds(image, new Rectangle(0, 0, image.getWidth(), image.getHeight()));
    }

    /** The bounds of the dark pixels inside {@code area}. */
    private static Rectangle inkBounds(BufferedImage image, Rectangle area) {
        Rectangle bounds = null;
        for (int y = Math.max(0, area.y); y < Math.min(image.getHeight(), area.y + area.height); y++) {
            for (int x = Math.max(0, area.x); x < Math.min(image.getWidth(), area.x + area.width); x++) {
                if (DARK.test(image.getRGB(x, y))) {
                    bounds = bounds == null ? new Rectangle(x, y, 1, 1) : bounds.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        assertThat(bounds).as("ink in " + area).isNotNull();
        return bounds;
    }
}
