package io.spool.memes.render;

import io.spool.memes.model.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Encodes frames as PNG (by {@link PngEncoder}), JPEG (quality 0.9) or GIF. A GIF keeps each frame's delay and disposal and the loop
 * count; PNG and JPEG take the first frame. Frames must already be of a type the format takes (no alpha for
 * JPEG), which the renderer sees to.
 */
public final class ImageEncoder {
    private static final float JPEG_QUALITY = 0.9f;

    private ImageEncoder() {
    }

    /** Encodes {@code frames}; {@code loops} as in {@link Picture#loops()}. */
    public static byte[] encode(List<Frame> frames, ImageFormat format, int loops) {
        if (format == ImageFormat.PNG) {
            return PngEncoder.encode(frames.getFirst().image());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format.name().toLowerCase(Locale.ROOT)).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            switch (format) {
                case GIF -> writeGif(writer, param, frames, loops);
                case JPEG -> {
                    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                    param.setCompressionQuality(JPEG_QUALITY);
                    writer.write(null, new IIOImage(frames.getFirst().image(), null, null), param);
                }
                case PNG -> throw new AssertionError("PNG is written by PngEncoder");
            }
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
