package io.spool.web.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits the bytes a server sent on one connection into final responses (status and body); interim 1xx
 * responses are left out. Bytes that do not parse as a response end the list with a status of -1, so a
 * garbled answer fails a case instead of being overlooked.
 */
final class Responses {
    /** One final response. */
    record Reply(int status, String body) {}

    private final byte[] data;
    private boolean bodiless;
    private int pos;

    private Responses(byte[] data, boolean head) {
        this.data = data;
        this.bodiless = head;
    }

    /** {@code head}: the first request was a HEAD, so its response has no body whatever its headers say. */
    static List<Reply> parse(byte[] data, boolean head) {
        return new Responses(data, head).all();
    }

    private List<Reply> all() {
        List<Reply> replies = new ArrayList<>();
        while (pos < data.length) {
            Reply reply = next();
            if (reply == null) {
                replies.add(new Reply(-1, new String(data, pos, data.length - pos, StandardCharsets.ISO_8859_1)));
                return replies;
            }
            if (reply.status() >= 200) {
                replies.add(reply);
            }
        }
        return replies;
    }

    private Reply next() {
        int start = pos;
        String statusLine = line();
        if (statusLine == null || !statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            pos = start;
            return null;
        }
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            pos = start;
            return null;
        }
        long length = -1;
        boolean chunked = false;
        for (String h = line(); ; h = line()) {
            if (h == null) {
                pos = start;
                return null;
            }
            if (h.isEmpty()) {
                break;
            }
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (status < 200 || status == 204 || status == 304 || bodiless) {
            bodiless &= status < 200;
            return new Reply(status, "");
        }
        int bodyStart = pos;
        if (chunked) {
            StringBuilder body = new StringBuilder();
            for (String size = line(); size != null; size = line()) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    while (true) {
                        String trailer = line();
                        if (trailer == null || trailer.isEmpty()) {
                            return new Reply(status, body.toString());
                        }
                    }
                }
                if (pos + n + 2 > data.length) {
                    break;
                }
                body.append(new String(data, pos, n, StandardCharsets.ISO_8859_1));
                pos += n + 2;
            }
            pos = start;
            return null;
        }
        int end = length < 0 ? data.length : (int) Math.min(data.length, bodyStart + length);
        if (length >= 0 && bodyStart + length > data.length) {
            pos = start;
            return null;
        }
        pos = end;
        return new Reply(status, new String(data, bodyStart, end - bodyStart, StandardCharsets.ISO_8859_1));
    }

    private String line() {
        for (int i = pos; i + 1 < data.length; i++) {
            if (data[i] == '\r' && data[i + 1] == '\n') {
                String line = new String(data, pos, i - pos, StandardCharsets.ISO_8859_1);
                pos = i + 2;
                return line;
            }
        }
        return null;
    }
}
