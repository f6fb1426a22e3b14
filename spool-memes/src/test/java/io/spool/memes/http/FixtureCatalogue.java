package io.spool.memes.http;

import io.spool.memes.assets.DemoGif;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A template catalogue in memegen's layout for the tests, written into a directory: the {@code config.yml} files
 * of {@code src/test/resources/catalogue/} with pictures drawn here (plain colours, so the tests can tell text from
 * background; CC0, as is all generated data) and spool-memes' own animated {@code DemoGif}. {@code twobox}: two
 * boxes on the right half and a style {@code red}; {@code tilted}: one black box turned by 20°; {@code moving}: an
 * animated background with one box per half of the animation; {@code plain}: a folder with a picture and no
 * config (memegen's default boxes); {@code flat.png}: a flat-layout file beside them.
 */
public final class FixtureCatalogue {
    static final Color NAVY = new Color(20, 30, 90);
    static final Color RED = new Color(150, 20, 20);
    static final Color GREY = new Color(220, 220, 220);

    private FixtureCatalogue() {
    }

    public static Path write(Path dir) throws IOException {
        for (String name : new String[] {"twobox", "tilted", "moving"}) {
            Files.createDirectories(dir.resolve(name));
            copyConfig(name, dir.resolve(name).resolve("config.yml"));
        }
        writeImage(solid(400, 300, NAVY), "png", dir.resolve("twobox/default.png"));
        writeImage(solid(400, 300, RED), "png", dir.resolve("twobox/red.png"));
        writeImage(solid(400, 300, GREY), "png", dir.resolve("tilted/default.png"));
        Files.write(dir.resolve("moving/default.gif"), DemoGif.generate());
        Files.createDirectories(dir.resolve("plain"));
        writeImage(solid(300, 200, NAVY), "jpg", dir.resolve("plain/default.jpg"));
        writeImage(solid(200, 100, GREY), "png", dir.resolve("flat.png"));
        return dir;
    }

    static void copyConfig(String name, Path to) throws IOException {
        try (InputStream in = FixtureCatalogue.class.getResourceAsStream("/catalogue/" + name + "/config.yml")) {
            Files.write(to, in.readAllBytes());
        }
    }

    static BufferedImage solid(int width, int height, Color colour) {
        return io.spool.memes.render.TestImages.solid(width, height, colour);
    }

    /** Writes through a temporary file and a move, so the watcher never reads half a picture. */
    static void writeImage(BufferedImage image, String format, Path to) {
        try {
            Path tmp = Files.createTempFile(to.getParent().getParent(), ".tmp", "." + format);
            ImageIO.write(image, format, tmp.toFile());
            Files.move(tmp, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
