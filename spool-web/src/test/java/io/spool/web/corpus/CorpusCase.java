package io.spool.web.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One request (or pipelined run of requests) from an outside corpus, with the outcome a strict HTTP/1.1 server
 * must give it. {@code requests} counts the requests to be answered with a 2xx: all of them for {@code ACCEPT},
 * those before the bad one for {@code REJECT}. {@code bodyLength} (or -1) is the body length the first request
 * must be framed with; {@code leftover} says bytes follow the framed requests that a server may refuse as a
 * malformed next request; {@code mayStayOpen} says a rejection leaves the framing intact (an unknown method), so
 * the connection need not close. The corpus files hold the raw bytes as a Latin-1 string, one char per byte.
 */
record CorpusCase(String name, String source, Outcome outcome, int requests, int bodyLength, boolean leftover,
        boolean mayStayOpen, String why, byte[] raw) {

    /** What the server must do with the bytes. */
    enum Outcome {
        /** Answer every request with a 2xx, once. */
        ACCEPT,
        /** Answer the requests before the bad one, then one 4xx/5xx, then close. */
        REJECT,
        /** Either of the two: RFC 9112 lets the server choose (see the case's note). */
        EITHER
    }

    static CorpusCase of(JsonNode node, String corpusSource) {
        String why = node.has("why") ? node.get("why").asText()
                : Stream.of("llhttp", "note").map(k -> node.path(k).asText()).filter(s -> !s.isEmpty())
                        .collect(Collectors.joining("; "));
        return new CorpusCase(
                node.get("name").asText(),
                node.path("source").asText(corpusSource),
                Outcome.valueOf(node.get("outcome").asText().toUpperCase(java.util.Locale.ROOT)),
                node.path("requests").asInt(0),
                node.path("bodyLength").asInt(-1),
                node.path("leftover").asBoolean(false),
                node.path("mayStayOpen").asBoolean(false),
                why,
                node.get("raw").asText().getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The method token the (first) request starts with, after any empty lines; null when there is none. */
    String method() {
        int start = 0;
        while (start < raw.length && (raw[start] == '\r' || raw[start] == '\n')) {
            start++;
        }
        int end = start;
        while (end < raw.length && raw[end] > ' ' && raw[end] < 0x7f) {
            end++;
        }
        return end < raw.length && raw[end] == ' ' && end > start
                ? new String(raw, start, end - start, StandardCharsets.US_ASCII) : null;
    }

    @Override
    public String toString() {
        return name;
    }
}
