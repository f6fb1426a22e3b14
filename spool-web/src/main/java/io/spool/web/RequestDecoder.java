package io.spool.web;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The HTTP/1.1 request parser: strict where a lenient reading could let a proxy in front and this server frame
 * the same bytes differently (RFC 9112). It emits what Netty's codec would ({@link RequestHead}, then body
 * pieces and a {@link LastHttpContent}), so the rest of the pipeline is Netty's; bad input becomes one
 * {@link Rejected} in line with the requests before it, and everything after it is dropped (the connection
 * closes after the answer).
 *
 * <p>Refused: anything but {@code CRLF} line ends; more than one space between the request line's parts; a method
 * that is not a token; a target with bytes outside visible ASCII; versions other than 1.0 and 1.1 (505); obs-fold
 * (a header line starting with white space); white space before a header's colon; control characters in values;
 * a missing (HTTP/1.1), repeated or malformed Host; Content-Length together with Transfer-Encoding; a repeated or
 * non-numeric Content-Length; Transfer-Encoding on HTTP/1.0; a final coding other than {@code chunked} (400) and
 * any coding before it (501, none is implemented); chunk sizes with white space or junk, and extensions that
 * are not {@code ;token[=token|quoted-string]}; a chunk not followed by CRLF.
 */
final class RequestDecoder extends ByteToMessageDecoder {
    private enum State { REQUEST_LINE, HEADERS, FIXED_BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, BROKEN }

    /** Thrown inside the decoder to refuse the request with a status; turned into a {@link Rejected}. */
    private static final class Refusal extends RuntimeException {
        final int status;

        Refusal(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final int MAX_CHUNK_LINE = 4096;
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    /** Names most requests carry, shared rather than copied per request (and compared by identity below). */
    private static final AsciiString[] COMMON_NAMES = {HttpHeaderNames.HOST, HttpHeaderNames.ACCEPT,
        HttpHeaderNames.USER_AGENT, HttpHeaderNames.CONNECTION, HttpHeaderNames.CONTENT_TYPE,
        HttpHeaderNames.CONTENT_LENGTH, HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderNames.ACCEPT_ENCODING,
        HttpHeaderNames.ACCEPT_LANGUAGE, HttpHeaderNames.COOKIE, HttpHeaderNames.EXPECT, HttpHeaderNames.ORIGIN,
        HttpHeaderNames.REFERER, HttpHeaderNames.CACHE_CONTROL, HttpHeaderNames.AUTHORIZATION,
        HttpHeaderNames.IF_NONE_MATCH, HttpHeaderNames.IF_MODIFIED_SINCE, AsciiString.cached(RequestIds.HEADER)};
    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[Character.toUpperCase(c)] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    private final int maxRequestLine;
    private final int maxHeaderSize;
    private final int maxChunk;
    private final Consumer<HttpMethod> onHead;
    private byte[] line = new byte[256];
    private State state = State.REQUEST_LINE;
    private RequestHead head;
    private int headerBytes;
    private long remaining;   // of a fixed-length body, or of the current chunk
    // what the header section said, gathered while it was read
    private int hosts;
    private String host;
    private int contentLengths;
    private String contentLength;
    private StringBuilder transferEncoding;

    RequestDecoder(int maxRequestLine, int maxHeaderSize, int maxChunk, Consumer<HttpMethod> onHead) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaderSize = maxHeaderSize;
        this.maxChunk = maxChunk;
        this.onHead = onHead;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            while (in.isReadable() && step(in, out)) {
                // each step consumed input or emitted something
            }
        } catch (Refusal r) {
            refuse(in, out, r.status, r.getMessage());
        } catch (HttpError e) {
            refuse(in, out, e.status(), e.getMessage());
        }
    }

    private void refuse(ByteBuf in, List<Object> out, int status, String message) {
        state = State.BROKEN;
        head = null;
        in.skipBytes(in.readableBytes());
        out.add(Rejected.whileReading(status, message));
    }

