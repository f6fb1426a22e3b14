package io.spool.memes.assets;

import io.spool.memes.model.ImageFormat;
import io.spool.memes.render.Frame;
import io.spool.memes.render.ImageEncoder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the bundled animated template {@code spool}: a thread spool turning on a dusk gradient, eight frames
 * that loop forever, the last one held longer. It is made by code at start-up rather than shipped as a file, so
 * its provenance is this class, and it gives the GIF path a template to exercise.
 */
public final class DemoGif {
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    public static final int FRAMES = 8;
    /** Each frame's delay in hundredths of a second: the last frame pauses. */
    public static final int DELAY = 12;
    public static final int LAST_DELAY = 60;

    private DemoGif() {
    }

    /** The GIF's bytes, freshly drawn. */
    public static byte[] generate() {
        List<Frame> frames = new ArrayList<>(FRAMES);
        for (int i = 0; i < FRAMES; i++) {
            frames.add(new Frame(frame(i), i == FRAMES - 1 ? LAST_DELAY : DELAY, "none"));
        }
        return ImageEncoder.encode(frames, ImageFormat.GIF, 0);
    }

    private static BufferedImage frame(int index) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x2b, 0x3a, 0x67), 0, HEIGHT, new Color(0xe0, 0x7a, 0x5f)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double cx = WIDTH / 2.0;
        double cy = HEIGHT / 2.0;
        // the two flanges and the wound thread, whose stripes slide with the turn
        g.setColor(new Color(0x8d, 0x5b, 0x3a));
        g.fill(new RoundRectangle2D.Double(cx - 60, cy - 70, 120, 18, 10, 10));
        g.fill(new RoundRectangle2D.Double(cx - 60, cy + 52, 120, 18, 10, 10));
        g.setColor(new Color(0xf2, 0xcc, 0x8f));
        g.fillRect((int) cx - 45, (int) cy - 52, 90, 104);
        g.setColor(new Color(0xc9, 0x3f, 0x3f));
        g.setStroke(new BasicStroke(3));
        for (int y = -52 + (index * 13 / 2) % 13; y < 52; y += 13) {
            g.drawLine((int) cx - 45, (int) cy + y, (int) cx + 45, (int) cy + y + 6);
        }
        // a bead orbiting the spool marks the turn
        double angle = 2 * Math.PI * index / FRAMES;
        AffineTransform at = AffineTransform.getTranslateInstance(cx + 95 * Math.cos(angle), cy + 30 * Math.sin(angle));
        g.setColor(Color.WHITE);
        g.fill(at.createTransformedShape(new Ellipse2D.Double(-8, -8, 16, 16)));
        g.dispose();
        return image;
    }
}
