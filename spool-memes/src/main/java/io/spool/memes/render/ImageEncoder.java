package io.spool.memes.render;

import io.spool.memes.model.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes frames as PNG (by {@link PngEncoder}), JPEG (quality 0.9 unless told; by {@link TurboJpeg} where it
 * loads, else ImageIO's writer), GIF or WebP (by {@link WebpEncoder},
 * lossy at the JPEG quality). A GIF keeps each frame's delay and disposal and the loop count, a WebP each frame's
 * delay and the loop count; PNG and JPEG take the first frame. Frames must already be of a type the format takes (no alpha for
 * JPEG), which the renderer sees to.
 */
public final class ImageEncoder {
    /** The JPEG quality used when none is given, in percent. */
    public static final int DEFAULT_JPEG_QUALITY = 90;

    private ImageEncoder() {
    }

    /** Encodes {@code frames}; {@code loops} as in {@link Picture#loops()}. */
    public static byte[] encode(List<Frame> frames, ImageFormat format, int loops) {
        return encode(frames, format, loops, DEFAULT_JPEG_QUALITY);
    }

    /** Encodes {@code frames}, a JPEG at {@code jpegQuality} percent (1 to 100). */
    public static byte[] encode(List<Frame> frames, ImageFormat format, int loops, int jpegQuality) {
        return encode(frames, format, loops, jpegQuality, 100);
    }

    /**
     * Encodes {@code frames}: a JPEG at {@code jpegQuality} percent, a GIF at {@code gifQuality} percent (below
     * 100 each channel is first cut to fewer levels, from 64 near 100 down to 4 at 1, which shrinks the file).
     */
    public static byte[] encode(List<Frame> frames, ImageFormat format, int loops, int jpegQuality, int gifQuality) {
        if (format == ImageFormat.GIF && gifQuality < 100) {
            int levels = Math.max(4, Math.round(64 * Math.clamp(gifQuality, 1, 100) / 100f));
            frames = frames.stream().map(f -> new Frame(posterize(f.image(), levels), f.delayCentis(), f.disposal()))
                    .toList();
        }
        if (format == ImageFormat.PNG) {
            return PngEncoder.encode(frames.getFirst().image());
        }
        if (format == ImageFormat.WEBP) {
            return WebpEncoder.encode(frames, loops, jpegQuality);
        }
        if (format == ImageFormat.JPEG) {
            BufferedImage image = frames.getFirst().image();
            return TurboJpeg.takes(image) ? TurboJpeg.encode(image, jpegQuality) : jdkJpeg(image, jpegQuality);
        }
        List<Frame> gifFrames = frames;
        return write("gif", (writer, param) -> writeGif(writer, param, gifFrames, loops));
    }

    /**
     * {@code image} (opaque) as a baseline JPEG at {@code quality} percent through the JDK's ImageIO writer, which
     * {@link #encode} uses where libjpeg-turbo does not load; public for the encode benchmark in spool-bench.
     */
    public static byte[] jdkJpeg(BufferedImage image, int quality) {
        return write("jpeg", (writer, param) -> {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(Math.clamp(quality, 1, 100) / 100f);
            writer.write(null, new IIOImage(JpegInput.of(image), null, null), param);
        });
    }

    /** What an ImageIO writer writes to memory. */
    private interface Writing {
        void write(ImageWriter writer, ImageWriteParam param) throws IOException;
    }

    private static byte[] write(String format, Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) { // ImageIO's default caches in a temp file
            writer.setOutput(out);
            writing.write(writer, writer.getDefaultWriteParam());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory: not expected
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static void writeGif(ImageWriter writer, ImageWriteParam param, List<Frame> frames, int loops)
            throws IOException {
        writer.prepareWriteSequence(null);
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(frame.image());
            IIOMetadata metadata = writer.getDefaultImageMetadata(type, param);
            IIOMetadataNode tree = GifTree.tree(metadata, GifTree.IMAGE_FORMAT);
            IIOMetadataNode control = GifTree.child(tree, "GraphicControlExtension", true);
            control.setAttribute("disposalMethod", frame.disposal().isEmpty() ? "none" : frame.disposal());
            control.setAttribute("userInputFlag", "FALSE");
            control.setAttribute("delayTime", Integer.toString(frame.delayCentis()));
            if (i == 0 && loops >= 0) {
                GifTree.setLoops(tree, loops);
            }
            metadata.setFromTree(GifTree.IMAGE_FORMAT, tree);
            writer.writeToSequence(new IIOImage(frame.image(), null, metadata), param);
        }
        writer.endWriteSequence();
    }

    /** A copy of {@code image} with each colour channel cut to {@code levels} levels (alpha kept). */
    static BufferedImage posterize(BufferedImage image, int levels) {
        int type = image.getType() == BufferedImage.TYPE_CUSTOM ? BufferedImage.TYPE_INT_ARGB : image.getType();
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), type);
        int step = 256 / levels;
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int x = 0; x < row.length; x++) {
                int p = row[x];
                row[x] = (p & 0xFF000000) | level(p >> 16 & 0xFF, step) << 16 | level(p >> 8 & 0xFF, step) << 8
                        | level(p & 0xFF, step);
            }
            out.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return out;
    }

    private static int level(int channel, int step) {
        return Math.min(255, channel / step * step + step / 2);
    }

    /**
     * The image type a render draws on for {@code format}: JPEG and opaque pictures get no alpha channel. PNG and
     * JPEG get byte rasters, which the encoders take without a per-pixel conversion; GIF keeps int pixels.
     */
    static int imageType(ImageFormat format, boolean alpha) {
        boolean keepAlpha = alpha && format != ImageFormat.JPEG;
        if (format == ImageFormat.GIF) {
            return keepAlpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        }
        return keepAlpha ? BufferedImage.TYPE_4BYTE_ABGR : BufferedImage.TYPE_3BYTE_BGR;
    }
}