    /** One step of the state machine; false when it needs more bytes. */
    private boolean step(ByteBuf in, List<Object> out) {
        switch (state) {
            case REQUEST_LINE -> {
                int n = readLine(in, maxRequestLine, 414, "request line too long");
                if (n < 0) {
                    return false;
                }
                if (n > 0) {   // empty lines before a request are ignored (RFC 9112 §2.2)
                    requestLine(n);
                    state = State.HEADERS;
                }
            }
            case HEADERS -> {
                int n = readLine(in, maxHeaderSize - headerBytes, 431, "request header fields too large");
                if (n < 0) {
                    return false;
                }
                headerBytes += n + 2;
                if (n > 0) {
                    headerLine(n, true);
                } else {
                    endOfHead(out);
                }
            }
            case FIXED_BODY -> {
                int take = (int) Math.min(Math.min(remaining, in.readableBytes()), maxChunk);
                remaining -= take;
                ByteBuf piece = in.readRetainedSlice(take);
                if (remaining == 0) {
                    out.add(new DefaultLastHttpContent(piece));
                    reset();
                } else {
                    out.add(new DefaultHttpContent(piece));
                }
            }
            case CHUNK_SIZE -> {
                int n = readLine(in, MAX_CHUNK_LINE, 400, "chunk size line too long");
                if (n < 0) {
                    return false;
                }
                remaining = chunkSize(n);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_DATA -> {
                int take = (int) Math.min(Math.min(remaining, in.readableBytes()), maxChunk);
                remaining -= take;
                out.add(new DefaultHttpContent(in.readRetainedSlice(take)));
                if (remaining == 0) {
                    state = State.CHUNK_END;
                }
            }
            case CHUNK_END -> {
                if (in.readableBytes() < 2) {
                    return false;
                }
                if (in.readByte() != '\r' || in.readByte() != '\n') {
                    throw new Refusal(400, "a chunk's data must be followed by CRLF");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> {
                int n = readLine(in, maxHeaderSize - headerBytes, 431, "request trailer fields too large");
                if (n < 0) {
                    return false;
                }
                headerBytes += n + 2;
                if (n > 0) {
                    headerLine(n, false);   // checked like a header, then dropped: handlers see none
                } else {
                    out.add(LastHttpContent.EMPTY_LAST_CONTENT);
                    reset();
                }
            }
            case BROKEN -> in.skipBytes(in.readableBytes());
        }
        return true;
    }

    private void reset() {
        state = State.REQUEST_LINE;
        head = null;
        headerBytes = 0;
        hosts = 0;
        host = null;
        contentLengths = 0;
        contentLength = null;
        transferEncoding = null;
    }

    /**
     * Copies the next line, without its CRLF, into {@link #line} and returns its length, or -1 when the line is
     * not complete yet. A line longer than {@code max} is refused with {@code status}, and so is a bare LF.
     */
    private int readLine(ByteBuf in, int max, int status, String tooLong) {
        int from = in.readerIndex();
        int limit = Math.min(in.writerIndex(), from + Math.max(0, max) + 2);
        int lf = in.indexOf(from, limit, (byte) '\n');
        if (lf < 0) {
            if (in.readableBytes() > Math.max(0, max) + 1) {
                throw new Refusal(status, tooLong);
            }
            return -1;
        }
        int n = lf - from;
        if (n == 0 || in.getByte(lf - 1) != '\r') {
            throw new Refusal(400, "a line must end with CRLF, not a bare LF");
        }
        n--;
        if (line.length < n) {
            line = new byte[Math.max(n, line.length * 2)];
        }
        in.getBytes(from, line, 0, n);
        in.readerIndex(lf + 1);
        return n;
    }

    /** {@code method SP request-target SP HTTP-version}, each part exactly once. */
    private void requestLine(int n) {
        int sp1 = indexOf(line, 0, n, (byte) ' ');
        int sp2 = sp1 < 0 ? -1 : indexOf(line, sp1 + 1, n, (byte) ' ');
        if (sp1 <= 0 || sp2 < 0 || sp2 == sp1 + 1 || indexOf(line, sp2 + 1, n, (byte) ' ') >= 0) {
            throw new Refusal(400, "malformed request line");
        }
        for (int i = 0; i < sp1; i++) {
            if (!isTchar(line[i])) {
                throw new Refusal(400, "the method is not a token");
            }
        }
        for (int i = sp1 + 1; i < sp2; i++) {
            if (line[i] < 0x21 || line[i] > 0x7e) {
                throw new Refusal(400, "the request target has a byte outside visible ASCII");
            }
        }
        HttpVersion version = version(sp2 + 1, n);
        HttpMethod method = method(sp1);
        String target = new String(line, sp1 + 1, sp2 - sp1 - 1, StandardCharsets.ISO_8859_1);
        head = new RequestHead(version, method, target, HEADERS.newHeaders());
    }

    private HttpVersion version(int from, int n) {
        boolean wellFormed = n - from == 8 && line[from] == 'H' && line[from + 1] == 'T' && line[from + 2] == 'T'
                && line[from + 3] == 'P' && line[from + 4] == '/' && isDigit(line[from + 5])
                && line[from + 6] == '.' && isDigit(line[from + 7]);
        if (!wellFormed) {
            throw new Refusal(400, "malformed HTTP version");
        }
        if (line[from + 5] == '1' && line[from + 7] == '1') {
            return HttpVersion.HTTP_1_1;
        }
        if (line[from + 5] == '1' && line[from + 7] == '0') {
            return HttpVersion.HTTP_1_0;
        }
        throw new Refusal(505, "HTTP version not supported (only 1.0 and 1.1)");
    }

    private HttpMethod method(int length) {
        if (length == 3 && line[0] == 'G' && line[1] == 'E' && line[2] == 'T') {
            return HttpMethod.GET;
        }
        if (length == 4 && line[0] == 'P' && line[1] == 'O' && line[2] == 'S' && line[3] == 'T') {
            return HttpMethod.POST;
        }
        return HttpMethod.valueOf(new String(line, 0, length, StandardCharsets.US_ASCII));
    }

    /** {@code field-name ":" OWS field-value OWS}; remembers what framing and Host need. */
    private void headerLine(int n, boolean inHead) {
        if (line[0] == ' ' || line[0] == '\t') {
            throw new Refusal(400, "obsolete line folding (a header line starting with white space)");
        }
        int colon = 0;
        while (colon < n && line[colon] != ':') {
            if (!isTchar(line[colon])) {
                throw new Refusal(400, "invalid character in a header name");
            }
            colon++;
        }
        if (colon == 0 || colon == n) {
            throw new Refusal(400, colon == 0 ? "empty header name" : "a header line without a colon");
        }
        int start = colon + 1;
        int end = n;
        while (start < end && (line[start] == ' ' || line[start] == '\t')) {
            start++;
        }
        while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) {
            end--;
        }
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b >= 0 && (b < 0x20 && b != '\t' || b == 0x7f)) {   // obs-text (negative) is allowed
                throw new Refusal(400, "a control character in a header value");
            }
        }
        if (!inHead) {
            return;
        }
        AsciiString name = name(colon);
        String value = new String(line, start, end - start, StandardCharsets.ISO_8859_1);
        if (name == HttpHeaderNames.HOST) {
            hosts++;
            host = value;
        } else if (name == HttpHeaderNames.CONTENT_LENGTH) {
            contentLengths++;
            contentLength = value;
        } else if (name == HttpHeaderNames.TRANSFER_ENCODING) {
            transferEncoding = transferEncoding == null ? new StringBuilder(value)
                    : transferEncoding.append(',').append(value);
        }
        head.headers().add(name, value);
    }

