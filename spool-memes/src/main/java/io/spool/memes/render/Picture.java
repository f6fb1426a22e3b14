package io.spool.memes.render;

import io.spool.memes.model.ImageFormat;
import java.util.List;

/**
 * A decoded template: its format (from its bytes), canvas size, frames composed to full canvases, the GIF loop
 * count ({@code 0} forever, {@code -1} when the file has no loop extension and plays once), and whether any pixel
 * may be transparent.
 */
public record Picture(ImageFormat format, int width, int height, List<Frame> frames, int loops, boolean alpha) {
    public Picture {
        frames = List.copyOf(frames);
    }

    /** The decoded size in bytes, as the template cache weighs it. */
    public long weight() {
        return 4L * width * height * frames.size();
    }
}
