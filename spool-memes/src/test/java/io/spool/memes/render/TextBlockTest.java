package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.assets.AssetStore;
import java.awt.Font;
import java.awt.font.TextAttribute;
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
}
