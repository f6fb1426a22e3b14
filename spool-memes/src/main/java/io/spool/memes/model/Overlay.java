package io.spool.memes.model;

/**
 * An overlay area of a memegen template ({@code overlay:} in {@code config.yml}): where a picture given as a style
 * would be placed (centre as fractions of the image, rotation in degrees, size as a fraction of the shorter side).
 * Kept as metadata of the template.
 */
public record Overlay(double centerX, double centerY, double angle, double scale) {
}
