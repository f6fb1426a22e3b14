package io.spool.memes.model;

/**
 * An overlay area of a memegen template ({@code overlay:} in {@code config.yml}): where a picture given as a style
 * would be placed (centre as fractions of the image, rotation in degrees, size as a fraction of the shorter side).
 * Listed with the template and drawn when a request's {@code style} is an image URL.
 */
public record Overlay(double centerX, double centerY, double angle, double scale) {
}
