package io.spool.bench.memes;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Checks of a contender's answers. Every answer must declare the workload's format and the template's size
 * ({@link ImageHeader}). Once, at start-up, its first frame must differ from the blank template where the captions
 * go (the top and bottom thirds) and hardly at all in the middle, so a contender that silently draws nothing, or
 * draws on another picture, fails; the width of its top caption's ink is reported, to compare fonts and sizes.
 */
final class OutputCheck {
    /** A channel off by more than this counts as drawn on: JPEG and palette noise stay well below. */
    static final int CHANGED = 64;
    /** The least share of pixels changed in a caption's third, and the most in the middle fifth. */
    static final double MIN_INK = 0.01;
    static final double MAX_MIDDLE = 0.02;

    /** Shares of changed pixels in the top third, the middle fifth and the bottom third; the top ink's width. */
    record Ink(double top, double middle, double bottom, int topWidth) {
        boolean drawn() {
            return top >= MIN_INK && bottom >= MIN_INK && middle <= MAX_MIDDLE;
        }

        @Override
        public String toString() {
            return String.format("ink: top %.1f%%, middle %.1f%%, bottom %.1f%% of pixels changed; top text %d px wide",
                    top * 100, middle * 100, bottom * 100, topWidth);
        }
    }

    private OutputCheck() {}

    /** Fails unless {@code image} is of the workload's format and the template's size. */
    static void header(String who, Workload w, byte[] image, int width, int height) throws IOException {
        ImageHeader h = ImageHeader.of(image);
        if (!h.format().equals(w.format) || h.width() != width || h.height() != height) {
            throw new IOException(who + " answered " + w.format + " " + width + "x" + height + " with " + h);
        }
    }

    /** The checks of the start-up caption: the header's, then the ink's; returns the ink. */
    static Ink startUp(String who, Workload w, byte[] image, BufferedImage template) throws IOException {
        header(who, w, image, template.getWidth(), template.getHeight());
        Ink ink = ink(template, ImageIO.read(new ByteArrayInputStream(image)));
        if (!ink.drawn()) {
            throw new IllegalStateException(who + "'s " + w.format + " caption does not show its text over the "
                    + "template (needs >= " + MIN_INK * 100 + "% changed at top and bottom, <= " + MAX_MIDDLE * 100
                    + "% in the middle): " + ink);
        }
        return ink;
    }

    static Ink ink(BufferedImage template, BufferedImage captioned) {
        int w = template.getWidth();
        int h = template.getHeight();
        int[] topColumns = new int[w];
        long top = 0;
        long middle = 0;
        long bottom = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!changed(rgb(template, x, y), rgb(captioned, x, y))) {
                    continue;
                }
                if (y < h / 3) {
                    top++;
                    topColumns[x]++;
                } else if (y >= h * 2 / 5 && y < h * 3 / 5) {
                    middle++;
                } else if (y >= h - h / 3) {
                    bottom++;
                }
            }
        }
        int first = -1;
        int last = -1;
        for (int x = 0; x < w; x++) {
            if (topColumns[x] >= 2) {   // a lone changed pixel in a column is noise
                first = first < 0 ? x : first;
                last = x;
            }
        }
        double third = (double) w * (h / 3);
        return new Ink(top / third, middle / ((double) w * (h * 3 / 5 - h * 2 / 5)), bottom / third,
                first < 0 ? 0 : last - first + 1);
    }

    private static boolean changed(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 0xFF) - (b >> shift & 0xFF)) > CHANGED) {
                return true;
            }
        }
        return false;
    }

    /** The pixel's RGB; a grey image's stored value as is (ImageIO's getRGB reads 8-bit grey as linear). */
    private static int rgb(BufferedImage image, int x, int y) {
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            int v = image.getRaster().getSample(x, y, 0);
            return v << 16 | v << 8 | v;
        }
        return image.getRGB(x, y);
    }
}
