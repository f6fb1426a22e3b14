package io.spool.memes.render;

import java.awt.Font;
import java.util.List;
import java.util.Optional;

/**
 * The fonts (at size 1) tried in order for the characters a caption's font lacks, one per script family, and
 * the colour emoji font when the host has one. {@link #cover} picks per grapheme, so a run of Arabic, Thai or Han
 * is set in the first font that has its base character.
 */
record FontChain(List<Font> fonts, Optional<EmojiFont> emoji) {
    FontChain {
        fonts = List.copyOf(fonts);
    }

    /**
     * The first font that has every character of {@code grapheme} (a base character and its combining marks),
     * else the first that has its base, or null when none has.
     */
    Font cover(String grapheme) {
        for (Font font : fonts) {
            if (font.canDisplayUpTo(grapheme) == -1) {
                return font;
            }
        }
        int base = grapheme.codePointAt(0);
        for (Font font : fonts) {
            if (font.canDisplay(base)) {
                return font;
            }
        }
        return null;
    }
}
