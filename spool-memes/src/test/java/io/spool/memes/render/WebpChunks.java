package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A test's reading of a WebP file by the container specification: its top-level chunks, the frames of an
 * animation, and each frame decoded on its own (its bitstream wrapped as a still WebP for the ImageIO reader).
 */
public record WebpChunks(List<Chunk> chunks) {
    /** One chunk: its FourCC and payload. */
    public record Chunk(String fourcc, byte[] payload) {
    }

    /** One ANMF frame: its rectangle, duration and decoded pixels. */
    public record AnimFrame(int x, int y, int width, int height, int millis, BufferedImage image) {
    }

    /** Parses {@code webp}, failing unless it starts with {@code RIFF <size> WEBP} and the size is the file's. */
    public static WebpChunks parse(byte[] webp) {
        if (webp.length < 12 || !ascii(webp, 0).equals("RIFF") || !ascii(webp, 8).equals("WEBP")) {
            throw new AssertionError("not a RIFF WEBP file");
        }
        if (le32(webp, 4) != webp.length - 8) {
            throw new AssertionError("RIFF size " + le32(webp, 4) + " but the file has " + (webp.length - 8));
        }
        return new WebpChunks(chunks(webp, 12, webp.length));
    }

    public List<String> fourccs() {
        return chunks.stream().map(Chunk::fourcc).toList();
    }

    public Chunk first(String fourcc) {
        return chunks.stream().filter(c -> c.fourcc.equals(fourcc)).findFirst().orElseThrow();
    }

    /** The ANMF frames in order, each decoded. */
    public List<AnimFrame> frames() {
        List<AnimFrame> frames = new ArrayList<>();
        for (Chunk c : chunks) {
            if (c.fourcc.equals("ANMF")) {
                byte[] p = c.payload;
                byte[] data = java.util.Arrays.copyOfRange(p, 16, p.length);
                frames.add(new AnimFrame(2 * le24(p, 0), 2 * le24(p, 3), le24(p, 6) + 1, le24(p, 9) + 1, le24(p, 12),
                        decode(wrap(data))));
            }
        }
        return frames;
    }

    /** Decodes a still WebP with the webp-imageio reader. */
    public static BufferedImage decode(byte[] still) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(still));
            if (image == null) {
                throw new AssertionError("no reader decoded the WebP");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] wrap(byte[] frameChunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        int size = frameChunks.length + 4;
        out.write(size);
        out.write(size >> 8);
        out.write(size >> 16);
        out.write(size >> 24);
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(frameChunks);
        return out.toByteArray();
    }

    private static List<Chunk> chunks(byte[] b, int from, int to) {
        List<Chunk> list = new ArrayList<>();
        int at = from;
        while (at < to) {
            int size = le32(b, at + 4);
            list.add(new Chunk(ascii(b, at), java.util.Arrays.copyOfRange(b, at + 8, at + 8 + size)));
            at += 8 + size + (size & 1);
        }
        if (at != to) {
            throw new AssertionError("chunks overrun the file");
        }
        return list;
    }

    static int le24(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16;
    }

    static int le32(byte[] b, int at) {
        return le24(b, at) | (b[at + 3] & 0xFF) << 24;
    }

    private static String ascii(byte[] b, int at) {
        return new String(b, at, 4, StandardCharsets.US_ASCII);
    }
}
