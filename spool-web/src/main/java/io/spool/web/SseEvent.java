package io.spool.web;

import java.time.Duration;

/**
 * One server-sent event (the HTML living standard's {@code text/event-stream}): data (lines), and optionally an
 * id (which the browser sends back as {@code Last-Event-ID} when it reconnects), an event name, and how long the
 * browser should wait before reconnecting. An id or name with a line break is refused.
 */
public record SseEvent(String id, String name, String data, Duration retry) {
    public SseEvent {
        if (id != null && (id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0 || id.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("an event id has no line breaks or NULs");
        }
        if (name != null && (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0)) {
            throw new IllegalArgumentException("an event name has no line breaks");
        }
    }

    public static SseEvent data(String data) {
        return new SseEvent(null, null, data, null);
    }

    public SseEvent id(String id) {
        return new SseEvent(id, name, data, retry);
    }

    public SseEvent name(String name) {
        return new SseEvent(id, name, data, retry);
    }

    public SseEvent retry(Duration retry) {
        return new SseEvent(id, name, data, retry);
    }

    /** The event as it goes on the wire, ending with its blank line. */
    String wire() {
        StringBuilder sb = new StringBuilder();
        if (id != null) {
            sb.append("id: ").append(id).append('\n');
        }
        if (name != null) {
            sb.append("event: ").append(name).append('\n');
        }
        if (retry != null) {
            sb.append("retry: ").append(retry.toMillis()).append('\n');
        }
        if (data != null) {
            for (String line : data.split("\r\n|\r|\n", -1)) {
                sb.append("data: ").append(line).append('\n');
            }
        }
        return sb.append('\n').toString();
    }
}
