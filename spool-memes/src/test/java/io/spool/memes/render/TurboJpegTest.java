package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurboJpegTest {
    private static final BufferedImage CHELSEA = TestImages.template("chelsea");

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
    void encodesRowsOfMcusAsTheJdkWriterDoesWithARestartAfterEachRow() {
        BufferedImage captioned = Pixels.copy(CHELSEA);
        Graphics2D g = captioned.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(20, 0, 300, 40); // from the first row
        g.dispose();
        captioned.setRGB(CHELSEA.getWidth() - 1, CHELSEA.getHeight() - 1, 0x123456); // in the partial last row
        for (int quality : new int[] {90, 50}) {
            JpegRows turbo = TurboJpeg.rows(captioned, 0, captioned.getHeight(), quality);
            JpegRows jdk = JpegRows.jdk(captioned, 0, captioned.getHeight(), quality);
            assertThat(turbo.rows()).hasSize((CHELSEA.getHeight() + 15) / 16).hasSameSizeAs(jdk.rows());
            for (int i = 0; i < jdk.rows().size(); i++) {
                assertThat(turbo.rows().get(i)).as("quality %d, row of MCUs %d", quality, i).isEqualTo(jdk.rows().get(i));
            }
            byte[] file = turbo.bytes();
            int scan = startOfScan(file);
            assertThat(Arrays.copyOfRange(file, scan, file.length))
                    .as("tables, frame, restart interval and scan as the JDK writes them")
                    .isEqualTo(Arrays.copyOfRange(jdk.bytes(), scan, jdk.bytes().length));
            assertThat(GlyphPaintingTest.maxDifference(TestImages.read(file),
                    TestImages.read(TurboJpeg.encode(captioned, quality)))).as("restarts change no pixel").isZero();
        }
        JpegRows strip = TurboJpeg.rows(captioned, 32, 80, 90);
        assertThat(strip.rows()).as("MCU rows 2, 3 and 4")
                .containsExactlyElementsOf(TurboJpeg.rows(captioned, 0, captioned.getHeight(), 90).rows().subList(2, 5));
        assertThatThrownBy(() -> TurboJpeg.rows(captioned, 8, 40, 90)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRendererAndTheEncoderUseItForJpeg() throws InterruptedException {
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT);
        byte[] rendered = renderer.render(request("jpeg")).bytes();
        BufferedImage pixels = TestImages.read(renderer.render(request("png")).bytes());
        BufferedImage bgr = Template.convert(pixels, pixels.getWidth(), pixels.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        int quality = ImageEncoder.DEFAULT_JPEG_QUALITY;
        assertThat(rendered).as("the caption's rows spliced into the template's")
                .isEqualTo(TurboJpeg.rows(bgr, 0, bgr.getHeight(), quality).bytes());
        byte[] whole = ImageEncoder.encode(List.of(new Frame(bgr, 0, "")), ImageFormat.JPEG, -1);
        assertThat(whole).isEqualTo(TurboJpeg.encode(bgr, quality));
        assertThat(GlyphPaintingTest.maxDifference(TestImages.read(rendered), TestImages.read(whole))).isZero();
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
