package io.spool.memes.http;

import io.spool.web.Context;
import io.spool.web.Response;

/**
 * Image answers with validators: the ETag (a hash of the normalised request, the template's version and the
 * engine's), {@code Cache-Control}, and 304 Not Modified when the client's {@code If-None-Match} already names the
 * ETag, so a repeated request costs neither a render nor the bytes.
 */
final class ImageResponses {
    static final String CACHE_CONTROL = "public, max-age=86400";

    private ImageResponses() {
    }

    /** Whether the client sent {@code If-None-Match}, so the ETag is worth computing before the render. */
    static boolean asksNotModified(Context ctx) {
        return ctx.header("If-None-Match") != null;
    }

    /** True when {@code If-None-Match} lists {@code etag} (or is {@code *}); weak tags compare weakly. */
    static boolean notModified(Context ctx, String etag) {
        String header = ctx.header("If-None-Match");
        if (header == null) {
            return false;
        }
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(bare)) {
                return true;
            }
        }
        return false;
    }

    static Response notModifiedResponse(String etag) {
        return Response.status(304).header("ETag", etag).header("Cache-Control", CACHE_CONTROL);
    }

    static Response image(byte[] bytes, String mediaType, String etag) {
        return Response.status(200).body(bytes).contentType(mediaType).header("ETag", etag)
                .header("Cache-Control", CACHE_CONTROL);
    }
}
