package io.spool.memes.model;

/** Horizontal alignment of a caption's lines inside its box. */
public enum HAlign {
    LEFT, CENTER, RIGHT
}
