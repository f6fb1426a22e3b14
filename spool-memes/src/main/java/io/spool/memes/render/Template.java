package io.spool.memes.render;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A decoded template as the renderer keeps it: the {@link Picture}, plus its frames converted once per pixel type
 * a render draws on (transparent pixels already on white where the type has no alpha), so a render at the
 * template's own size starts from an array copy ({@link Pixels#copy}) instead of a colour conversion; for GIF
 * output, also the frames as palette indices ({@link IndexedFrame}); for JPEG output, the first frame's
 * encoding by MCU row ({@link JpegRows}); for PNG output, its encoding by band of rows ({@link PngBands}).
 */
final class Template {
    /** Spare copies of the first frame kept per pixel type: one for each render thread that may want one. */
    private static final int SPARES = Math.min(4, Runtime.getRuntime().availableProcessors());

    private final Picture picture;
    private final Map<Integer, BlockingQueue<BufferedImage>> spares = new ConcurrentHashMap<>();
    private final Map<Integer, List<BufferedImage>> bases = new ConcurrentHashMap<>();
    private final Map<Integer, Optional<List<IndexedFrame>>> indexed = new ConcurrentHashMap<>();
    private final Map<Integer, Optional<JpegRows>> jpeg = new ConcurrentHashMap<>();
    private volatile PngBands png;

    Template(Picture picture) {
        this.picture = picture;
    }

    Picture picture() {
        return picture;
    }

    /** The frames as images of {@code type}, converted on first use; callers must not draw on them. */
    List<BufferedImage> frames(int type) {
        return bases.computeIfAbsent(type, t -> picture.frames().stream()
                .map(f -> convert(f.image(), f.image().getWidth(), f.image().getHeight(), t)).toList());
    }

    /**
     * The frames of {@code type} as palette indices for the GIF writer, made on first use; empty when some frame
     * has more than 256 colours.
     */
    Optional<List<IndexedFrame>> indexed(int type) {
        return indexed.computeIfAbsent(type, t -> {
            List<IndexedFrame> frames = new ArrayList<>();
            for (BufferedImage frame : frames(t)) {
                IndexedFrame f = IndexedFrame.of(frame);
                if (f == null) {
                    return Optional.empty();
                }
                frames.add(f);
            }
            return Optional.of(List.copyOf(frames));
        });
    }

    /**
     * The first frame as {@code TYPE_3BYTE_BGR}, encoded as JPEG at {@code quality} row by row ({@link JpegRows}),
     * made on first use; empty if the writer did not make the expected rows.
     */
    Optional<JpegRows> jpegRows(int quality) {
        return jpeg.computeIfAbsent(quality, q -> {
            BufferedImage first = frames(BufferedImage.TYPE_3BYTE_BGR).getFirst();
            return Optional.ofNullable(JpegRows.encode(first, 0, first.getHeight(), q));
        });
    }

    /** The first frame as {@code TYPE_3BYTE_BGR}, PNG-encoded band by band ({@link PngBands}), made on first use. */
    PngBands pngBands() {
        PngBands bands = png;
        if (bands == null) { // two first renders at once may both encode it: the same bytes either way
            bands = PngBands.encode(PngPixels.of(frames(BufferedImage.TYPE_3BYTE_BGR).getFirst(), false));
            png = bands;
        }
        return bands;
    }

    /**
     * A copy of the first frame of {@code type} to paint on: a spare one when there is, else a new copy. Hand it
     * back with {@link #giveBack} once encoded, so the next caption need not allocate and copy the whole frame.
     */
    BufferedImage borrowFirst(int type) {
        BufferedImage spare = spares(type).poll();
        return spare != null ? spare : Pixels.copy(frames(type).getFirst());
    }

    /**
     * Takes back a frame from {@link #borrowFirst} whose rows {@code changed} differ from the template's: they are
     * copied back, and it is kept if fewer than {@link #SPARES} are. A frame whose render failed is simply not given
     * back.
     */
    void giveBack(int type, BufferedImage frame, ChangedRows changed) {
        BlockingQueue<BufferedImage> queue = spares(type);
        if (queue.remainingCapacity() > 0) {
            Pixels.restore(frame, frames(type).getFirst(), changed);
            queue.offer(frame);
        }
    }

    private BlockingQueue<BufferedImage> spares(int type) {
        return spares.computeIfAbsent(type, t -> new ArrayBlockingQueue<>(SPARES));
    }

    /**
     * The decoded size plus room for two converted copies, the indices, the encoded rows and the spare first
     * frames, as the template cache weighs it.
     */
    long weight() {
        long firstFrame = (long) picture.width() * picture.height() * 4;
        return 3 * picture.weight() + picture.weight() / 2 + SPARES * firstFrame;
    }

    /** {@code source} drawn at {@code width}×{@code height} (bilinear) onto a new image of {@code type}. */
    static BufferedImage convert(BufferedImage source, int width, int height, int type) {
        BufferedImage out = new BufferedImage(width, height, type);
        Graphics2D g = out.createGraphics();
        if (!out.getColorModel().hasAlpha()) {
            g.setColor(Color.WHITE); // what transparent template pixels become where alpha cannot be kept
            g.fillRect(0, 0, width, height);
        }
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(source, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
