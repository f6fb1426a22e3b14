package io.spool.bench.memes;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageHeaderTest {
    @Test
    void readsFormatAndSizeOfEachFormat() throws IOException {
        assertThat(ImageHeader.of(encode("png", 451, 300))).isEqualTo(new ImageHeader("png", 451, 300));
        assertThat(ImageHeader.of(encode("gif", 320, 240))).isEqualTo(new ImageHeader("gif", 320, 240));
        // ImageIO writes a JFIF APP0 segment first: the size comes from the start-of-frame segment after it
        assertThat(ImageHeader.of(encode("jpeg", 400, 260))).isEqualTo(new ImageHeader("jpeg", 400, 260));
    }

    @Test
    void refusesWhatIsNoImage() {
        assertThatThrownBy(() -> ImageHeader.of("<html>503</html>".getBytes()))
                .isInstanceOf(IOException.class).hasMessageContaining("not a PNG, GIF or JPEG");
        assertThatThrownBy(() -> ImageHeader.of(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}))
                .isInstanceOf(IOException.class).hasMessageContaining("JPEG");
    }

    @Test
    void theCheckNamesWhatWasExpected() throws IOException {
        byte[] png = encode("png", 400, 400);
        OutputCheck.header("x", Workload.PNG, png, 400, 400);
        assertThatThrownBy(() -> OutputCheck.header("x", Workload.PNG, png, 400, 300))
                .hasMessageContaining("x answered png 400x300 with ImageHeader[format=png, width=400, height=400]");
        assertThatThrownBy(() -> OutputCheck.header("x", Workload.JPEG, png, 400, 400)).hasMessageContaining("jpeg");
    }

    static byte[] encode(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }
}
