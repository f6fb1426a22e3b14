package io.spool.web;

import io.netty.handler.codec.compression.StandardCompressionOptions;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import java.util.Locale;
import java.util.Set;

/**
 * Which answers are worth compressing, decided in one place for the compressor, the {@code Vary} header and the
 * length a HEAD announces: not media that is compressed already (images, audio, video, archives, web fonts),
 * and not byte bodies under {@link #FROM} bytes, where the gzip framing outweighs the saving.
 */
final class Compression {
    /** Byte bodies shorter than this go out uncompressed (streams are compressed whatever their length). */
    static final int FROM = 1024;
    private static final Set<String> COMPRESSED_TYPES = Set.of("image/png", "image/jpeg", "image/gif",
            "image/webp", "image/avif", "image/heic", "application/zip", "application/gzip", "application/x-gzip",
            "application/zstd", "application/x-7z-compressed", "application/x-rar-compressed", "application/x-bzip2",
            "application/x-xz", "font/woff", "font/woff2");

    private Compression() {}

    /**
     * Whether an answer of this status and Content-Type could gain from compression: not a 206, whose
     * Content-Range counts the bytes as they are, and not media that is compressed already.
     */
    static boolean worthIt(int status, String contentType) {
        return status != 206 && worthIt(contentType);
    }

    private static boolean worthIt(String contentType) {
        if (contentType == null) {
            return true;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return !COMPRESSED_TYPES.contains(type) && !type.startsWith("video/") && !type.startsWith("audio/")
                && !type.equals("text/event-stream");   // a compressor holds events back until its buffer fills
    }

    /** Netty's compressor (gzip, deflate), passing through what {@link #worthIt} says is not worth it. */
    static HttpContentCompressor compressor() {
        return new HttpContentCompressor(FROM, StandardCompressionOptions.gzip(), StandardCompressionOptions.deflate()) {
            @Override
            protected Result beginEncode(HttpResponse response, String acceptEncoding) throws Exception {
                if (response instanceof HttpContent full && full.content().readableBytes() < FROM) {
                    return null;   // the most common answer leaves here, before the Content-Type is looked at
                }
                if (!worthIt(response.status().code(), response.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
                    return null;
                }
                return super.beginEncode(response, acceptEncoding);
            }
        };
    }
}
