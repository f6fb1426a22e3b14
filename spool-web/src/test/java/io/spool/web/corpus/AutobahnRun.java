package io.spool.web.corpus;

import io.spool.web.corpus.AutobahnCase.Close;
import io.spool.web.corpus.AutobahnCase.Data;
import io.spool.web.corpus.AutobahnCase.Frame;
import io.spool.web.corpus.AutobahnCase.Head;
import io.spool.web.corpus.AutobahnCase.Message;
import io.spool.web.corpus.AutobahnCase.Pause;
import io.spool.web.corpus.AutobahnCase.RoundTrips;
import io.spool.web.corpus.AutobahnCase.Step;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Plays one {@link AutobahnCase} against a server the way Autobahn's fuzzing client does: sends the steps, closes
 * as soon as what came back matches every expected outcome (the suite's {@code finishWhenDone}), and otherwise
 * ends on the case's timer: {@code kill} fails the connection (a close frame while open, a TCP drop while
 * closing), {@code close} starts the closing handshake. A client that still has a connection a while after that
 * drops it. Timers are the suite's, but at least {@link #MIN_TIMER} (a busy two-core machine must not fail a
 * case the server passes) and at most {@link #MAX_TIMER} (section 9's 100 s timers only matter when it fails).
 */
final class AutobahnRun {
    static final Duration MIN_TIMER = Duration.ofSeconds(2);
    static final Duration MAX_TIMER = Duration.ofSeconds(15);
    /** The suite's close-handshake timeout plus its wait for the server to drop the TCP connection. */
    static final Duration CLOSING = Duration.ofSeconds(2);

    private AutobahnRun() {
    }

    /** How the connection went, in the terms Autobahn judges by. */
    record Transcript(List<WsEvent> events, boolean closedByMe, boolean droppedByMe, boolean wasClean,
                      Integer remoteCloseCode) {
    }

    static Transcript play(int port, String path, AutobahnCase c) throws IOException, InterruptedException {
        try (FuzzingClient client = FuzzingClient.open(port, path)) {
            client.startReading(events -> finishWhenDone(c, client, events));
            for (Step step : c.steps()) {
                if (!send(client, step)) {
                    break;
                }
            }
            client.flush();
            if (!client.awaitEnd(timer(c.timerSeconds()))) {
                if (c.timer().equals("kill")) {
                    client.fail();
                } else if (client.isOpen()) {
                    client.sendClose(new byte[0]);
                }
                if (!client.awaitEnd(CLOSING)) {
                    client.drop();
                    client.awaitEnd(CLOSING);
                }
            }
            return new Transcript(client.events(), client.closedByMe(), client.droppedByMe(), client.wasClean(),
                    client.remoteCloseCode());
        }
    }

    private static Duration timer(double seconds) {
        Duration d = Duration.ofMillis((long) (seconds * 1000));
        return d.compareTo(MIN_TIMER) < 0 ? MIN_TIMER : d.compareTo(MAX_TIMER) > 0 ? MAX_TIMER : d;
    }

    /** The suite's finishWhenDone: once the events match every expected outcome, the client closes (if it is to). */
    private static void finishWhenDone(AutobahnCase c, FuzzingClient client, List<WsEvent> events) {
        if (c.expectedClose().closedByMe() && !c.suppressClose()
                && c.expected().values().stream().allMatch(events::equals)) {
            int code = c.expectedClose().closeCodes().getFirst();
            client.sendClose(new byte[] {(byte) (code >> 8), (byte) code});
        }
    }

    /** Sends one step; false when the rest is not to be sent (the connection closed during a pause). */
    private static boolean send(FuzzingClient client, Step step) throws InterruptedException {
        switch (step) {
            case Frame f -> client.sendFrame(f.opcode(), f.fin(), f.rsv(), AutobahnCase.bytes(f.payload()), f.chop(),
                    f.sync(), false);
            case Message m -> {
                if (client.isOpen()) {   // the suite's sendMessage sends nothing once closing
                    sendMessage(client, m);
                }
            }
            case Close close -> client.sendClose(AutobahnCase.bytes(close.payload()));
            case Head h -> {
                if (client.isOpen()) {
                    client.sendHead(h.opcode(), h.length());
                }
            }
            case Data d -> {
                if (client.isOpen()) {
                    client.sendData(AutobahnCase.bytes(d.payload()));
                }
            }
            case Pause p -> {
                client.flush();
                Thread.sleep((long) (p.seconds() * 1000));
                if (!client.isOpen()) {
                    return false;
                }
                if (p.tag() != null) {
                    client.recordTimeout(p.tag());
                }
            }
            case RoundTrips r -> {
                Frame f = r.frame();
                byte[] payload = AutobahnCase.bytes(f.payload());
                for (int i = 0; i < r.count(); i++) {
                    client.sendFrame(f.opcode(), f.fin(), f.rsv(), payload, f.chop(), f.sync(), false);
                    if (!client.awaitEvents(i + 1, MAX_TIMER)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** As Autobahn's sendMessage: one frame, or fragments of fragmentSize (the first with the opcode). */
    private static void sendMessage(FuzzingClient client, Message m) {
        byte[] payload = AutobahnCase.bytes(m.payload());
        int opcode = m.binary() ? 2 : 1;
        int size = m.fragmentSize();
        if (size <= 0 || payload.length <= size) {
            client.sendFrame(opcode, true, 0, payload, 0, false, false);
            return;
        }
        for (int at = 0; at < payload.length; at += size) {
            int end = Math.min(payload.length, at + size);
            client.sendFrame(at == 0 ? opcode : 0, end == payload.length, 0,
                    java.util.Arrays.copyOfRange(payload, at, end), 0, false, true);
        }
        client.flush();
    }
}
