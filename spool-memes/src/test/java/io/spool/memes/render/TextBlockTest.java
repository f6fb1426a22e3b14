package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.assets.AssetStore;
import java.awt.Font;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedCharacterIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextBlockTest {
    private static final FontCache FONTS = new FontCache(AssetStore.fonts(null), 8L << 20);

    @Test
    void charactersTheFontLacksFallBackPerGlyph() {
        Font anton = FONTS.get("impact").deriveFont(20f);
        assertThat(anton.canDisplay('Ж')).as("Anton ships its Latin subset only").isFalse();
        AttributedCharacterIterator it = TextBlock.styled("AЖ B", anton, FONTS.fallback(), new ArrayList<>()).getIterator();
        List<String> families = new ArrayList<>();
        for (char c = it.first(); c != AttributedCharacterIterator.DONE; c = it.next()) {
            families.add(((Font) it.getAttribute(TextAttribute.FONT)).getFamily());
        }
        // the space joins the run before it, so a fallback run is not split at every word
        assertThat(families).containsExactly("Anton", "DejaVu Sans", "DejaVu Sans", "Anton");
    }

    @Test
    void paragraphsBreakAndLongWordsEitherBreakOrRefuse() {
        Font anton = FONTS.get("anton");
        FontChain dejavu = FONTS.fallback();
        assertThat(TextBlock.layout("one\n\ntwo", anton, dejavu, 20, 1000, true).lines).hasSize(3);
        assertThat(TextBlock.layout("unbreakableword", anton, dejavu, 40, 50, true)).isNull();
        TextBlock broken = TextBlock.layout("unbreakableword", anton, dejavu, 40, 50, false);
        assertThat(broken.lines.size()).isGreaterThan(1);
        assertThat(broken.widest()).isLessThanOrEqualTo(50);
    }

    @Test
    void aParagraphThatFitsIsTheLineTheLineBreakMeasurerMakes() {
        Font anton = FONTS.get("anton");
        String[] texts = {"When the build is green 1000001", "ship it", "ONE DOES NOT SIMPLY", "a", "  spaced  out  ",
                "trailing space ", "don't-stop / 100% (yes)!", "hyphen-ated words-here"};
        int compared = 0;
        for (String text : texts) {
            for (float size : new float[] {12, 31.5f, 42.857f, 90}) {
                Font sized = anton.deriveFont(size);
                float natural = new TextLayout(text, sized, TextBlock.FRC).getVisibleAdvance();
                for (float width : new float[] {natural - 0.01f, natural, natural + 0.01f, natural * 1.09f,
                        natural * 2, Float.MAX_VALUE}) {
                    TextBlock block = TextBlock.layout(text, anton, FONTS.fallback(), size, width, false);
                    LineBreakMeasurer measurer = new LineBreakMeasurer(
                            TextBlock.styled(text, sized, FONTS.fallback(), new ArrayList<>()).getIterator(), TextBlock.FRC);
                    List<TextLayout> expected = new ArrayList<>();
                    while (measurer.getPosition() < text.length()) {
                        expected.add(measurer.nextLayout(width, text.length(), false));
                    }
                    assertThat(block.lines).as("\"%s\" at %s px in %s px", text, size, width).hasSameSizeAs(expected);
                    for (int i = 0; i < expected.size(); i++) {
                        TextLayout a = block.lines.get(i);
                        TextLayout b = expected.get(i);
                        assertThat(a.getCharacterCount()).isEqualTo(b.getCharacterCount());
                        assertThat(a.getAdvance()).isEqualTo(b.getAdvance());
                        assertThat(a.getVisibleAdvance()).isEqualTo(b.getVisibleAdvance());
                        assertThat(a.getAscent()).isEqualTo(b.getAscent());
                        assertThat(a.getDescent()).isEqualTo(b.getDescent());
                        assertThat(a.getOutline(null).getBounds2D()).isEqualTo(b.getOutline(null).getBounds2D());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(texts.length * 4 * 6);
    }

    @Test
    void aTooTallLayoutIsRefusedEarlyOnlyWhenTheFullLayoutWouldBeTooTall() {
        Font anton = FONTS.get("anton");
        String[] texts = {"When the build is green 1000001", "ship it", "a much longer caption that wraps over lines",
                "two\nparagraphs here", "Ж mixed fonts Ж that wrap around"};
        int refused = 0;
        for (String text : texts) {
            for (float size = 60; size > 8; size *= 0.9f) {
                for (float maxHeight : new float[] {20, 60, 94, 150, 400}) {
                    TextBlock early = TextBlock.layout(text, anton, FONTS.fallback(), size, 300, true, maxHeight);
                    TextBlock full = TextBlock.layout(text, anton, FONTS.fallback(), size, 300, true);
                    if (early == null) {
                        refused += full == null ? 0 : 1; // refused by height, not by a word wider than the line
                        assertThat(full == null || full.height() > maxHeight)
                                .as("\"%s\" at %s px, %s px high", text, size, maxHeight).isTrue();
                    } else {
                        assertThat(full).isNotNull();
                        assertThat(early.lines).hasSameSizeAs(full.lines);
                        assertThat(early.texts).isEqualTo(full.texts);
                        assertThat(early.height()).isEqualTo(full.height());
                    }
                }
            }
        }
        assertThat(refused).as("refusals by height before measuring line breaks").isPositive();
    }
}
