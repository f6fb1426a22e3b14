package io.spool.memes.render;

import io.spool.memes.model.BadImageException;
import io.spool.memes.model.ImageFormat;
import io.spool.memes.model.LimitExceededException;
import io.spool.memes.model.MemeException;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG and GIF bytes into a {@link Picture}. The format is told by the magic bytes; the canvas size
 * is read from the header and checked against {@link RenderLimits} before any pixel is decoded. GIF frames are
 * composed onto the canvas as a viewer would (honouring each frame's offset and disposal), so every frame comes
 * out whole and can be captioned on its own.
 */
public final class ImageDecoder {
    private ImageDecoder() {
    }

    /** Decodes {@code bytes}; a {@link BadImageException} when they are no image, a limit error when too big. */
    public static Picture decode(byte[] bytes, RenderLimits limits) {
        ImageFormat format = ImageFormat.detect(bytes)
                .orElseThrow(() -> new BadImageException("not a PNG, JPEG or GIF image", null));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, false, false);
                return format == ImageFormat.GIF ? decodeGif(reader, limits) : decodeStill(reader, format, limits);
            } finally {
                reader.dispose();
            }
        } catch (MemeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // ImageIO reports broken files with assorted exceptions (IIOException, index errors…)
            throw new BadImageException("cannot decode the " + format + " image: " + e, e);
        }
    }

    private static Picture decodeStill(ImageReader reader, ImageFormat format, RenderLimits limits) throws IOException {
        checkPixels(reader.getWidth(0), reader.getHeight(0), limits);
        BufferedImage image = reader.read(0);
        return new Picture(format, image.getWidth(), image.getHeight(),
                List.of(new Frame(image, 0, "none")), -1, image.getColorModel().hasAlpha());
    }

    private static Picture decodeGif(ImageReader reader, RenderLimits limits) throws IOException {
        IIOMetadataNode screen = reader.getStreamMetadata() == null ? null
                : GifTree.child(GifTree.tree(reader.getStreamMetadata(), GifTree.STREAM_FORMAT), "LogicalScreenDescriptor", false);
        int width = GifTree.intAttribute(screen, "logicalScreenWidth", 0);
        int height = GifTree.intAttribute(screen, "logicalScreenHeight", 0);
        if (width <= 0 || height <= 0) {
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        }
        checkPixels(width, height, limits);
        int count = reader.getNumImages(true);
        if (count > limits.maxGifFrames()) {
            throw new LimitExceededException("the GIF has " + count + " frames; at most " + limits.maxGifFrames());
        }
        if ((long) width * height * count > limits.maxAnimationPixels()) {
            throw new LimitExceededException("the GIF has " + (long) width * height * count
                    + " pixels in all its frames; at most " + limits.maxAnimationPixels());
        }
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        List<Frame> frames = new ArrayList<>(count);
        int loops = -1;
        boolean alpha = false;
        for (int i = 0; i < count; i++) {
            IIOMetadataNode tree = GifTree.tree(reader.getImageMetadata(i), GifTree.IMAGE_FORMAT);
            IIOMetadataNode descriptor = GifTree.child(tree, "ImageDescriptor", false);
            IIOMetadataNode control = GifTree.child(tree, "GraphicControlExtension", false);
            if (i == 0) {
                loops = GifTree.loops(tree);
            }
            alpha |= control != null && "TRUE".equalsIgnoreCase(control.getAttribute("transparentColorFlag"));
            int left = GifTree.intAttribute(descriptor, "imageLeftPosition", 0);
            int top = GifTree.intAttribute(descriptor, "imageTopPosition", 0);
            String disposal = control == null ? "none" : control.getAttribute("disposalMethod");
            checkPixels(reader.getWidth(i), reader.getHeight(i), limits);
            BufferedImage patch = reader.read(i);
            BufferedImage previous = disposal.equals("restoreToPrevious") ? copy(canvas) : null;
            Graphics2D g = canvas.createGraphics();
            g.drawImage(patch, left, top, null);
            frames.add(new Frame(copy(canvas), GifTree.intAttribute(control, "delayTime", 0), disposal));
            if (disposal.equals("restoreToBackgroundColor")) {
                g.setComposite(AlphaComposite.Clear);
                g.fillRect(left, top, patch.getWidth(), patch.getHeight());
            } else if (previous != null) {
                canvas = previous;
            }
            g.dispose();
        }
        return new Picture(ImageFormat.GIF, width, height, frames, loops, alpha);
    }

    private static void checkPixels(int width, int height, RenderLimits limits) {
        if ((long) width * height > limits.maxInputPixels()) {
            throw new LimitExceededException("the image is " + width + "×" + height + " pixels; at most "
                    + limits.maxInputPixels() + " pixels are decoded");
        }
    }

    static BufferedImage copy(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = copy.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return copy;
    }
}
