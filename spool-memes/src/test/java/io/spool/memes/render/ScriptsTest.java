package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.CaptionRequest;
import io.spool.memes.model.ImageFormat;
import java.awt.Color;
import java.awt.Font;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Captions in every script the bundled fonts cover, and colour emoji: each compared with a committed golden PNG
 * within a tolerance ({@code src/test/resources/golden/scripts/}; {@code -Dgolden.update=true} rewrites them), plus
 * structural checks that fail if the glyphs were {@code .notdef} boxes, unjoined Arabic, wrong bidi order, grey
 * emoji or marks outside the box.
 */
class ScriptsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("src/test/resources/golden/scripts");
    private static final FontCache FONTS = new FontCache(AssetStore.fonts(null), 32L << 20);
    /** Mean absolute difference per channel (0–255) allowed against a golden image: antialiasing and codecs. */
    private static final double TOLERANCE = 6;

    private static final Renderer RENDERER = TestImages.rendererWith("grey.png",
            TestImages.still(320, 120, TestImages.GREY, ImageFormat.PNG));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            simplified-chinese | 你好世界，简体中文
            traditional-chinese | 歡迎來到臺灣，繁體中文
            japanese | こんにちは、カタカナ漢字
            korean | 안녕하세요 한국어
            arabic | العربية 123
            hebrew | שלום עולם 42
            devanagari | नमस्ते दुनिया
            thai | สวัสดีชาวโลก
            emoji | ok 😀👍🏽🇺🇸👨‍👩‍👧
            combining | Z̤̈̊ä̰̈ n̈̈̈
            """)
    void everyScriptMatchesItsGoldenAndIsNotBoxes(String script, String text) throws Exception {
        BufferedImage image = render(text);
        Path golden = GOLDEN.resolve(script + ".png");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            ImageIO.write(image, "png", golden.toFile());
        }
        int ink = ink(image);
        assertThat(ink).as("%s has ink", script).isGreaterThan(200);
        assertThat(changed(image, notdefBoxes(text))).as("%s pixels unlike .notdef boxes", script).isGreaterThan(ink / 4);
        var it = TextBlock.styled(text, FONTS.get("anton").deriveFont(30f), FONTS.fallback(), new ArrayList<>())
                .getIterator();
        for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) {
            boolean emoji = it.getAttribute(java.awt.font.TextAttribute.CHAR_REPLACEMENT) != null;
            Font font = (Font) it.getAttribute(java.awt.font.TextAttribute.FONT);
            assertThat(emoji || font.canDisplay(c)).as("%s: U+%04X set in %s, which has a glyph for it", script,
                    (int) c, font.getFontName()).isTrue();
        }
        BufferedImage expected = ImageIO.read(golden.toFile());
        assertThat(difference(image, expected)).as("%s against %s", script, golden).isLessThan(TOLERANCE);
    }

    @Test
    void arabicLettersJoinSoTheShapedRunIsNarrowerThanIsolatedForms() {
        Font arabic = FONTS.get("noto-sans-arabic-bold").deriveFont(40f);
        String word = "العربية";
        float shaped = new TextLayout(word, arabic, TextBlock.FRC).getAdvance();
        float isolated = 0;
        for (char c : word.toCharArray()) {
            isolated += new TextLayout(String.valueOf(c), arabic, TextBlock.FRC).getAdvance();
        }
        assertThat(shaped).isLessThan(isolated * 0.95f);
        // and the caption's own font, Anton, hands Arabic to that font
        TextBlock block = TextBlock.layout(word, FONTS.get("anton"), FONTS.fallback(), 40, 1000, false);
        assertThat(block.widest()).isCloseTo(shaped, org.assertj.core.data.Offset.offset(1f));
    }

    @Test
    void bidiPutsTheNumberLeftOfTheArabic() {
        String text = "العربية 123";
        TextBlock block = TextBlock.layout(text, FONTS.get("anton"), FONTS.fallback(), 40, 1000, false);
        TextLayout line = block.lines.getFirst();
        Rectangle2D arabic = line.getLogicalHighlightShape(0, 7).getBounds2D();
        Rectangle2D digits = line.getLogicalHighlightShape(8, 11).getBounds2D();
        assertThat(digits.getMaxX()).isLessThanOrEqualTo(arabic.getMinX() + 0.5);
        assertThat(line.isLeftToRight()).as("an Arabic paragraph runs right to left").isFalse();
    }

    @Test
    void emojiAreDrawnInColourAtTheLinesSize() throws Exception {
        assertThat(EmojiFont.installed()).as("Debian's fonts-noto-color-emoji (./spool test installs it)").isPresent();
        BufferedImage image = render("😀😀😀");
        int coloured = TestImages.count(image, 0, image.getHeight(), p -> saturation(p) > 80);
        assertThat(coloured).as("saturated (non-grey) pixels").isGreaterThan(200);
        // the same text as a caption's only line: emoji are as tall as Latin capitals of that size, not more
        TextBlock block = TextBlock.layout("AB😀", FONTS.get("anton"), FONTS.fallback(), 40, 1000, false);
        assertThat(block.emoji.getFirst()).hasSize(1);
        assertThat(block.lineHeight(0)).isLessThan(40 * 1.6f);
    }

    @Test
    void zwjSequencesSkinTonesAndFlagsAreOneImageEach() {
        List<EmojiSpan> spans = new ArrayList<>();
        TextBlock.styled("👨‍👩‍👧 👍🏽 🇺🇸 ©", FONTS.get("anton").deriveFont(40f), FONTS.fallback(), spans);
        assertThat(spans).extracting(s -> s.end() - s.start()).containsExactly(8, 4, 4);
    }

    @Test
    void stackedCombiningMarksStayInsideTheBox() throws Exception {
        String marks = "Ŏ̤̈̊̈̈ Ŏ̤̈̊̈̈";
        TextBlock block = TextBlock.layout(marks, FONTS.get("anton"), FONTS.fallback(), 40, 1000, false);
        Rectangle2D ink = block.lines.getFirst().getBounds();
        assertThat(block.ascent(0)).isGreaterThanOrEqualTo((float) -ink.getMinY());
        // rendered at the top: no ink above the margin band's first rows
        BufferedImage image = render(marks);
        assertThat(TestImages.count(image, 0, 2, ScriptsTest::inked)).isZero();
    }

    @Test
    void latinCaptionsKeepTheSingleFontFastPath() {
        List<EmojiSpan> spans = new ArrayList<>();
        var styled = TextBlock.styled("WHEN THE BUILD IS GREEN", FONTS.get("anton").deriveFont(30f), FONTS.fallback(), spans);
        var it = styled.getIterator();
        assertThat(it.getRunLimit()).isEqualTo(23);
        assertThat(spans).isEmpty();
    }

    private static BufferedImage render(String text) throws Exception {
        ObjectNode json = JSON.createObjectNode().put("template", "grey").put("format", "png");
        json.putArray("captions").addObject().put("text", text).put("valign", "top");
        return TestImages.read(RENDERER.render(CaptionRequest.parse(json)).bytes());
    }

    /** The same caption drawn in a font that has none of its glyphs: what empty boxes look like. */
    private static BufferedImage notdefBoxes(String text) throws Exception {
        StringBuilder boxes = new StringBuilder();
        text.codePoints().forEach(cp -> boxes.append(Character.isWhitespace(cp) ? " " : "\uFFFF"));
        return render(boxes.toString());
    }

    private static int ink(BufferedImage image) {
        return TestImages.count(image, 0, image.getHeight(), ScriptsTest::inked);
    }

    /** A pixel that is not the template's grey: fill, outline or emoji. */
    private static boolean inked(int rgb) {
        int grey = TestImages.GREY.getRed();
        return Math.abs((rgb >> 16 & 0xFF) - grey) + Math.abs((rgb >> 8 & 0xFF) - grey) + Math.abs((rgb & 0xFF) - grey) > 40;
    }

    private static int saturation(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
    }

    /** Pixels whose colour differs by more than 60 (summed over channels) between two images of one size. */
    private static int changed(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                int d = 0;
                for (int shift = 0; shift < 24; shift += 8) {
                    d += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
                n += d > 60 ? 1 : 0;
            }
        }
        return n;
    }

    /** Mean absolute difference per channel; images of different sizes differ by 255. */
    static double difference(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return 255;
        }
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
