package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.model.CaptionRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/** A caption's PNG made from its template's bands: the whole encoding's bytes, from only the bands that changed. */
class CaptionPngTest {
    private static final int ROWS = PngBands.ROWS;

    /** A noisy but compressible picture, so that deflate draws on each band's dictionary. */
    private static BufferedImage photo(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Random random = new Random(29);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = (x * 5 + y * 3 + random.nextInt(4)) & 0xFF;
                image.setRGB(x, y, v << 16 | (v ^ 0x55) << 8 | (x * y & 0xF0));
            }
        }
        return image;
    }

    private static BufferedImage withPixelFlipped(BufferedImage base, int x, int y) {
        BufferedImage painted = Pixels.copy(base);
        painted.setRGB(x, y, ~base.getRGB(x, y));
        return painted;
    }

    private static BitSet bands(int... indices) {
        BitSet set = new BitSet();
        IntStream.of(indices).forEach(set::set);
        return set;
    }

    @Test
    void aChangeOnAnyRowGivesTheWholeEncodingsBytesAndTheRightPixels() {
        int height = 3 * ROWS + 5; // the last band is short
        BufferedImage base = photo(37, height, BufferedImage.TYPE_3BYTE_BGR);
        PngBands baseBands = PngBands.encode(PngPixels.of(base, false));
        assertThat(baseBands.bands()).hasSize(4);
        for (int y = 0; y < height; y++) {
            BufferedImage painted = withPixelFlipped(base, y * 7 % 37, y);
            byte[] spliced = CaptionPng.encode(painted, ChangedRows.between(painted, base), baseBands);
            assertThat(spliced).as("row %d", y).isEqualTo(PngEncoder.encode(painted));
            TestImages.assertSameArgb(painted, TestImages.read(spliced));
        }
    }

    @Test
    void onlyTheBandsAChangedRowReachesAreDeflatedAgain() {
        int height = 3 * ROWS + 5;
        BufferedImage base = photo(37, height, BufferedImage.TYPE_3BYTE_BGR);
        assertThat(redone(Pixels.copy(base), base)).isEqualTo(new BitSet());
        assertThat(redone(withPixelFlipped(base, 0, 0), base)).isEqualTo(bands(0));
        // band 1 depends on the three rows above it (its dictionary, and the row its first is filtered against)
        assertThat(redone(withPixelFlipped(base, 5, ROWS - 4), base)).isEqualTo(bands(0));
        assertThat(redone(withPixelFlipped(base, 5, ROWS - 3), base)).isEqualTo(bands(0, 1));
        assertThat(redone(withPixelFlipped(base, 36, ROWS - 1), base)).isEqualTo(bands(0, 1));
        assertThat(redone(withPixelFlipped(base, 36, ROWS), base)).isEqualTo(bands(1));
        assertThat(redone(withPixelFlipped(base, 36, height - 1), base)).isEqualTo(bands(3));
        BufferedImage twoPlaces = withPixelFlipped(withPixelFlipped(base, 1, ROWS + 2), 2, 3 * ROWS + 1);
        assertThat(redone(twoPlaces, base)).isEqualTo(bands(1, 3));
    }

    @Test
    void anImageOfOneBand() {
        BufferedImage base = photo(23, 5, BufferedImage.TYPE_3BYTE_BGR);
        PngBands baseBands = PngBands.encode(PngPixels.of(base, false));
        assertThat(baseBands.bands()).hasSize(1);
        for (int y : new int[] {0, 4}) {
            BufferedImage painted = withPixelFlipped(base, 22, y);
            assertThat(redone(painted, base)).isEqualTo(bands(0));
            byte[] spliced = CaptionPng.encode(painted, ChangedRows.between(painted, base), baseBands);
            assertThat(spliced).isEqualTo(PngEncoder.encode(painted));
            TestImages.assertSameArgb(painted, TestImages.read(spliced));
        }
        BufferedImage unpainted = Pixels.copy(base);
        assertThat(CaptionPng.encode(unpainted, ChangedRows.between(unpainted, base), baseBands)).isEqualTo(baseBands.bytes());
    }

    @Test
    void theSplicedZlibStreamEndsWithTheChecksumOfAllScanlines() throws DataFormatException {
        BufferedImage base = photo(64, 5 * ROWS + 3, BufferedImage.TYPE_3BYTE_BGR);
        PngBands baseBands = PngBands.encode(PngPixels.of(base, false));
        BufferedImage painted = withPixelFlipped(withPixelFlipped(base, 10, 2 * ROWS + 7), 63, 5 * ROWS + 2);
        byte[] idat = idatData(CaptionPng.encode(painted, ChangedRows.between(painted, base), baseBands));
        Inflater inflater = new Inflater(); // zlib format: it checks the Adler-32 at the end
        inflater.setInput(idat);
        byte[] scanlines = new byte[(64 * 3 + 1) * (5 * ROWS + 3) + 1];
        int length = inflater.inflate(scanlines);
        assertThat(inflater.finished()).isTrue();
        assertThat(length).isEqualTo(scanlines.length - 1);
        byte[] corrupt = idat.clone();
        corrupt[corrupt.length - 1] ^= 1; // the Adler-32's last byte
        Inflater strict = new Inflater();
        strict.setInput(corrupt);
        assertThatThrownBy(() -> strict.inflate(new byte[scanlines.length]))
                .isInstanceOf(DataFormatException.class);
    }

    @Test
    void theBgrRasterIsFilteredAsTheOtherLayoutsAre() {
        BufferedImage bgr = photo(41, 2 * ROWS + 1, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage rgb = photo(41, 2 * ROWS + 1, BufferedImage.TYPE_INT_RGB);
        assertThat(PngEncoder.encode(bgr)).isEqualTo(PngEncoder.encode(rgb));
    }

    @Test
    void aRenderedCaptionReusesMostOfTheTemplatesBands() throws Exception {
        Renderer renderer = Renderer.create(RendererConfig.DEFAULT);
        CaptionRequest request = CaptionRequest.parse(new ObjectMapper().createObjectNode().put("template", "camera")
                .put("format", "png").put("top_text", "When the build is green").put("bottom_text", "ship it"));
        byte[] png = renderer.render(request).bytes();
        BufferedImage captioned = TestImages.read(png);
        BufferedImage template = TestImages.read(renderer.template("camera").bytes());
        BufferedImage base = Template.convert(template, template.getWidth(), template.getHeight(),
                BufferedImage.TYPE_3BYTE_BGR);
        assertThat(captioned.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
        assertThat(png).isEqualTo(PngEncoder.encode(captioned));
        BitSet changed = redone(captioned, base);
        int count = PngBands.count(base.getHeight());
        assertThat(changed.cardinality()).isBetween(2, count / 2);
        assertThat(changed.get(0)).isFalse(); // the top margin
    }

    /** The concatenated data of a PNG's IDAT chunks. */
    private static byte[] idatData(byte[] png) {
        ByteBuffer in = ByteBuffer.wrap(png, 8, png.length - 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (in.hasRemaining()) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            byte[] data = new byte[length];
            in.get(data);
            in.getInt(); // CRC
            if (new String(type, StandardCharsets.US_ASCII).equals("IDAT")) {
                out.writeBytes(data);
            }
        }
        return out.toByteArray();
    }

    /** The bands a caption on {@code base} that made {@code painted} deflates again. */
    private static BitSet redone(BufferedImage painted, BufferedImage base) {
        return CaptionPng.changedBands(ChangedRows.between(painted, base), base.getHeight());
    }
}
