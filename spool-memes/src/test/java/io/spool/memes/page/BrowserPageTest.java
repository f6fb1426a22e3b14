package io.spool.memes.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.embedded.junit.PostgresExtension;
import io.spool.embedded.junit.TestDatabase;
import io.spool.memes.http.MemesConfig;
import io.spool.memes.http.FixtureCatalogue;
import io.spool.memes.http.MemesServer;
import io.spool.memes.render.RendererConfig;
import io.spool.web.testing.Cdp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser page, end to end: the real service ({@link MemesServer}, jobs on the tests' PostgreSQL) on a free
 * port, driven by real headless Chromium over the DevTools protocol ({@link Cdp}). Chromium must be at
 * {@code /usr/bin/chromium} (or {@code -Dspool.chromium}); without it this test fails, it does not skip.
 */
@ExtendWith(PostgresExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90)
class BrowserPageTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("spool.chromium", "/usr/bin/chromium"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int WIDTH = 1200;
    private static final int HEIGHT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Dspool.screenshots=dir} keeps the screenshots the assertions look at, to see what they saw. */
    private static final String SCREENSHOTS = System.getProperty("spool.screenshots");

    private static final String TOKEN = "page-admin-token";
    private MemesServer server;
    private Path catalogue;
    private Cdp browser;
    private String base;
    private final List<String> requests = new CopyOnWriteArrayList<>();   // "GET /caption?..." as Chromium sent them

    /** Chromium starts while the database and the server do (the instance exists before {@code @BeforeAll}). */
    private final CompletableFuture<Cdp> launching = Files.isExecutable(CHROMIUM)
            ? CompletableFuture.supplyAsync(() -> {
                try {
                    return Cdp.launch(CHROMIUM, WIDTH, HEIGHT, Duration.ofSeconds(60));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })
            : CompletableFuture.failedFuture(new IllegalStateException("no Chromium at " + CHROMIUM));

    @BeforeAll
    void start(TestDatabase db) throws Exception {
        assertThat(CHROMIUM).as("headless Chromium is required for this test; install the Debian package"
                + " 'chromium' (apt-get install -y --no-install-recommends chromium)").isExecutable();
        catalogue = Files.createTempDirectory("spool-page-catalogue-");
        server = MemesServer.start(MemesConfig.defaults().withAddress("127.0.0.1", 0)
                .withTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(5))
                .withJobs(db.url(), 1)
                .withRenderer(RendererConfig.DEFAULT.withTemplatesDir(FixtureCatalogue.write(catalogue)))
                .withAdminToken(TOKEN));
        base = server.uri().toString();
        browser = launching.get(90, TimeUnit.SECONDS);
        browser.onEvent(event -> {
            if (event.path("method").asText().equals("Network.requestWillBeSent")) {
                JsonNode request = event.path("params").path("request");
                String url = request.path("url").asText();
                if (url.startsWith(base)) {
                    requests.add(request.path("method").asText() + " " + url.substring(base.length()));
                }
            }
        });
    }

    /** Runs even when {@code start} failed: whatever was started is stopped. */
    @AfterAll
    void stop() {
        try {
            Cdp cdp = launching.handle((started, error) -> started).get(90, TimeUnit.SECONDS);
            if (cdp != null) {
                cdp.close();
            }
        } catch (Exception e) {
            launching.thenAccept(Cdp::close);   // should it finish starting later
        } finally {
            if (server != null) {
                server.stop(Duration.ofSeconds(5));
            }
            try {
                if (catalogue != null) {
                    deleteTree(catalogue);
                }
            } catch (IOException e) {
                // a temporary directory left behind
            }
        }
    }

    @BeforeEach
    void openPage() {
        browser.call("Emulation.setDeviceMetricsOverride", Cdp.params()
                .put("width", WIDTH).put("height", HEIGHT).put("deviceScaleFactor", 1).put("mobile", false));
        browser.navigate(base + "/", WAIT);
        // the first template is selected and rendered on load
        waitForPreview("true");
        requests.clear();
    }

    @Test
    void galleryListsTheServersTemplatesAndSelectsWithTheKeyboard() throws Exception {
        List<String> names = new ArrayList<>();
        getJson("/templates").forEach(n -> names.add(n.asText()));
        assertThat(names).contains("chelsea");

        JsonNode ids = browser.eval("[...document.querySelectorAll('#gallery button.thumb')].map(b => b.id)");
        assertThat(ids).extracting(JsonNode::asText)
                .containsExactlyElementsOf(names.stream().map(n -> "template-" + n).toList());
        browser.waitFor("[...document.querySelectorAll('#gallery img')].every(i => i.complete && i.naturalWidth > 0)",
                WAIT, "[...document.querySelectorAll('#gallery img')].map(i => i.src + ':' + i.naturalWidth)");
        assertThat(browser.evalString("document.querySelector('#gallery [aria-pressed=true]').id"))
                .isEqualTo("template-" + names.get(0));

        browser.focus("#template-chelsea");
        browser.press("Enter", 13);
        waitForPreview("param('template') === 'chelsea'");
        assertThat(browser.evalString("document.querySelector('#gallery [aria-pressed=true]').id"))
                .isEqualTo("template-chelsea");
        assertThat(requests).anyMatch(r -> r.startsWith("GET /caption?template=chelsea"));
        shot(null);
    }

    @Test
    void typingCaptionsUpdatesThePreviewAndTheScreenshotShowsThem() {
        selectTemplate("chelsea");
        String before = browser.evalString("document.querySelector('#preview').src");
        BufferedImage bare = shot("#preview");
        assertNotBlank(bare);

        String top = "WHEN THE BUILD";
        for (int i = 0; i < top.length(); i++) {   // key by key, each an input event
            browser.type("#top-text", top.substring(i, i + 1));
        }
        browser.type("#bottom-text", "IS GREEN");
        waitForPreview("param('top_text') === '" + top + "' && param('bottom_text') === 'IS GREEN'");

        assertThat(browser.evalString("document.querySelector('#preview').src"))
                .startsWith("blob:").isNotEqualTo(before);
        assertThat(browser.eval("document.querySelector('#preview').naturalWidth").asInt()).isPositive();
        // debounced: far fewer requests than the 15 input events (a loaded machine may split the typing)
        assertThat(requests.stream().filter(r -> r.startsWith("GET /caption")).count()).isBetween(1L, 7L);

        BufferedImage captioned = shot("#preview");
        assertNotBlank(captioned);
        assertThat(captioned.getWidth()).isEqualTo(bare.getWidth());
        assertThat(captioned.getHeight()).isEqualTo(bare.getHeight());
        int area = bare.getWidth() * bare.getHeight();
        int newWhite = countChanged(bare, captioned, BrowserPageTest::white);
        int newBlack = countChanged(bare, captioned, BrowserPageTest::black);
        assertThat(newWhite).as("white caption pixels the bare template lacks").isGreaterThan(area / 200);
        assertThat(newBlack).as("black outline pixels the bare template lacks").isGreaterThan(area / 400);
        // captions sit at the top and the bottom, not in the middle third
        assertThat(countChanged(bare, captioned, BrowserPageTest::white, 0, bare.getHeight() / 3))
                .isGreaterThan(area / 600);
        assertThat(countChanged(bare, captioned, BrowserPageTest::white, 2 * bare.getHeight() / 3, bare.getHeight()))
                .isGreaterThan(area / 600);
    }

    @Test
    void alignmentAndColourChangeTheRequestAndTheImage() {
        selectTemplate("chelsea");
        browser.type("#top-text", "LEFT");
        waitForPreview("param('top_text') === 'LEFT' && param('top_align') === 'center'");
        BufferedImage centered = shot("#preview");

        setValue("#top-align", "left");
        waitForPreview("param('top_align') === 'left'");
        BufferedImage left = shot("#preview");
        int w = left.getWidth();
        int band = left.getHeight() / 4;
        // the caption moved left: white text where the left third had none
        assertThat(countChanged(centered, left, BrowserPageTest::white, 0, band, 0, w / 3))
                .as("new white pixels in the top left").isGreaterThan(w * band / 300);

        setValue("#color", "#ff0000");
        waitForPreview("param('color') === '#ff0000'");
        BufferedImage red = shot("#preview");
        assertThat(countChanged(left, red, BrowserPageTest::red)).as("red caption pixels").isGreaterThan(w * band / 100);

        browser.eval("document.querySelector('#no-outline').click()");
        waitForPreview("param('outline') === 'none'");
        setValue("#size", "px");
        browser.eval("(() => { const e = document.querySelector('#size-px'); e.value = '30';"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); })()");
        waitForPreview("param('size') === '30'");
    }

    @Test
    void aServerErrorShowsInThePage() {
        browser.type("#top-text", "x".repeat(300));
        browser.waitFor("!document.querySelector('#error').hidden", WAIT, "document.querySelector('#error').outerHTML");
        String error = browser.evalString("document.querySelector('#error').textContent");
        assertThat(error).contains("300").contains("256").contains("400");
        assertThat(browser.evalString("document.querySelector('#error').getAttribute('role')")).isEqualTo("alert");

        browser.eval("(() => { const e = document.querySelector('#top-text'); e.value = 'short';"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); })()");
        waitForPreview("param('top_text') === 'short'");
        assertThat(browser.eval("document.querySelector('#error').hidden").asBoolean()).isTrue();
    }

    @Test
    void theDownloadLinkNamesTheFileByTemplateTextAndFormat() throws Exception {
        selectTemplate("chelsea");
        browser.type("#top-text", "Ship it!");
        waitForPreview("param('top_text') === 'Ship it!'");
        assertDownload("chelsea-ship-it.", "png", "jpg");

        setValue("#format", "jpeg");
        waitForPreview("param('format') === 'jpeg'");
        assertDownload("chelsea-ship-it.jpg", "jpg");

        setValue("#format", "png");
        waitForPreview("param('format') === 'png'");
        assertDownload("chelsea-ship-it.png", "png");

        setValue("#format", "");
        selectTemplate("spool");
        assertDownload("spool-ship-it.gif", "gif");

        // and the browser really saves it under that name
        Path dir = Files.createTempDirectory("spool-download-");
        try {
            browser.browserCall("Browser.setDownloadBehavior", Cdp.params()
                    .put("behavior", "allow").put("downloadPath", dir.toString()));
            browser.eval("document.querySelector('#download').click()");
            Path file = dir.resolve("spool-ship-it.gif");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!(Files.exists(file) && Files.size(file) > 6) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(file).exists();
            assertThat(new String(Files.readAllBytes(file), 0, 6, java.nio.charset.StandardCharsets.US_ASCII))
                    .startsWith("GIF8");
        } finally {
            deleteTree(dir);
        }
    }

    @Test
    void renderAsJobPostsPollsAndShowsTheImage() {
        selectTemplate("chelsea");
        browser.type("#top-text", "queued");
        browser.type("#bottom-text", "and rendered");
        waitForPreview("param('bottom_text') === 'and rendered'");
        BufferedImage direct = shot("#preview");
        String before = browser.evalString("document.querySelector('#preview').src");
        browser.eval("(() => { window.__states = []; const o = document.querySelector('#job-state');"
                + " new MutationObserver(() => window.__states.push(o.textContent))"
                + ".observe(o, {childList: true, characterData: true, subtree: true}); })()");
        requests.clear();

        browser.focus("#as-job");
        browser.press(" ", 32);
        assertThat(browser.eval("document.querySelector('#as-job').checked").asBoolean()).isTrue();
        browser.waitFor("document.querySelector('#job-state').textContent === 'completed'", Duration.ofSeconds(30),
                "[document.querySelector('#job-state').textContent, document.querySelector('#error').textContent]");
        waitForPreview("true");
        assertThat(browser.evalString("document.querySelector('#preview').src")).isNotEqualTo(before);
        JsonNode states = browser.eval("window.__states");
        assertThat(states).extracting(JsonNode::asText).contains("completed").last().isEqualTo("completed");
        assertThat(states).extracting(JsonNode::asText).containsAnyOf("pending", "running");
        assertThat(requests).anyMatch(r -> r.equals("POST /jobs"));
        assertThat(requests).anyMatch(r -> r.startsWith("GET /jobs/"));
        assertThat(requests).noneMatch(r -> r.startsWith("GET /caption"));

        BufferedImage viaJob = shot("#preview");
        assertNotBlank(viaJob);
        assertThat(viaJob.getWidth()).isEqualTo(direct.getWidth());
        assertThat(countChanged(direct, viaJob, BrowserPageTest::white)).as("the same image as rendered directly")
                .isLessThan(viaJob.getWidth() * viaJob.getHeight() / 100);
    }

    @Test
    void everyControlHasALabelAndTheNarrowLayoutDoesNotScrollSideways() {
        JsonNode unlabelled = browser.eval("[...document.querySelectorAll('input, select')]"
                + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id)");
        assertThat(unlabelled).isEmpty();
        assertThat(browser.eval("[...document.querySelectorAll('#gallery img')].every(i => i.alt !== undefined)")
                .asBoolean()).isTrue();

        browser.call("Emulation.setDeviceMetricsOverride", Cdp.params()
                .put("width", 360).put("height", 740).put("deviceScaleFactor", 1).put("mobile", true));
        browser.waitFor("document.documentElement.clientWidth === 360", WAIT, "document.documentElement.clientWidth");
        assertThat(browser.eval("document.documentElement.scrollWidth").asInt()).isLessThanOrEqualTo(360);
        assertThat(browser.eval("document.querySelector('#preview').getBoundingClientRect().width").asDouble())
                .isBetween(100.0, 360.0);
        shot(null);
        assertThat(browser.exceptions()).isEmpty();
    }

    @Test
    void searchFindsTemplatesAndThePreviewShowsTheirBoxesAndStyles() {
        browser.type("#template-search", "compare");
        browser.waitFor("[...document.querySelectorAll('#gallery button.thumb')].map(b => b.id).join() === 'template-twobox'",
                WAIT, "[...document.querySelectorAll('#gallery button.thumb')].map(b => b.id).join()");
        waitForPreview("param('template') === 'twobox'");
        assertThat(browser.evalString("document.querySelector('#template-info').textContent"))
                .contains("Two boxes", "400×300", "2 text boxes", "choice");
        assertThat(browser.eval("document.querySelectorAll('#boxes .box').length").asInt()).isEqualTo(2);
        assertThat(browser.evalString("document.querySelector('#box-1').style.top")).isEqualTo("55%");
        // the boxes sit on the picture: box 0 covers the right half of the preview's top
        JsonNode box = browser.eval("(() => { const p = document.querySelector('#preview').getBoundingClientRect();"
                + " const b = document.querySelector('#box-0').getBoundingClientRect();"
                + " return [(b.left - p.left) / p.width, (b.top - p.top) / p.height, b.width / p.width]; })()");
        assertThat(box.get(0).asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
        assertThat(box.get(1).asDouble()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(0.02));
        assertThat(box.get(2).asDouble()).isCloseTo(0.45, org.assertj.core.data.Offset.offset(0.02));
        BufferedImage navy = shot("#preview");

        assertThat(browser.eval("document.querySelector('#style-row').hidden").asBoolean()).isFalse();
        setValue("#style", "red");
        waitForPreview("param('style') === 'red'");
        browser.eval("document.querySelector('#show-boxes').click()");
        assertThat(browser.eval("document.querySelector('#boxes').hidden").asBoolean()).isTrue();
        BufferedImage red = shot("#preview");
        assertThat(countChanged(navy, red, rgb -> r(rgb) > 120 && g(rgb) < 60 && b(rgb) < 60))
                .as("the red style's background").isGreaterThan(red.getWidth() * red.getHeight() / 2);
        browser.eval("document.querySelector('#show-boxes').click()");

        setValue("#template-search", "angle");
        browser.waitFor("document.querySelector('#gallery button.thumb') && "
                + "document.querySelector('#gallery button.thumb').id === 'template-tilted'", WAIT,
                "document.querySelector('#gallery').textContent");
        waitForPreview("param('template') === 'tilted'");
        assertThat(browser.evalString("document.querySelector('#box-0').style.transform")).isEqualTo("rotate(-20deg)");
        setValue("#template-search", "no such template");
        browser.waitFor("document.querySelector('#gallery').textContent.includes('No template matches')", WAIT,
                "document.querySelector('#gallery').textContent");
        setValue("#template-search", "");
        browser.waitFor("document.querySelectorAll('#gallery button.thumb').length > 8", WAIT,
                "document.querySelectorAll('#gallery button.thumb').length");
        assertThat(browser.exceptions()).isEmpty();
    }

    @Test
    void aPictureOfYoursIsCaptionedAndSavedAsATemplateWithTheAdminToken() throws Exception {
        assertThat(browser.eval("document.querySelector('#upload').hidden").asBoolean()).isFalse();
        // choose a file as a user would: the input's files set, then its change event
        browser.eval("fetch('/templates/flat').then(r => r.blob()).then(b => {"
                + " const t = new DataTransfer(); t.items.add(new File([b], 'My Picture.png', {type: 'image/png'}));"
                + " const i = document.querySelector('#own-image'); i.files = t.files;"
                + " i.dispatchEvent(new Event('change', {bubbles: true})); return true; })");
        browser.type("#top-text", "MINE");
        waitForPreview("param('top_text') === 'MINE' && param('template') === null");
        assertThat(browser.eval("document.querySelector('#preview').naturalWidth").asInt()).isEqualTo(200);
        assertThat(requests).anyMatch(r -> r.equals("POST /caption"));
        assertThat(browser.eval("document.querySelector('#boxes').hidden").asBoolean()).isTrue();
        assertThat(browser.evalString("document.querySelector('#upload-name').value")).isEqualTo("my-picture");

        setValue("#upload-name", "page-upload");
        setValue("#upload-token", "wrong");
        browser.eval("document.querySelector('#upload-submit').click()");
        browser.waitFor("document.querySelector('#upload-status').dataset.state === 'error'", WAIT,
                "document.querySelector('#upload-status').textContent");
        assertThat(browser.evalString("document.querySelector('#upload-status').textContent")).contains("401");

        setValue("#upload-token", TOKEN);
        browser.eval("document.querySelector('#upload-submit').click()");
        try {
            browser.waitFor("document.querySelector('#upload-status').dataset.state === 'saved'", WAIT,
                    "document.querySelector('#upload-status').textContent");
            waitForPreview("param('template') === 'page-upload'");
            assertThat(browser.evalString("document.querySelector('#gallery [aria-pressed=true]').id"))
                    .isEqualTo("template-page-upload");
            assertThat(getJson("/templates/page-upload.json").path("origin").asText()).isEqualTo("database");
        } finally {
            try (HttpClient client = HttpClient.newHttpClient()) {   // the other tests share the database
                client.send(HttpRequest.newBuilder(URI.create(base + "/templates/page-upload")).DELETE()
                        .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        assertThat(browser.exceptions()).isEmpty();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Waits until the preview shows a loaded image whose request satisfies {@code condition} (uses {@code param(k)}). */
    private void waitForPreview(String condition) {
        String param = "(k) => new URLSearchParams((document.querySelector('#preview').dataset.request || '?')"
                + ".split('?')[1]).get(k)";
        browser.waitFor("(() => { const param = " + param + "; const p = document.querySelector('#preview');"
                        + " return document.querySelector('#preview-box').getAttribute('aria-busy') === 'false'"
                        + " && p.dataset.request && p.complete && p.naturalWidth > 0 && (" + condition + "); })()",
                WAIT, "[document.querySelector('#preview').dataset.request, document.querySelector('#error').textContent,"
                        + " document.querySelector('#preview-box').getAttribute('aria-busy')]");
    }

    private int shots;

    /** A screenshot of one element, or of the whole page for {@code null}. */
    private BufferedImage shot(String selector) {
        BufferedImage image = selector == null ? browser.screenshot() : browser.screenshot(selector);
        if (SCREENSHOTS != null) {
            try {
                Files.createDirectories(Path.of(SCREENSHOTS));
                javax.imageio.ImageIO.write(image, "png", Path.of(SCREENSHOTS, "shot-" + (++shots) + ".png").toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return image;
    }

    private void selectTemplate(String name) {
        browser.eval("document.querySelector('#template-" + name + "').click()");
        waitForPreview("param('template') === '" + name + "'");
    }

    private void setValue(String selector, String value) {
        browser.eval("(() => { const e = document.querySelector('" + selector + "'); e.value = '" + value + "';"
                + " e.dispatchEvent(new Event('input', {bubbles: true}));"
                + " e.dispatchEvent(new Event('change', {bubbles: true})); })()");
    }

    private void assertDownload(String namePrefix, String... extensions) {
        String name = browser.evalString("document.querySelector('#download').download");
        String href = browser.evalString("document.querySelector('#download').href");
        assertThat(name).startsWith(namePrefix);
        assertThat(name.substring(name.lastIndexOf('.') + 1)).isIn((Object[]) extensions);
        assertThat(href).startsWith("blob:").isEqualTo(browser.evalString("document.querySelector('#preview').src"));
        String type = browser.evalString("fetch(document.querySelector('#download').href).then(r => r.blob()).then(b => b.type)");
        String ext = name.substring(name.lastIndexOf('.') + 1);
        assertThat(type).isEqualTo(switch (ext) {
            case "jpg" -> "image/jpeg";
            default -> "image/" + ext;
        });
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        }
    }

    private interface PixelTest {
        boolean test(int rgb);
    }

    private static boolean white(int rgb) {
        return r(rgb) > 230 && g(rgb) > 230 && b(rgb) > 230;
    }

    private static boolean black(int rgb) {
        return r(rgb) < 30 && g(rgb) < 30 && b(rgb) < 30;
    }

    private static boolean red(int rgb) {
        return r(rgb) > 200 && g(rgb) < 70 && b(rgb) < 70;
    }

    private static int r(int rgb) {
        return (rgb >> 16) & 0xff;
    }

    private static int g(int rgb) {
        return (rgb >> 8) & 0xff;
    }

    private static int b(int rgb) {
        return rgb & 0xff;
    }

    /** Pixels that pass {@code test} in {@code after} but not in {@code before}. */
    private static int countChanged(BufferedImage before, BufferedImage after, PixelTest test) {
        return countChanged(before, after, test, 0, after.getHeight());
    }

    private static int countChanged(BufferedImage before, BufferedImage after, PixelTest test, int y0, int y1) {
        return countChanged(before, after, test, y0, y1, 0, after.getWidth());
    }

    private static int countChanged(BufferedImage before, BufferedImage after, PixelTest test,
                                    int y0, int y1, int x0, int x1) {
        int n = 0;
        for (int y = y0; y < Math.min(y1, Math.min(before.getHeight(), after.getHeight())); y++) {
            for (int x = x0; x < Math.min(x1, Math.min(before.getWidth(), after.getWidth())); x++) {
                if (test.test(after.getRGB(x, y)) && !test.test(before.getRGB(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Not one flat colour: the preview shows a photograph, not an empty box. */
    private static void assertNotBlank(BufferedImage image) {
        assertThat(image.getWidth()).isGreaterThan(100);
        assertThat(image.getHeight()).isGreaterThan(100);
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y) & 0xf0f0f0);
            }
        }
        assertThat(colours.size()).as("distinct colours in the preview").isGreaterThan(50);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
