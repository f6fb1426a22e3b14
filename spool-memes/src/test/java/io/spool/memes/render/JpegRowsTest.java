package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spool.memes.model.ImageFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class JpegRowsTest {
    private static final BufferedImage CHELSEA = TestImages.template("chelsea");

    @Test
    void theTemplateIsCutIntoOneSegmentPerRowOfMcus() {
        JpegRows rows = JpegRows.encode(CHELSEA, 0, CHELSEA.getHeight(), 90);
        assertThat(CHELSEA.getHeight()).as("a partial last row").isNotEqualTo(CHELSEA.getHeight() / 16 * 16);
        assertThat(rows.rows()).hasSize((CHELSEA.getHeight() + 15) / 16);
        BufferedImage decoded = TestImages.read(rows.bytes());
        assertThat(GlyphPaintingTest.maxDifference(decoded, TestImages.read(plainJpeg(CHELSEA))))
                .as("restart markers change no pixel").isZero();
        BufferedImage unpainted = Pixels.copy(CHELSEA);
        assertThat(CaptionJpeg.encode(unpainted, ChangedRows.between(unpainted, CHELSEA), rows, 90)).isEqualTo(rows.bytes());
    }

    @Test
    void reEncodingTheChangedRowsGivesTheBytesOfEncodingTheWholeImage() {
        JpegRows rows = JpegRows.encode(CHELSEA, 0, CHELSEA.getHeight(), 75);
        BufferedImage image = Pixels.copy(CHELSEA);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(30, 20, 200, 21);                           // rows 20–40: MCU rows 1 and 2
        g.fillRect(0, CHELSEA.getHeight() - 5, 451, 5);        // the partial last MCU row
        g.dispose();
        image.setRGB(200, 150, 0xFF0000);                      // one pixel in MCU row 9
        byte[] spliced = CaptionJpeg.encode(image, ChangedRows.between(image, CHELSEA), rows, 75);
        assertThat(spliced).isEqualTo(JpegRows.encode(image, 0, image.getHeight(), 75).bytes());
        assertThat(GlyphPaintingTest.maxDifference(TestImages.read(spliced), TestImages.read(plainJpegAt75(image))))
                .isZero();
    }

    @Test
    void stripsStartOnARowOfMcus() {
        assertThatThrownBy(() -> JpegRows.encode(CHELSEA, 8, 40, 90)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] plainJpeg(BufferedImage image) {
        return ImageEncoder.encode(List.of(new Frame(image, 0, "")), ImageFormat.JPEG, -1, 90);
    }

    private static byte[] plainJpegAt75(BufferedImage image) {
        return ImageEncoder.encode(List.of(new Frame(image, 0, "")), ImageFormat.JPEG, -1, 75);
    }
}
