package io.spool.web;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpData;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code multipart/form-data} body read into {@link FormPart}s by Netty's decoder, fed from the body as it is
 * read (on a streaming route, as it arrives): parts past the memory threshold go to temporary files as they come.
 * Limits: the number of parts, each part's size, and the bytes the decoder may hold while looking for a
 * boundary. A malformed body is a 400, a limit passed a 413; {@link #release} deletes the temporary files, and
 * runs when the request ends whatever happened.
 */
final class MultipartBody {
    /** The multipart limits of a server (see {@link WebApp#multipart}). */
    record Limits(int maxParts, long maxPartSize, long memoryThreshold, Path tempDir) {}

    private final DefaultHttpDataFactory factory;
    private final HttpPostMultipartRequestDecoder decoder;
    private final List<FormPart> parts = new ArrayList<>();
    private final Limits limits;
    private boolean complete;   // the closing boundary was read

    private MultipartBody(HttpHeaders headers, Limits limits) throws IOException {
        this.limits = limits;
        Files.createDirectories(limits.tempDir());
        factory = new DefaultHttpDataFactory(limits.memoryThreshold(), StandardCharsets.UTF_8);
        factory.setBaseDir(limits.tempDir().toString());
        factory.setDeleteOnExit(false);   // deleted when the request ends; the JDK's exit hook would only grow
        factory.setMaxLimit(limits.maxPartSize());
        DefaultHttpRequest head = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/", headers);
        if (!hasBoundary(headers.get("Content-Type"))) {
            throw HttpError.badRequest("a multipart body needs a boundary parameter in its Content-Type");
        }
        try {
            decoder = new HttpPostMultipartRequestDecoder(factory, head, StandardCharsets.UTF_8, limits.maxParts(),
                    64 * 1024);
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            throw HttpError.badRequest("malformed multipart body: " + e.getMessage());
        } catch (io.netty.handler.codec.DecoderException e) {
            throw HttpError.badRequest("malformed multipart body: " + e.getMessage());
        }
    }

    /** Whether a Content-Type has a {@code boundary} parameter of 1 to 70 characters (RFC 2046 §5.1.1). */
    private static boolean hasBoundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = p.substring(9).replace("\"", "");
                return !value.isEmpty() && value.length() <= 70;
            }
        }
        return false;
    }

    static boolean applies(String contentType) {
        return contentType != null && contentType.regionMatches(true, 0, "multipart/form-data", 0, 19);
    }

    /** Reads every part of {@code body}; on failure the temporary files made so far are deleted. */
    static MultipartBody read(HttpHeaders headers, InputStream body, Limits limits) throws IOException {
        MultipartBody m = new MultipartBody(headers, limits);
        try {
            byte[] buf = new byte[16 * 1024];
            for (int n = body.read(buf); n >= 0; n = body.read(buf)) {
                m.offer(new DefaultHttpContent(Unpooled.wrappedBuffer(buf, 0, n)));
            }
            m.offer(LastHttpContent.EMPTY_LAST_CONTENT);
            if (!m.complete && !m.decoder.hasNext()) {   // at the closing boundary hasNext throws "end of data"
                throw HttpError.badRequest("the multipart body ends before its closing boundary");
            }
            return m;
        } catch (IOException | RuntimeException e) {
            m.release();
            throw e;
        }
    }

    private void offer(io.netty.handler.codec.http.HttpContent piece) {
        try {
            decoder.offer(piece);
            while (decoder.hasNext()) {
                InterfaceHttpData data = decoder.next();
                if (data instanceof HttpData d) {
                    parts.add(new FormPart(d));
                }
            }
        } catch (HttpPostRequestDecoder.TooManyFormFieldsException e) {
            throw new HttpError(413, "more than " + limits.maxParts() + " parts in the multipart body");
        } catch (HttpPostRequestDecoder.TooLongFormFieldException e) {
            throw new HttpError(413, "a multipart field name or header too long");
        } catch (HttpPostRequestDecoder.EndOfDataDecoderException end) {
            complete = true;
        } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
            if (e.getCause() instanceof IOException io && String.valueOf(io.getMessage()).contains("exceed")) {
                throw new HttpError(413, "a part larger than " + limits.maxPartSize() + " bytes");
            }
            throw HttpError.badRequest("malformed multipart body: " + e.getMessage());
        } catch (io.netty.handler.codec.DecoderException e) {
            throw HttpError.badRequest("malformed multipart body: " + e.getMessage());
        }
    }

    List<FormPart> parts() {
        return parts;
    }

    /** Deletes the temporary files and frees the buffers. */
    void release() {
        decoder.destroy();
        factory.cleanAllHttpData();
    }
}
