package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurboJpegTest {
    private static final BufferedImage CHELSEA = new Template(ImageDecoder.decode(
            AssetStore.templates(null).get("chelsea").bytes(), RenderLimits.DEFAULT))
            .frames(BufferedImage.TYPE_3BYTE_BGR).getFirst();

    @Test
    void loadsOnLinuxX64WhereItsNativesAre() {
        boolean linuxX64 = System.getProperty("os.name").equals("Linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        assertThat(TurboJpeg.available()).isEqualTo(linuxX64);
    }

    @Test
    void writesTheJdkWritersEntropyCodedDataAtEachQuality() {
        BufferedImage captioned = Pixels.copy(CHELSEA);
        Graphics2D g = captioned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(20, 10, 300, 40);
        g.dispose();
        for (int quality : new int[] {90, 50}) {
            byte[] turbo = TurboJpeg.encode(captioned, quality);
            byte[] jdk = ImageEncoder.jdkJpeg(captioned, quality);
            assertThat(turbo).hasSameSizeAs(jdk);
            int scan = startOfScan(jdk);
            assertThat(startOfScan(turbo)).isEqualTo(scan);
            assertThat(Arrays.equals(turbo, scan, turbo.length, jdk, scan, jdk.length))
                    .as("quality %d: tables, frame and scan as the JDK writes them", quality).isTrue();
            assertThat(GlyphPaintingTest.maxDifference(TestImages.read(turbo), TestImages.read(jdk))).isZero();
        }
        assertThat(TurboJpeg.encode(captioned, 50).length).isLessThan(TurboJpeg.encode(captioned, 90).length);
    }

    @Test
    void convertsOnlyTheChangedRowsYetWritesWhatTheWholeFrameGives() {
        int[] words = TurboJpeg.words(CHELSEA);
        assertThat(TurboJpeg.encode(Pixels.copy(CHELSEA), CHELSEA, words, 90))
                .isEqualTo(TurboJpeg.encode(CHELSEA, 90));
        BufferedImage captioned = Pixels.copy(CHELSEA);
        Graphics2D g = captioned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(20, 0, 300, 40); // from the first row
        g.dispose();
        captioned.setRGB(CHELSEA.getWidth() - 1, CHELSEA.getHeight() - 1, 0x123456); // the last pixel alone
        captioned.setRGB(0, 100, 0xFF00FF);                                           // a row's first pixel
        byte[] rows = TurboJpeg.encode(captioned, CHELSEA, words, 90);
        assertThat(rows).isEqualTo(TurboJpeg.encode(captioned, 90)).isNotEqualTo(TurboJpeg.encode(CHELSEA, 90));
        assertThat(words).as("the template's words are left as they were").isEqualTo(TurboJpeg.words(CHELSEA));
    }

    @Test
    void theRendererAndTheEncoderUseItForJpeg() throws InterruptedException {
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT);
        byte[] rendered = renderer.render(request("jpeg")).bytes();
        BufferedImage pixels = TestImages.read(renderer.render(request("png")).bytes());
        BufferedImage bgr = Template.convert(pixels, pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        assertThat(rendered).isEqualTo(TurboJpeg.encode(bgr, ImageEncoder.DEFAULT_JPEG_QUALITY));
        assertThat(ImageEncoder.encode(List.of(new Frame(bgr, 0, "")), ImageFormat.JPEG, -1)).isEqualTo(rendered);
    }

    @Test
    void refusesOtherPixelLayouts() {
        assertThatThrownBy(() -> TurboJpeg.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), 90))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TYPE_3BYTE_BGR");
    }

    private static CaptionRequest request(String format) {
        return CaptionRequest.parse(new ObjectMapper().createObjectNode().put("template", "chelsea")
                .put("format", format).put("top_text", "the top").put("bottom_text", "the bottom"));
    }

    /** Where the first marker after the JFIF header starts: the quantisation tables. */
    private static int startOfScan(byte[] jpeg) {
        int p = 2;
        p += 2 + ((jpeg[p + 2] & 0xFF) << 8 | jpeg[p + 3] & 0xFF); // APP0
        return p;
    }
}
