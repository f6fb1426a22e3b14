package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.LimitExceededException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitsAndInterruptTest {
    private static final int LONG_GIF_FRAMES = 200;

    @TempDir
    static Path templates;

    @BeforeAll
    static void setUp() throws IOException {
        Files.write(templates.resolve("bomb.png"), pngHeaderOnly(100_000, 100_000));
        Files.write(templates.resolve("wide.png"), TestImages.still(1000, 20, TestImages.GREY, ImageFormat.PNG));
        Files.write(templates.resolve("long.gif"), TestImages.animated(160, 120, LONG_GIF_FRAMES, 0));
    }

    static CaptionRequest request(String template, String... captions) {
        var tree = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("template", template);
        var list = tree.putArray("captions");
        for (String c : captions) {
            list.addObject().put("text", c).put("valign", "top");
        }
        return CaptionRequest.parse(tree);
    }

    @Test
    void decompressionBombsAreRefusedFromTheHeader() {
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates));
        assertThatThrownBy(() -> renderer.render(request("bomb")))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("100000×100000");
    }

    @Test
    void pixelFrameAndOutputLimits() {
        RenderLimits d = RenderLimits.DEFAULT;
        Renderer fewPixels = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates)
                .withLimits(new RenderLimits(19_999, d.maxAnimationPixels(), d.maxGifFrames(), d.maxOutputBytes())));
        assertThatThrownBy(() -> fewPixels.render(request("wide"))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("1000×20");
        Renderer fewFrames = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates)
                .withLimits(new RenderLimits(d.maxInputPixels(), d.maxAnimationPixels(), 7, d.maxOutputBytes())));
        assertThatThrownBy(() -> fewFrames.render(request("spool"))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("8 frames; at most 7");
        Renderer fewBytes = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates)
                .withLimits(new RenderLimits(d.maxInputPixels(), d.maxAnimationPixels(), d.maxGifFrames(), 1000)));
        assertThatThrownBy(() -> fewBytes.render(request("spool"))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("at most 1000");
        Renderer fewAnimationPixels = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates)
                .withLimits(new RenderLimits(d.maxInputPixels(), 320 * 240 * 7, d.maxGifFrames(), d.maxOutputBytes())));
        assertThatThrownBy(() -> fewAnimationPixels.render(request("spool"))).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("pixels in all its frames");
    }

    @Test
    void anInterruptedThreadDrawsNothing() {
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> renderer.render(request("spool", "never drawn")))
                .isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).as("the flag is consumed, as blocking calls do").isFalse();
        assertThat(renderer.stats().framesDrawn()).isZero();
        assertThat(renderer.stats().results().entries()).isZero();
    }

    @Test
    void interruptingARenderStopsItBetweenFrames() throws Exception {
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(templates));
        String[] captions = new String[16];
        java.util.Arrays.fill(captions, "a caption that is drawn again on every single frame");
        CaptionRequest request = request("long", captions);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                renderer.render(request);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        worker.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (renderer.stats().framesDrawn() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        worker.interrupt();
        worker.join(5_000);
        assertThat(worker.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(renderer.stats().framesDrawn()).isBetween(1L, LONG_GIF_FRAMES - 1L);
        assertThat(renderer.stats().renders()).isZero();
        // the same renderer goes on working afterwards
        assertThat(CompletableFuture.supplyAsync(() -> {
            try {
                return renderer.render(request("spool", "after")).frames();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(20, TimeUnit.SECONDS)).isEqualTo(8);
    }

    /** A PNG signature and an IHDR chunk claiming {@code width}×{@code height}, and no pixels at all. */
    static byte[] pngHeaderOnly(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(ihdr);
        data.write("IHDR".getBytes(StandardCharsets.US_ASCII));
        data.writeInt(width);
        data.writeInt(height);
        data.write(new byte[] {8, 2, 0, 0, 0}); // 8-bit RGB, deflate, no filter, no interlace
        out.writeInt(13);
        out.write(ihdr.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(ihdr.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }
}
