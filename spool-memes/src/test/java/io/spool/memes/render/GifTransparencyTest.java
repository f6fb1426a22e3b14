package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.model.ImageFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class GifTransparencyTest {
    @Test
    void transparentPixelsSurviveAGifRoundTrip() {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 20, 30); // right half stays fully transparent
        g.dispose();
        byte[] gif = ImageEncoder.encode(List.of(new Frame(image, 5, "restoreToBackgroundColor"),
                new Frame(image, 7, "restoreToBackgroundColor")), ImageFormat.GIF, 0);
        Picture back = ImageDecoder.decode(gif, RenderLimits.DEFAULT);
        assertThat(back.alpha()).isTrue();
        for (Frame frame : back.frames()) {
            assertThat(frame.image().getRGB(5, 5)).isEqualTo(0xFFFF0000);
            assertThat(frame.image().getRGB(35, 5) >>> 24).isZero();
        }
        assertThat(back.frames()).extracting(Frame::disposal).containsOnly("restoreToBackgroundColor");
    }
}
