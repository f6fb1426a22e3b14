package io.spool.memes.model;

/** Vertical place of a caption: the top, middle or bottom third of the image. */
public enum VAlign {
    TOP, MIDDLE, BOTTOM
}
