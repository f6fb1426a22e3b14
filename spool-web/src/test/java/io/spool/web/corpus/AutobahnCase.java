package io.spool.web.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the Autobahn test suite's fuzzing client, as {@code autobahn_cases.py} wrote it into
 * {@code corpus/autobahn/cases.json}: what the client sends (steps), the events the server's answers must make
 * under each behaviour ({@code OK}, {@code NON-STRICT}), how the connection must close, and the timer the case
 * ends on ({@code kill}: fail the connection, {@code close}: start the closing handshake) if the server has not
 * ended it by then. Payloads are bytes held as Latin-1 strings, one char per byte.
 */
record AutobahnCase(String id, String description, String expectation, List<Step> steps,
                    Map<String, List<WsEvent>> expected, ExpectedClose expectedClose, String timer,
                    double timerSeconds, boolean suppressClose, boolean wrongCodeIsFatal, boolean informational) {

    /** What the client sends, in order. */
    sealed interface Step {
    }

    /** A whole frame, written at once, or in chops of {@code chop} octets, or flushed on its own ({@code sync}). */
    record Frame(int opcode, boolean fin, int rsv, String payload, int chop, boolean sync) implements Step {
    }

    /** A message, as Autobahn's sendMessage frames it: one frame, or fragments of {@code fragmentSize}. */
    record Message(String payload, boolean binary, int fragmentSize) implements Step {
    }

    /** A close frame sent as the client's closing handshake (it changes the client's state, unlike a raw frame). */
    record Close(String payload) implements Step {
    }

    /** The head of a frame with FIN clear whose payload follows in {@link Data} steps (the streaming API). */
    record Head(int opcode, long length) implements Step {
    }

    record Data(String payload) implements Step {
    }

    /** A wait; the rest is sent only if the connection is still open then, and a tag records a timeout event. */
    record Pause(double seconds, String tag) implements Step {
    }

    /** {@code count} times: send the frame and wait for its echo before the next. */
    record RoundTrips(int count, Frame frame) implements Step {
    }

    record ExpectedClose(boolean closedByMe, List<Integer> closeCodes, boolean requireClean,
                         boolean closedByWrongEndpointIsFatal) {
    }

    static AutobahnCase of(JsonNode node) {
        List<Step> steps = new ArrayList<>();
        node.get("steps").forEach(s -> steps.add(step(s)));
        Map<String, List<WsEvent>> expected = new LinkedHashMap<>();
        node.get("expected").properties().forEach(e -> {
            List<WsEvent> events = new ArrayList<>();
            e.getValue().forEach(ev -> events.addAll(events(ev)));
            expected.put(e.getKey(), events);
        });
        JsonNode close = node.get("expectedClose");
        List<Integer> codes = new ArrayList<>();
        close.get("closeCode").forEach(c -> codes.add(c.asInt()));
        JsonNode then = node.path("then");
        String timer = then.has("kill") ? "kill" : "close";
        return new AutobahnCase(node.get("id").asText(), node.get("description").asText(),
                node.get("expectation").asText(), steps, expected,
                new ExpectedClose(close.get("closedByMe").asBoolean(), codes, close.get("requireClean").asBoolean(),
                        close.path("closedByWrongEndpointIsFatal").asBoolean()),
                timer, then.path(timer).asDouble(1), node.path("suppressClose").asBoolean(),
                node.path("wrongCodeIsFatal").asBoolean(), node.path("informational").asBoolean());
    }

    /** The section a case belongs to: "6" for 6.4.3. */
    String section() {
        return id.substring(0, id.indexOf('.'));
    }

    private static Step step(JsonNode s) {
        if (s.has("frame")) {
            return frame(s.get("frame"));
        } else if (s.has("message")) {
            JsonNode m = s.get("message");
            return new Message(payload(m.get("payload")), m.get("binary").asBoolean(), m.path("fragmentSize").asInt());
        } else if (s.has("close")) {
            return new Close(payload(s.get("close")));
        } else if (s.has("head")) {
            return new Head(s.get("head").get("opcode").asInt(), s.get("head").get("length").asLong());
        } else if (s.has("data")) {
            return new Data(payload(s.get("data")));
        } else if (s.has("pause")) {
            return new Pause(s.get("pause").asDouble(), s.hasNonNull("tag") ? s.get("tag").asText() : null);
        } else if (s.has("roundTrips")) {
            return new RoundTrips(s.get("roundTrips").get("count").asInt(), frame(s.get("roundTrips").get("frame")));
        }
        throw new IllegalArgumentException("unknown step " + s);
    }

    private static Frame frame(JsonNode f) {
        return new Frame(f.get("opcode").asInt(), f.get("fin").asBoolean(), f.path("rsv").asInt(),
                payload(f.get("payload")), f.path("chop").asInt(), f.path("sync").asBoolean());
    }

    private static List<WsEvent> events(JsonNode ev) {
        if (ev.has("message")) {
            WsEvent message = WsEvent.message(payload(ev.get("message")), ev.get("binary").asBoolean());
            return java.util.Collections.nCopies(Math.max(1, ev.path("times").asInt(1)), message);
        }
        String kind = ev.fieldNames().next();
        return List.of(new WsEvent(kind, payload(ev.get(kind)), null));
    }

    /** A Latin-1 string, or {@code {"repeat": unit, "length": n}}. */
    static String payload(JsonNode p) {
        if (p.isTextual()) {
            return p.asText();
        }
        String unit = p.get("repeat").asText();
        int length = p.get("length").asInt();
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
