package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.LimitExceededException;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renderer's bounds on memory and size hold for odd templates and requests, not only for ordinary ones. */
class RenderBoundsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CaptionRequest request(String json) throws Exception {
        return CaptionRequest.parse(JSON.readTree(json.replace('\'', '"')));
    }

    /**
     * The pixel limit is checked against the GIF's logical screen only; a frame larger than the screen is decoded
     * at its own (unchecked) size by reader.read(i): a decompression bomb in a 10×10 GIF.
     */
    @Test
    void gifFrameLargerThanItsLogicalScreenIsRefused() {
        byte[] gif = ImageEncoder.encode(List.of(new Frame(TestImages.solid(2000, 2000, Color.GRAY), 0, "none")),
                ImageFormat.GIF, -1);
        // logical screen descriptor: bytes 6..9, little-endian width and height -> 10×10
        gif[6] = 10; gif[7] = 0; gif[8] = 10; gif[9] = 0;
        RenderLimits limits = new RenderLimits(10_000, 1_000_000, 10, 8L << 20);
        assertThatThrownBy(() -> ImageDecoder.decode(gif, limits)).isInstanceOf(LimitExceededException.class);
    }

    /**
     * maxAnimationPixels bounds the decoded frames, but the request's width/height then scale every frame up
     * (here 100× the bound) with no check: all frames are held as full images before the output-size check.
     */
    @Test
    void upscaledAnimationRespectsTheAnimationPixelLimit(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("anim.gif"), TestImages.animated(100, 100, 10, 0));
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(dir)
                .withLimits(new RenderLimits(16_000_000L, 100_000L, 300, 8L << 20)));
        CaptionRequest big = request("{'template':'anim','width':1024,'height':1024,'top_text':'x'}");
        assertThatThrownBy(() -> renderer.render(big)).isInstanceOf(LimitExceededException.class);
    }

    /**
     * The result cache weighs only the image bytes, not the key (the normalised request, up to 16×256 characters),
     * so a cache of N bytes can pin many times N in keys.
     */
    @Test
    void resultCacheCountsItsKeys() throws Exception {
        long capacity = 64 * 1024;
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT.withResultCacheBytes(capacity));
        long keyChars = 0;
        for (int i = 0; i < 60; i++) {
            StringBuilder json = new StringBuilder("{'template':'chelsea','width':16,'captions':[");
            for (int c = 0; c < 16; c++) {
                json.append(c == 0 ? "" : ",").append("{'text':'").append("x".repeat(250)).append(i).append("'}");
            }
            CaptionRequest r = request(json.append("]}").toString());
            renderer.render(r);
            keyChars = r.normalized().length();
        }
        CacheStats results = renderer.stats().results();
        long keyBytes = results.entries() * keyChars; // the keys alone, at least 1 byte a char
        assertThat(keyBytes).as("entries=%d fill=%d key=%d", results.entries(), results.fillBytes(), keyChars)
                .isLessThanOrEqualTo(capacity);
    }

    /** One side alone keeps the aspect ratio, and the side worked out from it is held to 1024 too. */
    @Test
    void theSideWorkedOutFromTheAspectRatioIsHeldTo1024(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("tall.png"), TestImages.still(100, 1000, Color.GRAY, ImageFormat.PNG));
        Files.write(dir.resolve("thread.png"), TestImages.still(1, 16_000, Color.GRAY, ImageFormat.PNG));
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(dir));
        RenderResult tall = renderer.render(request("{'template':'tall','width':200,'format':'png'}"));
        assertThat(List.of(tall.width(), tall.height())).containsExactly(102, 1024);
        // 1024 × 16,384,000 pixels were asked for in effect: an IllegalArgumentException (a 500) before
        RenderResult thread = renderer.render(request("{'template':'thread','width':1024,'top_text':'x','format':'png'}"));
        assertThat(List.of(thread.width(), thread.height())).containsExactly(1, 1024);
    }

    @Test
    void outputSizes() {
        assertThat(Renderer.outputSize(400, 300, null, null)).containsExactly(400, 300);
        assertThat(Renderer.outputSize(400, 300, 800, null)).containsExactly(800, 600);
        assertThat(Renderer.outputSize(400, 300, null, 150)).containsExactly(200, 150);
        assertThat(Renderer.outputSize(400, 300, 10, 700)).containsExactly(10, 700);   // both: stretched
        assertThat(Renderer.outputSize(4000, 1000, null, 500)).containsExactly(1024, 256);
        assertThat(Renderer.outputSize(3000, 3, 1, null)).containsExactly(1, 1);
    }
}
