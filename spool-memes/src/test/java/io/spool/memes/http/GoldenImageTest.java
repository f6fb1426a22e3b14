package io.spool.memes.http;

import static io.spool.memes.http.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.assets.DemoGif;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Images over HTTP checked with a tolerance: caption pixels in the right third, in the asked colour and with
 * the asked outline, and animated GIFs keeping their frames and delays.
 */
@ExtendWith(SharedServer.class)
class GoldenImageTest {
    @Test
    void captionPixelsLandInTheirBandWithTheirOutline(Http http) {
        // camera is a grey photograph: pure red and pure green appear only where we draw them
        HttpResponse<byte[]> r = http.get("/caption?template=camera&format=png&top_text=" + q("RED TOP")
                + "&top_color=" + q("#ff0000") + "&top_outline=" + q("#00ff00")
                + "&bottom_text=" + q("BLUE") + "&bottom_color=" + q("#0000ff") + "&bottom_outline=none");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        BufferedImage image = Http.image(r.body());
        int h = image.getHeight();
        var red = Http.near(255, 0, 0, 40);
        var green = Http.near(0, 255, 0, 40);
        var blue = Http.near(0, 0, 255, 40);
        int area = image.getWidth() * h / 3;

        assertThat(Http.count(image, 0, h / 3, red)).as("red text in the top third").isGreaterThan(area / 100);
        assertThat(Http.count(image, 0, h / 3, green)).as("green outline in the top third").isGreaterThan(area / 400);
        assertThat(Http.count(image, h / 3, h, red)).as("no red below the top third").isLessThan(area / 1000);
        assertThat(Http.count(image, h / 3, h, green)).as("no green below the top third").isLessThan(area / 1000);

        assertThat(Http.count(image, 2 * h / 3, h, blue)).as("blue text in the bottom third").isGreaterThan(area / 200);
        assertThat(Http.count(image, 0, 2 * h / 3, blue)).as("no blue above the bottom third").isLessThan(area / 1000);
        assertThat(Http.count(image, 2 * h / 3, h, green)).as("outline none: no green").isLessThan(area / 1000);
    }

    @Test
    void defaultStyleIsWhiteWithABlackOutline(Http http) {
        BufferedImage plain = Http.image(http.get("/caption?template=camera&format=png&width=256").body());
        BufferedImage captioned = Http.image(http.get("/caption?template=camera&format=png&width=256&middle_text="
                + q("MIDDLE")).body());
        int h = captioned.getHeight();
        var white = Http.near(255, 255, 255, 10);
        var black = Http.near(0, 0, 0, 10);
        int whiteAdded = Http.count(captioned, h / 3, 2 * h / 3, white) - Http.count(plain, h / 3, 2 * h / 3, white);
        int blackAdded = Http.count(captioned, h / 3, 2 * h / 3, black) - Http.count(plain, h / 3, 2 * h / 3, black);
        assertThat(whiteAdded).as("white text in the middle third").isGreaterThan(200);
        assertThat(blackAdded).as("black outline in the middle third").isGreaterThan(100);
        assertThat(differing(plain, captioned, 0, h / 3)).as("top third untouched").isLessThan(20);
        assertThat(differing(plain, captioned, 2 * h / 3, h)).as("bottom third untouched").isLessThan(20);
    }

    @Test
    void animatedGifKeepsFramesAndDelays(Http http) throws Exception {
        HttpResponse<byte[]> r = http.get("/caption?template=spool&top_text=" + q("spinning") + "&bottom_text=round");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/gif");
        List<Integer> delays = gifDelays(r.body());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < DemoGif.FRAMES; i++) {
            expected.add(i == DemoGif.FRAMES - 1 ? DemoGif.LAST_DELAY : DemoGif.DELAY);
        }
        assertThat(delays).isEqualTo(expected);

        HttpResponse<byte[]> still = http.get("/caption?template=spool&top_text=still&format=png");
        assertThat(still.headers().firstValue("Content-Type")).hasValue("image/png");
        HttpResponse<byte[]> readable = http.get("/images/spool/a/b.gif?width=160");
        assertThat(gifDelays(readable.body())).hasSize(DemoGif.FRAMES);
    }

    static List<Integer> gifDelays(byte[] gif) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(gif))) {
            reader.setInput(in);
            int n = reader.getNumImages(true);
            List<Integer> delays = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree("javax_imageio_gif_image_1.0");
                IIOMetadataNode gce = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
                delays.add(Integer.parseInt(gce.getAttribute("delayTime")));
            }
            return delays;
        } finally {
            reader.dispose();
        }
    }

    private static int differing(BufferedImage a, BufferedImage b, int fromRow, int toRow) {
        int n = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                if (Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
                        + Math.abs((p & 0xFF) - (q & 0xFF)) > 30) {
                    n++;
                }
            }
        }
        return n;
    }
}
