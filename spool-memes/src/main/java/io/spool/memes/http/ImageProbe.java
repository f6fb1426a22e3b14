package io.spool.memes.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.spool.memes.assets.Asset;
import io.spool.memes.model.ImageFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A template picture's format, size and frame count for {@code GET /templates}, read from the headers (and, for a
 * GIF, by walking its frames) without decoding pixels, and remembered by name and version so listing a large
 * catalogue twice reads nothing.
 */
final class ImageProbe {
    private final Cache<String, ImageCheck.Summary> known = Caffeine.newBuilder().maximumSize(10_000).build();

    /** The summary of {@code image}, or null when it cannot be read (a file deleted or broken since). */
    ImageCheck.Summary probe(Asset image) {
        return known.get(image.name() + "@" + image.version(), k -> read(image));
    }

    private static ImageCheck.Summary read(Asset image) {
        try {
            byte[] bytes = image.bytes();
            ImageFormat format = ImageFormat.detect(bytes).orElse(null);
            if (format == null) {
                return null;
            }
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
                Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase(Locale.ROOT));
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in, false, true);
                    int frames = format == ImageFormat.GIF ? reader.getNumImages(true) : 1;
                    return new ImageCheck.Summary(format, reader.getWidth(0), reader.getHeight(0), frames);
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
