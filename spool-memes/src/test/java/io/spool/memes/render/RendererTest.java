package io.spool.memes.render;

import static io.spool.memes.render.TestImages.GREY;
import static io.spool.memes.render.TestImages.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.model.BadImageException;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.LimitExceededException;
import io.spool.memes.model.NotFoundException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RendererTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Canvas 400×300: bands are thirds of 100 rows. */
    private static final int W = 400;
    private static final int H = 300;

    @TempDir
    static Path templates;
    static Renderer renderer;

    @BeforeAll
    static void setUp() throws IOException {
        Files.write(templates.resolve("grey.png"), TestImages.still(W, H, GREY, ImageFormat.PNG));
        // a JPEG named .png: the format comes from the bytes
        Files.write(templates.resolve("liar.png"), TestImages.still(W, H, GREY, ImageFormat.JPEG));
        Files.write(templates.resolve("anim.gif"), TestImages.animated(120, 90, 5, 3));
        Files.write(templates.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
        renderer = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates));
    }

    static CaptionRequest request(String json) {
        try {
            return CaptionRequest.parse(JSON.readTree(json.replace('\'', '"')));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static BufferedImage render(String json) throws InterruptedException {
        return TestImages.read(renderer.render(request(json)).bytes());
    }

    @Test
    void topTextPaintsWhiteFillAndBlackOutlineInTheTopBandOnly() throws Exception {
        BufferedImage image = render("{'template':'grey','top_text':'HELLO WORLD'}");
        assertThat(count(image, 0, 100, TestImages::white)).isGreaterThan(500);
        assertThat(count(image, 0, 100, TestImages::black)).isGreaterThan(200);
        assertThat(count(image, 100, 300, TestImages::white)).isZero();
        assertThat(count(image, 100, 300, TestImages::black)).isZero();
        assertThat(image.getRGB(5, 295) & 0xFFFFFF).isEqualTo(0x808080);
    }

    @Test
    void eachPlaceHasItsBand() throws Exception {
        BufferedImage image = render("{'template':'grey','captions':[{'text':'MID','valign':'middle'},{'text':'LOW'}]}");
        assertThat(count(image, 0, 100, TestImages::white)).isZero();
        assertThat(count(image, 100, 200, TestImages::white)).isGreaterThan(200);
        assertThat(count(image, 200, 300, TestImages::white)).isGreaterThan(200);
    }

    @Test
    void noTextNoCaptionPixels() throws Exception {
        BufferedImage image = render("{'template':'grey','top_text':'','bottom_text':' '}");
        assertThat(count(image, 0, H, rgb -> rgb != 0x808080)).isZero();
    }

    @Test
    void colourAndNoOutline() throws Exception {
        BufferedImage image = render("{'template':'grey','top_text':'RED','color':'red','outline':null}");
        assertThat(count(image, 0, 100, TestImages::red)).isGreaterThan(300);
        assertThat(count(image, 0, H, TestImages::black)).isZero();
        assertThat(count(image, 0, H, TestImages::white)).isZero();
    }

    @Test
    void horizontalAlignmentMovesTheText() throws Exception {
        BufferedImage left = render("{'template':'grey','top_text':'HI','top_align':'left','top_size':40}");
        BufferedImage right = render("{'template':'grey','top_text':'HI','top_align':'right','top_size':40}");
        assertThat(columnsWith(left, 0, W / 2)).isPositive();
        assertThat(columnsWith(left, W / 2, W)).isZero();
        assertThat(columnsWith(right, 0, W / 2)).isZero();
        assertThat(columnsWith(right, W / 2, W)).isPositive();
    }

    @Test
    void fitWrapsLongTextInsideTheBandAndShrinkKeepsOneLine() throws Exception {
        String text = "this caption is far too long to fit on a single line of the picture at all";
        BufferedImage fit = render("{'template':'grey','top_text':'" + text + "','top_size':'fit'}");
        assertThat(count(fit, 0, 100, TestImages::white)).isGreaterThan(300);
        assertThat(count(fit, 105, 300, TestImages::white)).isZero();
        assertThat(rowsWith(fit)).isGreaterThan(rowsWith(render("{'template':'grey','top_text':'" + text + "','top_size':'shrink'}")));
        // a fixed size wraps to the width and may spill downwards, but stays inside left and right margins
        BufferedImage fixed = render("{'template':'grey','top_text':'" + text + "','top_size':60}");
        assertThat(count(fixed, 100, 300, TestImages::white)).isPositive();
        assertThat(columnsWith(fixed, 0, 3) + columnsWith(fixed, W - 3, W)).isZero();
    }

    @Test
    void sizeFollowsWidthOrHeightKeepingAspect() throws Exception {
        RenderResult half = renderer.render(request("{'template':'grey','width':'200'}"));
        assertThat(TestImages.read(half.bytes()).getHeight()).isEqualTo(150);
        assertThat(renderer.render(request("{'template':'grey','height':60}")).width()).isEqualTo(80);
        RenderResult both = renderer.render(request("{'template':'grey','width':50,'height':70}"));
        assertThat(TestImages.read(both.bytes())).extracting(BufferedImage::getWidth, BufferedImage::getHeight)
                .containsExactly(50, 70);
    }

    @Test
    void formatFollowsTheBytesNotTheNameAndMayBeOverridden() throws Exception {
        assertThat(renderer.render(request("{'template':'liar'}")).format()).isEqualTo(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(renderer.render(request("{'template':'liar'}")).bytes())).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(renderer.render(request("{'template':'grey'}")).bytes())).contains(ImageFormat.PNG);
        RenderResult png = renderer.render(request("{'template':'liar','format':'png'}"));
        assertThat(ImageFormat.detect(png.bytes())).contains(ImageFormat.PNG);
        assertThat(png.mediaType()).isEqualTo("image/png");
        BufferedImage jpeg = render("{'template':'grey','top_text':'JPEG','format':'jpeg'}");
        assertThat(count(jpeg, 0, 100, TestImages::white)).isGreaterThan(300);
    }

    @Test
    void everyGifFrameIsCaptionedWithItsDelayAndTheLoopKept() throws Exception {
        RenderResult result = renderer.render(request("{'template':'anim','captions':['TOP','BOTTOM']}"));
        assertThat(result.format()).isEqualTo(ImageFormat.GIF);
        Picture out = ImageDecoder.decode(result.bytes(), RenderLimits.DEFAULT);
        assertThat(out.frames()).hasSize(5);
        assertThat(out.frames()).extracting(Frame::delayCentis).containsExactly(1, 2, 3, 4, 5);
        assertThat(out.frames()).extracting(Frame::disposal).containsOnly("doNotDispose");
        assertThat(out.loops()).isEqualTo(3);
        for (Frame frame : out.frames()) {
            assertThat(count(frame.image(), 0, 30, TestImages::white)).isPositive();
            assertThat(count(frame.image(), 60, 90, TestImages::white)).isPositive();
            assertThat(count(frame.image(), 30, 60, TestImages::white)).isZero();
        }
        assertThat(ImageFormat.detect(renderer.render(request("{'template':'anim','format':'png'}")).bytes()))
                .contains(ImageFormat.PNG);
    }

    @Test
    void theBundledAnimationKeepsItsEightFramesAndLoopsForever() throws Exception {
        RenderResult result = renderer.render(request("{'template':'spool','top_text':'spinning'}"));
        Picture out = ImageDecoder.decode(result.bytes(), RenderLimits.DEFAULT);
        assertThat(out.frames()).hasSize(8);
        assertThat(out.frames().getLast().delayCentis()).isEqualTo(60);
        assertThat(out.loops()).isZero();
    }

    @Test
    void anUnknownTemplateIsNotFoundAndAnUnknownFontABadRequest() {
        assertThatThrownBy(() -> renderer.render(request("{'template':'nope'}")))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> renderer.render(request("{'template':'grey','font':'papyrus','top_text':'x'}")))
                .isInstanceOf(io.spool.memes.model.BadRequestException.class)
                .hasMessageStartingWith("font: no font called \"papyrus\"").hasMessageContaining("thick, thin, comic");
    }

    @Test
    void brokenTemplatesAreBadImages() {
        assertThatThrownBy(() -> renderer.render(request("{'template':'broken'}")))
                .isInstanceOf(BadImageException.class).hasMessageContaining("cannot decode");
    }

    @Test
    void resultsAreCachedWithAStableETag() throws Exception {
        CaptionRequest a = request("{'template':'grey','top_text':'cache me'}");
        RenderResult first = renderer.render(a);
        long hits = renderer.stats().results().hits();
        RenderResult second = renderer.render(request("{'template':'GREY','captions':[{'text':'cache me','valign':'top'}]}"));
        assertThat(second).isSameAs(first);
        assertThat(renderer.stats().results().hits()).isEqualTo(hits + 1);
        assertThat(renderer.etag(a)).isEqualTo(first.etag()).startsWith("\"").endsWith("\"");
        assertThat(renderer.etag(request("{'template':'grey','top_text':'other'}"))).isNotEqualTo(first.etag());
        CacheStats results = renderer.stats().results();
        assertThat(results.capacityBytes()).isEqualTo(64L << 20);
        assertThat(results.fillBytes()).isPositive();
        assertThat(renderer.stats().templates().fillBytes()).isGreaterThanOrEqualTo(4L * W * H);
        assertThat(renderer.stats().fonts().entries()).isPositive();
    }

    @Test
    void aSpareFrameCarriesNothingOfTheCaptionBeforeIt() throws Exception {
        for (String format : new String[] {"png", "jpeg"}) {
            Renderer used = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates).withResultCacheBytes(0));
            String before = "{'template':'grey','format':'" + format + "','top_text':'FIRST CAPTION','bottom_text':'X'}";
            String after = "{'template':'grey','format':'" + format + "','bottom_text':'second'}";
            for (int i = 0; i < 3; i++) {
                used.render(request(before)); // paints on the template's spare frames, hands them back
            }
            Renderer fresh = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates).withResultCacheBytes(0));
            assertThat(used.render(request(after)).bytes()).as(format).isEqualTo(fresh.render(request(after)).bytes());
        }
    }

    @Test
    void rendersConcurrentlyToIdenticalBytes() throws Exception {
        Renderer fresh = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates).withResultCacheBytes(0));
        CaptionRequest request = request("{'template':'anim','captions':['a b c','d e f']}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RenderResult>> futures = pool.invokeAll(List.<Callable<RenderResult>>of(
                    () -> fresh.render(request), () -> fresh.render(request),
                    () -> fresh.render(request), () -> fresh.render(request)));
            byte[] expected = futures.getFirst().get().bytes();
            for (Future<RenderResult> f : futures) {
                assertThat(f.get().bytes()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static int columnsWith(BufferedImage image, int fromX, int toX) {
        int n = 0;
        for (int x = fromX; x < toX; x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (TestImages.white(image.getRGB(x, y) & 0xFFFFFF)) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static int rowsWith(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            if (count(image, y, y + 1, TestImages::white) > 0) {
                n++;
            }
        }
        return n;
    }
}
