package io.spool.memes.render;

import io.spool.memes.model.ImageFormat;

/**
 * A finished image: its encoded bytes, format (whose media type is the Content-Type), ETag (quoted, ready for the
 * header), size and frame count. The byte array is shared with the result cache: callers must not change it.
 */
public record RenderResult(byte[] bytes, ImageFormat format, String etag, int width, int height, int frames) {
    public String mediaType() {
        return format.mediaType();
    }
}
