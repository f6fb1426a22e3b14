package io.spool.memes.model;

/**
 * One caption, fully resolved: its text (NFC, newlines kept, other control characters turned to spaces), where it
 * goes, and how it looks. {@code outline} is null when the text has no outline.
 */
public record Caption(String text, VAlign valign, HAlign halign, String font, Rgb color, Rgb outline, Size size) {
    /** True when there is nothing to draw. */
    public boolean blank() {
        return text.isBlank();
    }
}
