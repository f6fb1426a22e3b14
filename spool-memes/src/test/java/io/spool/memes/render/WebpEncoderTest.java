package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebP stills and animations: the RIFF container as the specification lays it out, decoded back by libwebp. */
class WebpEncoderTest {
    @Test
    void stillIsALossyVp8FileThatDecodesToItsSize() {
        byte[] webp = WebpEncoder.encode(List.of(new Frame(TestImages.solid(120, 80, Color.RED), 0, "none")), -1, 90);
        WebpChunks file = WebpChunks.parse(webp);
        assertThat(file.fourccs()).containsExactly("VP8 ");
        BufferedImage image = WebpChunks.decode(webp);
        assertThat(image.getWidth()).isEqualTo(120);
        assertThat(image.getHeight()).isEqualTo(80);
        assertThat(new Color(image.getRGB(60, 40)).getRed()).isGreaterThan(230);
    }

    @Test
    void framesBecomeAnAnimationWithLoopCountAndDelays() {
        Color[] colours = {Color.RED, Color.GREEN, Color.BLUE};
        List<Frame> frames = List.of(new Frame(TestImages.solid(64, 48, colours[0]), 5, "none"),
                new Frame(TestImages.solid(64, 48, colours[1]), 20, "none"),
                new Frame(TestImages.solid(64, 48, colours[2]), 0, "none"));
        WebpChunks file = WebpChunks.parse(WebpEncoder.encode(frames, 0, 90));
        assertThat(file.fourccs()).containsExactly("VP8X", "ANIM", "ANMF", "ANMF", "ANMF");
        byte[] vp8x = file.first("VP8X").payload();
        assertThat(vp8x[0] & 0x02).as("animation flag").isEqualTo(0x02);
        assertThat(WebpChunks.le24(vp8x, 4) + 1).isEqualTo(64);
        assertThat(WebpChunks.le24(vp8x, 7) + 1).isEqualTo(48);
        byte[] anim = file.first("ANIM").payload();
        assertThat((anim[4] & 0xFF) | (anim[5] & 0xFF) << 8).as("loop forever").isZero();
        List<WebpChunks.AnimFrame> decoded = file.frames();
        assertThat(decoded).extracting(WebpChunks.AnimFrame::millis).containsExactly(50, 200, 100);
        for (int i = 0; i < 3; i++) {
            WebpChunks.AnimFrame f = decoded.get(i);
            assertThat(f.width()).isEqualTo(64);
            assertThat(f.image().getWidth()).isEqualTo(64);
            assertThat(f.image().getHeight()).isEqualTo(48);
            Color c = new Color(f.image().getRGB(32, 24));
            Color want = colours[i];
            assertThat(Math.abs(c.getRed() - want.getRed()) + Math.abs(c.getGreen() - want.getGreen())
                    + Math.abs(c.getBlue() - want.getBlue())).as("frame %d colour %s", i, c).isLessThan(60);
        }
    }

    @Test
    void aGifThatPlaysOnceKeepsOneLoop() {
        List<Frame> frames = List.of(new Frame(TestImages.solid(8, 8, Color.RED), 10, "none"),
                new Frame(TestImages.solid(8, 8, Color.BLUE), 10, "none"));
        byte[] anim = WebpChunks.parse(WebpEncoder.encode(frames, -1, 90)).first("ANIM").payload();
        assertThat(anim[4]).isEqualTo((byte) 1);
    }
}
