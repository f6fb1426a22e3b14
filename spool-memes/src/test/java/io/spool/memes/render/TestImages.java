package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.assets.AssetStore;
import io.spool.memes.model.ImageFormat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

/** Test images made on the spot, and pixel counting over horizontal bands. */
public final class TestImages {
    static final Color GREY = new Color(128, 128, 128);

    private TestImages() {
    }

    public static BufferedImage solid(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** A PNG whose header claims {@code width}×{@code height} pixels and that has no pixel data: a bomb. */
    public static byte[] pngHeaderOnly(int width, int height) throws java.io.IOException {
        return LimitsAndInterruptTest.pngHeaderOnly(width, height);
    }

    /** A still image encoded in {@code format}. */
    static byte[] still(int width, int height, Color color, ImageFormat format) {
        return ImageEncoder.encode(List.of(new Frame(solid(width, height, color), 0, "none")), format, -1);
    }

    /** A grey GIF with {@code count} frames, frame i delayed {@code i + 1} centiseconds. */
    static byte[] animated(int width, int height, int count, int loops) {
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(new Frame(solid(width, height, new Color(100 + i % 50, 120, 128)), i + 1, "doNotDispose"));
        }
        return ImageEncoder.encode(frames, ImageFormat.GIF, loops);
    }

    /** The bundled template {@code name}'s first frame as the renderer keeps it for JPEG and PNG ({@code TYPE_3BYTE_BGR}). */
    static BufferedImage template(String name) {
        return new Template(ImageDecoder.decode(AssetStore.templates(null).get(name).bytes(), RenderLimits.DEFAULT))
                .frames(BufferedImage.TYPE_3BYTE_BGR).getFirst();
    }

    static BufferedImage read(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that both images have the same size and the same ARGB in every pixel. */
    static void assertSameArgb(BufferedImage expected, BufferedImage actual) {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                assertThat(actual.getRGB(x, y)).as("(%d,%d)", x, y).isEqualTo(expected.getRGB(x, y));
            }
        }
    }

    /** Pixels in rows {@code [fromRow, toRow)} whose RGB passes {@code test}. */
    static int count(BufferedImage image, int fromRow, int toRow, IntPredicate test) {
        int n = 0;
        for (int y = fromRow; y < toRow; y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (test.test(image.getRGB(x, y) & 0xFFFFFF)) {
                    n++;
                }
            }
        }
        return n;
    }

    static boolean white(int rgb) {
        return channel(rgb, 16) > 235 && channel(rgb, 8) > 235 && channel(rgb, 0) > 235;
    }

    static boolean black(int rgb) {
        return channel(rgb, 16) < 25 && channel(rgb, 8) < 25 && channel(rgb, 0) < 25;
    }

    static boolean red(int rgb) {
        return channel(rgb, 16) > 220 && channel(rgb, 8) < 40 && channel(rgb, 0) < 40;
    }

    private static int channel(int rgb, int shift) {
        return rgb >> shift & 0xFF;
    }

    /** A renderer whose templates directory (a fresh temporary one) holds one file, {@code name}. */
    static Renderer rendererWith(String name, byte[] template) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("spool-memes-templates");
            dir.toFile().deleteOnExit();
            java.nio.file.Path file = java.nio.file.Files.write(dir.resolve(name), template);
            file.toFile().deleteOnExit();
            return Renderer.create(RendererConfig.DEFAULT.withTemplatesDir(dir));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
