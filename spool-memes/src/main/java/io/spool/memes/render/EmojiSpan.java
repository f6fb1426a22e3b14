package io.spool.memes.render;

import java.awt.image.BufferedImage;

/** One emoji grapheme of a laid-out line: its characters {@code [start, end)} in the line and its colour image. */
record EmojiSpan(int start, int end, BufferedImage image) {
    /**
     * Whether the grapheme {@code [start, end)} of {@code text} is shown as an emoji: a character with emoji
     * presentation (pictographs, regional-indicator flags), or one with text presentation made an emoji by U+FE0F,
     * a keycap U+20E3 or a zero-width joiner.
     */
    static boolean isEmoji(String text, int start, int end) {
        int first = text.codePointAt(start);
        if (Character.isEmojiPresentation(first)) {
            return true;
        }
        if (!Character.isEmoji(first)) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\uFE0F' || c == '\u20E3' || c == '\u200D') {
                return true;
            }
        }
        return false;
    }
}
