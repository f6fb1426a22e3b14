package io.spool.web;

import java.nio.charset.StandardCharsets;

/** One whole WebSocket message (fragments joined): text, or binary data. */
public record WsMessage(String text, byte[] binary) {
    public boolean isText() {
        return text != null;
    }

    /** The message as text (a binary one read as UTF-8). */
    public String asText() {
        return text != null ? text : new String(binary, StandardCharsets.UTF_8);
    }
}
