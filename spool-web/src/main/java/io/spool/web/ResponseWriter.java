package io.spool.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes a rendered {@link Response} to a channel from the handler's thread. A byte body goes out as one
 * message with a Content-Length; an {@link InputStream} is read in chunks only while the channel is writable,
 * so a slow reader holds back the producer instead of filling memory. HEAD responses carry the headers only.
 */
final class ResponseWriter {
    private static final System.Logger LOG = System.getLogger("io.spool.web");
    private static final int CHUNK = 16 * 1024;
    /** Header names and values most responses carry, encoded once (a map of literals: their hashes are cached). */
    private static final Map<String, AsciiString> COMMON = Stream.of("Content-Type", RequestIds.HEADER,
                    "application/json", "text/plain; charset=utf-8", "application/octet-stream")
            .collect(Collectors.toUnmodifiableMap(s -> s, AsciiString::cached));

    private static final AsciiString ACCEPT_ENCODING = AsciiString.cached("Accept-Encoding");

    private ResponseWriter() {}

    /**
     * Headers shared by every response: status, the response's own headers, and the connection's fate. An
     * HTTP/1.0 client is answered in HTTP/1.0, which also tells the compressor not to chunk what it sends it.
     */
    static HttpResponse head(Response res, boolean keepAlive, boolean http10, boolean full, byte[] bytes) {
        HttpResponseStatus status = HttpResponseStatus.valueOf(res.status());
        HttpVersion version = http10 ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
        HttpResponse r = full
                // no trailers ever: the shared empty set spares a header table per response
                ? new DefaultFullHttpResponse(version, status,
                        bytes == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes),
                        DefaultHttpHeadersFactory.headersFactory().newHeaders(), EmptyHttpHeaders.INSTANCE)
                : new DefaultHttpResponse(version, status);
        r.headers().set(HttpHeaderNames.DATE, HttpDates.now());   // first: a Date of the response's own replaces it
        // as AsciiString the encoder copies each header in bulk; a String it would write byte by byte
        res.headers().forEach((k, v) -> r.headers().set(ascii(k), ascii(v)));
        List<String> cookies = res.cookies();
        for (int i = 0; i < cookies.size(); i++) {   // indexed: most answers have none, and make no iterator
            r.headers().add(HttpHeaderNames.SET_COOKIE, cookies.get(i));
        }
        if (!keepAlive) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (http10) {
            r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return r;
    }

    private static AsciiString ascii(String s) {
        AsciiString common = COMMON.get(s);
        return common != null ? common : new AsciiString(s);
    }

    /** A JSON error rendered on the event loop, where no dispatcher runs. */
    static Response errorBytes(int status, String message, ObjectMapper mapper) {
        try {
            return Response.status(status).contentType("application/json")
                    .body(mapper.writeValueAsBytes(Response.errorBody(message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);   // a map of two strings always serialises
        }
    }

    static ChannelFuture write(Channel ch, Response res, Exchange ex, WritabilityGate gate, long stallNanos) {
        int code = res.status();
        boolean bodiless = code < 200 || code == 204 || code == 304;
        if (!(res.body() instanceof InputStream in)) {
            byte[] bytes = (byte[]) res.body();
            int length = bytes == null ? 0 : bytes.length;
            HttpResponse r = head(res, ex.keepAlive(), ex.http10(), true, ex.head() || bodiless ? null : bytes);
            if (!bodiless && !headOfCompressed(r, res, ex, length >= Compression.FROM)) {
                r.headers().set(HttpHeaderNames.CONTENT_LENGTH, new AsciiString(Integer.toString(length)));
            }
            return ch.writeAndFlush(r);
        }
        boolean unknownLength = res.streamLength() < 0;
        if (ex.http10() && unknownLength && !ex.head()) {
            ex.closeAfter();   // HTTP/1.0 has no chunks: a body of unknown length ends where the connection does
        }
        HttpResponse r = head(res, ex.keepAlive(), ex.http10(), false, null);
        if (!headOfCompressed(r, res, ex, true) && !unknownLength) {
            r.headers().set(HttpHeaderNames.CONTENT_LENGTH, res.streamLength());
        } else if (!ex.head() && !ex.http10()) {
            r.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        try (in) {
            ch.write(r);
            if (!ex.head()) {
                stream(ch, in, gate, stallNanos);
            }
            return ch.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the status is gone already: all that is left is to cut the connection
            LOG.log(System.Logger.Level.WARNING, "streamed response aborted: " + e);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return ch.close();
        }
    }

    /**
     * Adds {@code Vary: Accept-Encoding} when the compressor would encode this answer for a client that accepts gzip
     * or deflate, and says whether this is the answer to a HEAD whose GET would be compressed. Such an answer
     * depends on Accept-Encoding, and says so in {@code Vary} (else a cache could give the gzipped bytes to a client
     * that cannot read them). The answer to a HEAD must not announce the plain length then (RFC 9110 §8.6: it must
     * be the length a GET would get), and the compressed one is not known without compressing, so it announces none.
     * A stream is compressed whatever its length.
     */
    private static boolean headOfCompressed(HttpResponse r, Response res, Exchange ex, boolean longEnough) {
        if (!longEnough || !ex.mayCompress() || res.header("Content-Encoding") != null
                || !Compression.worthIt(res.status(), res.header("Content-Type"))) {
            return false;
        }
        varyOnAcceptEncoding(r);
        return ex.head() && acceptsCompression(ex.ctx.header("Accept-Encoding"));
    }

    private static void varyOnAcceptEncoding(HttpResponse r) {
        String vary = r.headers().get(HttpHeaderNames.VARY);
        if (vary == null) {
            r.headers().set(HttpHeaderNames.VARY, ACCEPT_ENCODING);
        } else if (!vary.toLowerCase(Locale.ROOT).contains("accept-encoding") && !vary.trim().equals("*")) {
            r.headers().set(HttpHeaderNames.VARY, vary + ", Accept-Encoding");
        }
    }

    /** Whether an Accept-Encoding header welcomes gzip or deflate (or anything) with a weight above zero. */
    static boolean acceptsCompression(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            int semi = part.indexOf(';');
            String coding = (semi < 0 ? part : part.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            if ((coding.contains("gzip") || coding.contains("deflate") || coding.equals("*"))
                    && (semi < 0 || weight(part.substring(semi + 1)) > 0)) {
                return true;
            }
        }
        return false;
    }

    private static float weight(String params) {
        int q = params.indexOf("q=");
        if (q < 0) {
            return 1;
        }
        try {
            return Float.parseFloat(params.substring(q + 2).trim());
        } catch (NumberFormatException e) {
            return 0;   // as the compressor reads it: a coding with a weight it cannot read is not chosen
        }
    }

    private static void stream(Channel ch, InputStream in, WritabilityGate gate, long stallNanos)
            throws IOException, InterruptedException {
        while (true) {
            ch.flush();
            if (!gate.awaitWritable(ch, stallNanos)) {
                throw new IOException(ch.isActive() ? "client stopped reading" : "client went away");
            }
            ByteBuf buf = ch.alloc().buffer(CHUNK);
            int n;
            try {
                n = buf.writeBytes(in, CHUNK);
            } catch (IOException | RuntimeException e) {
                buf.release();
                throw e;
            }
            if (n < 0) {
                buf.release();
                return;
            }
            if (n == 0) {
                buf.release();
                continue;
            }
            ch.write(new DefaultHttpContent(buf));
        }
    }
}
