package io.spool.memes.render;

import java.awt.image.BufferedImage;

/**
 * One full-canvas frame of an image: a still image has one with no delay. {@code delayCentis} and
 * {@code disposal} are the GIF graphic control values (disposal as ImageIO names it: {@code none},
 * {@code doNotDispose}, {@code restoreToBackgroundColor}, {@code restoreToPrevious}).
 */
public record Frame(BufferedImage image, int delayCentis, String disposal) {
}