    private AsciiString name(int length) {
        for (AsciiString common : COMMON_NAMES) {
            if (common.length() == length && equalsIgnoreCase(common, length)) {
                return common;
            }
        }
        return new AsciiString(line, 0, length, true);
    }

    private boolean equalsIgnoreCase(AsciiString name, int length) {
        for (int i = 0; i < length; i++) {
            byte a = line[i];
            byte b = name.byteAt(i);
            if (a != b && (a | 0x20) != (b | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** The head is complete: Host, target and framing are checked, and the body's reading set up. */
    private void endOfHead(List<Object> out) {
        boolean http11 = head.protocolVersion() == HttpVersion.HTTP_1_1;
        if (hosts > 1 || (hosts == 0 && http11)) {
            throw new Refusal(400, hosts > 1 ? "more than one Host header" : "an HTTP/1.1 request needs a Host header");
        }
        if (host != null && !Hosts.valid(host)) {
            throw new Refusal(400, "invalid Host header");
        }
        head.target(RequestTarget.parse(head.method(), head.uri(), host));
        if (transferEncoding != null) {
            chunkedOnly(http11);
            state = State.CHUNK_SIZE;
        } else if (contentLengths > 0) {
            remaining = contentLength();
            state = remaining > 0 ? State.FIXED_BODY : State.REQUEST_LINE;
        } else {
            state = State.REQUEST_LINE;
        }
        head.body(transferEncoding != null || contentLengths > 0, contentLengths > 0);
        onHead.accept(head.method());
        out.add(head);
        if (state == State.REQUEST_LINE) {
            out.add(LastHttpContent.EMPTY_LAST_CONTENT);
            reset();
        }
    }

    /** RFC 9112 §6.1 and §6.3: the only framing by Transfer-Encoding understood is a single final chunked. */
    private void chunkedOnly(boolean http11) {
        if (!http11) {
            throw new Refusal(400, "Transfer-Encoding in an HTTP/1.0 request");
        }
        if (contentLengths > 0) {
            throw new Refusal(400, "both Content-Length and Transfer-Encoding");
        }
        String[] codings = transferEncoding.toString().split(",", -1);
        String last = codings[codings.length - 1].trim();
        if (!last.toLowerCase(Locale.ROOT).equals("chunked")) {
            throw new Refusal(400, "the final transfer coding must be chunked");
        }
        if (codings.length > 1) {
            for (int i = 0; i < codings.length - 1; i++) {
                if (codings[i].trim().equalsIgnoreCase("chunked") || codings[i].isBlank()) {
                    throw new Refusal(400, "chunked may be applied only once, last");
                }
            }
            throw new Refusal(501, "transfer coding not implemented: " + codings[0].trim());
        }
    }

    private long contentLength() {
        if (contentLengths > 1) {
            throw new Refusal(400, "more than one Content-Length header");
        }
        String v = contentLength;
        if (v.isEmpty() || v.length() > 18) {
            throw new Refusal(400, "invalid Content-Length");
        }
        long length = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new Refusal(400, "invalid Content-Length");
            }
            length = length * 10 + (c - '0');
        }
        return length;
    }

    /** {@code 1*HEXDIG *( ";" token [ "=" ( token / quoted-string ) ] )}, with no white space anywhere. */
    private long chunkSize(int n) {
        long size = 0;
        int i = 0;
        while (i < n && Character.digit(line[i], 16) >= 0) {
            if (i == 15) {
                throw new Refusal(400, "chunk size too large");
            }
            size = size << 4 | Character.digit(line[i], 16);
            i++;
        }
        if (i == 0) {
            throw new Refusal(400, "invalid chunk size");
        }
        while (i < n) {
            if (line[i++] != ';') {
                throw new Refusal(400, "invalid chunk size or extension");
            }
            i = token(i, n, "chunk extension name");
            if (i < n && line[i] == '=') {
                i = i + 1 < n && line[i + 1] == '"' ? quotedString(i + 1, n) : token(i + 1, n, "chunk extension value");
            }
        }
        return size;
    }

    private int token(int from, int n, String what) {
        int i = from;
        while (i < n && isTchar(line[i])) {
            i++;
        }
        if (i == from) {
            throw new Refusal(400, "invalid " + what);
        }
        return i;
    }

    /** A quoted-string starting at {@code from} (the opening quote); returns the index after the closing one. */
    private int quotedString(int from, int n) {
        for (int i = from + 1; i < n; i++) {
            byte b = line[i];
            if (b == '"') {
                return i + 1;
            }
            if (b == '\\') {
                i++;
                b = i < n ? line[i] : 0;
            }
            if (b >= 0 && (b < 0x20 && b != '\t' || b == 0x7f)) {
                break;
            }
        }
        throw new Refusal(400, "invalid quoted string in a chunk extension");
    }

    private static boolean isTchar(byte b) {
        return b > 0 && TCHAR[b];
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int indexOf(byte[] a, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
