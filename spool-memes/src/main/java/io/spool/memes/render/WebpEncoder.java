package io.spool.memes.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes frames as WebP. Each frame's bitstream comes from libwebp (through the {@code webp-imageio} ImageIO
 * writer, lossy at the given quality, with an alpha plane when the frame has one). One frame is written as the
 * library writes it; several are muxed here into an animated WebP (a {@code VP8X} header with the animation flag,
 * an {@code ANIM} chunk with the loop count, one {@code ANMF} chunk per full-canvas frame with its duration), as
 * libwebp's own muxer lays them out, because no maintained Java library encodes WebP animations.
 */
final class WebpEncoder {
    private static final int VP8X_ANIMATION = 0x02;
    private static final int VP8X_ALPHA = 0x10;
    /** ANMF flags: replace the canvas area (no blending), keep it after the frame (no disposal). */
    private static final int ANMF_NO_BLEND = 0x02;
    /** GIF's "no delay": browsers show such frames for 100 ms, and so does this encoding. */
    private static final int DEFAULT_FRAME_MILLIS = 100;

    private WebpEncoder() {
    }

    /** {@code frames} as a WebP at {@code quality} percent; {@code loops} as in {@link Picture#loops()}. */
    static byte[] encode(List<Frame> frames, int loops, int quality) {
        if (frames.size() == 1) {
            return still(frames.getFirst().image(), quality);
        }
        BufferedImage first = frames.getFirst().image();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WEBP"));
        boolean alpha = first.getColorModel().hasAlpha();
        byte[] vp8x = new byte[10];
        vp8x[0] = (byte) (VP8X_ANIMATION | (alpha ? VP8X_ALPHA : 0));
        put24(vp8x, 4, first.getWidth() - 1);
        put24(vp8x, 7, first.getHeight() - 1);
        chunk(body, "VP8X", vp8x);
        byte[] anim = new byte[6]; // background colour 0 (transparent black), then the loop count
        int loopCount = loops < 0 ? 1 : Math.min(loops, 0xFFFF);
        anim[4] = (byte) loopCount;
        anim[5] = (byte) (loopCount >> 8);
        chunk(body, "ANIM", anim);
        for (Frame frame : frames) {
            BufferedImage image = frame.image();
            ByteArrayOutputStream anmf = new ByteArrayOutputStream();
            byte[] header = new byte[16];
            put24(header, 6, image.getWidth() - 1);
            put24(header, 9, image.getHeight() - 1);
            put24(header, 12, frame.delayCentis() > 0 ? frame.delayCentis() * 10 : DEFAULT_FRAME_MILLIS);
            header[15] = ANMF_NO_BLEND;
            anmf.writeBytes(header);
            anmf.writeBytes(frameData(still(image, quality)));
            chunk(body, "ANMF", anmf.toByteArray());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
        chunk(out, "RIFF", body.toByteArray());
        return out.toByteArray();
    }

    /** One image encoded by libwebp, as a complete RIFF WebP file. */
    static byte[] still(BufferedImage image, int quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType("image/webp");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no WebP writer on the class path (com.github.usefulness:webp-imageio)");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Lossy");
            param.setCompressionQuality(Math.clamp(quality, 1, 100) / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: not expected
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The chunks of a still WebP that carry its pixels ({@code ALPH} and {@code VP8 }, or {@code VP8L}). */
    static byte[] frameData(byte[] webp) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int at = 12; // after "RIFF", the size and "WEBP"
        while (at + 8 <= webp.length) {
            String fourcc = new String(webp, at, 4, StandardCharsets.US_ASCII);
            int size = (webp[at + 4] & 0xFF) | (webp[at + 5] & 0xFF) << 8 | (webp[at + 6] & 0xFF) << 16
                    | (webp[at + 7] & 0xFF) << 24;
            int end = at + 8 + size + (size & 1);
            if (fourcc.equals("ALPH") || fourcc.equals("VP8 ") || fourcc.equals("VP8L")) {
                data.write(webp, at, Math.min(end, webp.length) - at);
            }
            at = end;
        }
        return data.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String fourcc, byte[] payload) {
        out.writeBytes(ascii(fourcc));
        int n = payload.length;
        out.write(n);
        out.write(n >> 8);
        out.write(n >> 16);
        out.write(n >> 24);
        out.writeBytes(payload);
        if ((n & 1) != 0) {
            out.write(0); // chunks are padded to an even size
        }
    }

    private static void put24(byte[] into, int at, int value) {
        into[at] = (byte) value;
        into[at + 1] = (byte) (value >> 8);
        into[at + 2] = (byte) (value >> 16);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
