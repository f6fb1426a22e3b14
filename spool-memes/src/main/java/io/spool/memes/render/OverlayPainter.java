package io.spool.memes.render;

import io.spool.memes.model.Overlay;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Pastes a picture into one overlay area of a template, as memegen does for {@code ?style=URL}: the picture is fitted
 * (keeping its aspect, and like Pillow's {@code thumbnail} only ever shrunk) into a square whose side is the area's
 * {@code scale} times the shorter side of the image, centred on the area's centre (fractions of the image) and
 * turned by its {@code angle} in degrees, counter-clockwise as Pillow's {@code rotate} turns.
 */
final class OverlayPainter {
    private OverlayPainter() {
    }

    /** Draws {@code picture} into {@code area} of {@code target}. */
    static void paste(BufferedImage target, BufferedImage picture, Overlay area) {
        int side = (int) Math.min(target.getWidth() * area.scale(), target.getHeight() * area.scale());
        if (side < 1) {
            return;
        }
        double fit = Math.min(1, Math.min((double) side / picture.getWidth(), (double) side / picture.getHeight()));
        int w = (int) Math.max(1, Math.round(picture.getWidth() * fit));
        int h = (int) Math.max(1, Math.round(picture.getHeight() * fit));
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.translate(target.getWidth() * area.centerX(), target.getHeight() * area.centerY());
            g.rotate(Math.toRadians(-area.angle()));   // y points down here, so negative turns counter-clockwise
            g.drawImage(picture, -w / 2, -h / 2, w, h, null);
        } finally {
            g.dispose();
        }
    }
}
