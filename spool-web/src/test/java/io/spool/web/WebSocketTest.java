package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WebSockets: the JDK's client against straight-line handlers, and raw frames for the protocol's edges, grouped
 * as the Autobahn test suite's sections are (1 framing, 2 pings, 3 reserved bits, 4 opcodes, 5 fragments,
 * 6 UTF-8, 7 closing, 9 limits); the cases are our own, written to those sections' rules in RFC 6455.
 */
class WebSocketTest {
    static WebServer server;
    static final CountDownLatch listenerClosed = new CountDownLatch(1);

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .before(ctx -> ctx.path().equals("/ws/private") ? Response.error(401, "no") : null)
                .ws("/ws/echo", ws -> {
                    for (WsMessage m = ws.receive(); m != null; m = ws.receive()) {
                        if (m.isText()) {
                            ws.send(m.text());
                        } else {
                            ws.send(m.binary());
                        }
                    }
                })
                .ws("/ws/room/{name}", ws -> ws.send("welcome to " + ws.context().pathParam("name")))
                .ws("/ws/private", ws -> ws.send("secret"))
                .ws("/ws/fail", ws -> {
                    throw new IllegalStateException("boom");
                })
                .ws("/ws/small", WsOptions.defaults().maxSizes(1000, 2000), ws -> {
                    for (WsMessage m = ws.receive(); m != null; m = ws.receive()) {
                        ws.send("got " + m.asText().length());
                    }
                })
                .ws("/ws/quiet", WsOptions.defaults().timeouts(Duration.ofMillis(200), Duration.ofMillis(600)),
                        ws -> ws.receive())
                .ws("/ws/open", WsOptions.defaults().origins("https://app.example"), ws -> ws.send("hi"))
                .ws("/ws/listener", WebSocketHandler.of(new WebSocketHandler.WsListener() {
                    @Override
                    public void onMessage(WebSocket ws, WsMessage message) throws Exception {
                        ws.send("heard " + message.text());
                    }

                    @Override
                    public void onClose(WebSocket ws, int code, String reason) {
                        listenerClosed.countDown();
                    }
                }))
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // ---- with the JDK's client

    static final class Collector implements java.net.http.WebSocket.Listener {
        final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(java.net.http.WebSocket ws, int code, String reason) {
            closed.complete(code);
            return null;
        }

        String next() throws InterruptedException {
            return texts.poll(5, TimeUnit.SECONDS);
        }
    }

    static java.net.http.WebSocket open(String path, Collector c) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path), c).get(5, TimeUnit.SECONDS);
    }

    @Test
    void echoesTextAndLargeMessagesAndClosesCleanly() throws Exception {
        Collector c = new Collector();
        java.net.http.WebSocket ws = open("/ws/echo", c);
        ws.sendText("hello", true).get();
        assertThat(c.next()).isEqualTo("hello");
        String big = "x".repeat(500_000);
        ws.sendText(big, true).get();
        assertThat(c.next()).isEqualTo(big);
        ws.sendClose(1000, "done").get();
        assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);
    }

    @Test
    void theHandlerSeesPathParametersAndFiltersGuardTheHandshake() throws Exception {
        Collector c = new Collector();
        open("/ws/room/lobby", c);
        assertThat(c.next()).isEqualTo("welcome to lobby");
        assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1000);   // the handler returned
        assertThat(handshake("/ws/private", null)).startsWith("HTTP/1.1 401");
    }

    @Test
    void aFailingHandlerClosesWith1011() throws Exception {
        Collector c = new Collector();
        open("/ws/fail", c);
        assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1011);
    }

    @Test
    void callbacksRunInOrder() throws Exception {
        Collector c = new Collector();
        java.net.http.WebSocket ws = open("/ws/listener", c);
        ws.sendText("one", true).get();
        assertThat(c.next()).isEqualTo("heard one");
        ws.sendClose(1000, "").get();
        assertThat(listenerClosed.await(5, TimeUnit.SECONDS)).isTrue();
    }

    // ---- the handshake

    static String handshake(String path, String extra) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n" + (extra == null ? "" : extra + "\r\n")
                    + "\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void badHandshakesAreRefused() throws Exception {
        assertThat(handshake("/ws/echo", null)).isEqualTo("HTTP/1.1 101");
        assertThat(handshake("/ws/echo", "Origin: https://evil.example")).isEqualTo("HTTP/1.1 403");
        assertThat(handshake("/ws/echo", "Origin: http://127.0.0.1:" + server.port())).isEqualTo("HTTP/1.1 101");
        assertThat(handshake("/ws/open", "Origin: https://app.example")).isEqualTo("HTTP/1.1 101");
        assertThat(handshake("/ws/open", "Origin: http://127.0.0.1:" + server.port())).isEqualTo("HTTP/1.1 403");
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /ws/echo HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(400);   // not an upgrade
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /ws/echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(426);
            assertThat(r.header("Sec-WebSocket-Version")).isEqualTo("13");
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /ws/echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: short\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(400);
        }
    }

    // ---- raw frames

    /** A client socket past the handshake, writing masked frames and reading the server's frames. */
    static final class Frames implements AutoCloseable {
        final Socket socket;
        final DataInputStream in;
        final OutputStream out;

        Frames(String path) throws IOException {
            socket = new Socket("127.0.0.1", server.port());
            socket.setSoTimeout(5000);
            out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            in = new DataInputStream(socket.getInputStream());
            String head = readHead();
            assertThat(head).startsWith("HTTP/1.1 101").contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        }

        private String readHead() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (!b.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                b.write(in.readUnsignedByte());
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        Frames send(int firstByte, byte[] payload) throws IOException {
            ByteArrayOutputStream f = new ByteArrayOutputStream();
            f.write(firstByte);
            if (payload.length < 126) {
                f.write(0x80 | payload.length);
            } else if (payload.length < 65536) {
                f.write(0x80 | 126);
                f.write(payload.length >> 8);
                f.write(payload.length & 0xff);
            } else {
                f.write(0x80 | 127);
                f.writeBytes(ByteBuffer.allocate(8).putLong(payload.length).array());
            }
            byte[] mask = {1, 2, 3, 4};
            f.writeBytes(mask);
            for (int i = 0; i < payload.length; i++) {
                f.write(payload[i] ^ mask[i % 4]);
            }
            out.write(f.toByteArray());
            return this;
        }

        Frames text(String s, boolean fin) throws IOException {
            return send((fin ? 0x80 : 0) | 0x1, s.getBytes(StandardCharsets.UTF_8));
        }

        /** The next frame: its opcode, and its payload. */
        record Frame(int opcode, byte[] payload) {
            String text() {
                return new String(payload, StandardCharsets.UTF_8);
            }

            int closeCode() {
                return payload.length < 2 ? 1005 : ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
            }
        }

        Frame read() throws IOException {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = in.readLong();
            }
            byte[] payload = new byte[(int) len];
            in.readFully(payload);
            return new Frame(b0 & 0x0f, payload);
        }

        /** Reads until a close frame; its code. */
        int closeCode() throws IOException {
            for (Frame f = read(); ; f = read()) {
                if (f.opcode() == 0x8) {
                    return f.closeCode();
                }
            }
        }

        /** As {@link #closeCode}, or -1 when the server dropped the connection without a close frame. */
        int closeCodeOrDrop() throws IOException {
            try {
                return closeCode();
            } catch (java.io.EOFException | java.net.SocketException dropped) {
                return -1;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static byte[] closePayload(int code) {
        return new byte[] {(byte) (code >> 8), (byte) code};
    }

    @Test
    void section1And2FramingAndPings() throws Exception {
        try (Frames f = new Frames("/ws/echo")) {
            f.text("", true);
            assertThat(f.read().text()).isEmpty();
            f.text("a".repeat(125), true).text("b".repeat(126), true).text("c".repeat(65536), true);
            assertThat(f.read().payload()).hasSize(125);
            assertThat(f.read().payload()).hasSize(126);
            assertThat(f.read().payload()).hasSize(65536);
            f.send(0x82, new byte[] {0, 1, 2, (byte) 255});
            assertThat(f.read()).satisfies(fr -> {
                assertThat(fr.opcode()).isEqualTo(2);
                assertThat(fr.payload()).containsExactly(0, 1, 2, 255);
            });
            f.send(0x89, "ping!".getBytes());
            Frames.Frame pong = f.read();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(pong.text()).isEqualTo("ping!");
            f.send(0x8A, "unasked pong".getBytes()).text("still here", true);
            assertThat(f.read().text()).isEqualTo("still here");
        }
        try (Frames f = new Frames("/ws/echo")) {
            f.send(0x89, new byte[126]);   // a control frame's payload is at most 125 bytes
            assertThat(f.closeCode()).isEqualTo(1002);
        }
    }

    @Test
    void section3And4ReservedBitsAndOpcodesAreProtocolErrors() throws Exception {
        for (int first : new int[] {0xC1, 0xA1, 0x91, 0x83, 0x87, 0x8B, 0x8F}) {
            try (Frames f = new Frames("/ws/echo")) {
                f.send(first, "x".getBytes());
                assertThat(f.closeCode()).as("first byte 0x%x", first).isEqualTo(1002);
            }
        }
    }

    @Test
    void section5FragmentsAreJoinedAroundControlFrames() throws Exception {
        try (Frames f = new Frames("/ws/echo")) {
            f.text("frag", false).send(0x89, "mid".getBytes()).send(0x00, "ment".getBytes()).send(0x80, "ed".getBytes());
            Frames.Frame pong = f.read();
            assertThat(pong.opcode()).isEqualTo(0xA);
            assertThat(f.read().text()).isEqualTo("fragmented");
        }
        try (Frames f = new Frames("/ws/echo")) {
            f.send(0x80, "no start".getBytes());   // a continuation with nothing to continue
            assertThat(f.closeCode()).isEqualTo(1002);
        }
        try (Frames f = new Frames("/ws/echo")) {
            f.text("one", false).text("two", true);   // a new message before the first ended
            assertThat(f.closeCode()).isEqualTo(1002);
        }
    }

    @Test
    void section6InvalidUtf8IsA1007() throws Exception {
        try (Frames f = new Frames("/ws/echo")) {
            f.text("κόσμε", true);
            assertThat(f.read().text()).isEqualTo("κόσμε");
            f.send(0x81, new byte[] {(byte) 0xce, (byte) 0xba, (byte) 0xe1, (byte) 0xbd, (byte) 0xb9, (byte) 0xcf,
                (byte) 0x83, (byte) 0xce, (byte) 0xbc, (byte) 0xce, (byte) 0xb5, (byte) 0xed, (byte) 0xa0,
                (byte) 0x80, 0x65, 0x64, 0x69, 0x74, 0x65, 0x64});
            assertThat(f.closeCode()).isEqualTo(1007);
        }
        try (Frames f = new Frames("/ws/echo")) {   // invalid across fragments
            f.send(0x01, new byte[] {(byte) 0xf4}).send(0x80, new byte[] {(byte) 0x90, (byte) 0x80, (byte) 0x80});
            assertThat(f.closeCode()).isEqualTo(1007);
        }
    }

    @Test
    void section7ClosingIsAnsweredAndBadCloseFramesAreErrors() throws Exception {
        try (Frames f = new Frames("/ws/echo")) {
            f.send(0x88, closePayload(1000));
            assertThat(f.closeCode()).isEqualTo(1000);
            assertThat(f.in.read()).isEqualTo(-1);   // and the server closes the TCP connection
        }
        try (Frames f = new Frames("/ws/echo")) {
            f.send(0x88, closePayload(3000));
            assertThat(f.closeCode()).isEqualTo(3000);
        }
        // the connection is failed (RFC 6455 §7.1.7): a 1002 close frame, or (Netty's way, once a close frame came
        // in) the TCP connection dropped; Autobahn's section 7.9 takes either. Never an echo of the bad code.
        for (int bad : new int[] {0, 999, 1004, 1005, 1006, 1016, 2000, 2999, 5000}) {
            try (Frames f = new Frames("/ws/echo")) {
                f.send(0x88, closePayload(bad));
                assertThat(f.closeCodeOrDrop()).as("close code %d", bad).isIn(1002, -1);
            }
        }
        try (Frames f = new Frames("/ws/echo")) {
            f.send(0x88, new byte[] {3});   // a one-byte close payload
            assertThat(f.closeCodeOrDrop()).isIn(1002, -1);
        }
    }

    @Test
    void section9MessagesPastTheLimitsAreA1009() throws Exception {
        try (Frames f = new Frames("/ws/small")) {
            f.text("y".repeat(1000), true);
            assertThat(f.read().text()).isEqualTo("got 1000");
            f.text("y".repeat(1001), true);   // a frame past 1000 bytes
            assertThat(f.closeCode()).isEqualTo(1009);
        }
        try (Frames f = new Frames("/ws/small")) {
            f.text("z".repeat(900), false).send(0x00, "z".repeat(900).getBytes()).send(0x80, "z".repeat(900).getBytes());
            assertThat(f.closeCode()).isEqualTo(1009);   // a message past 2000 bytes in three frames
        }
    }

    @Test
    void aQuietClientIsPingedThenClosedWhenSilent() throws Exception {
        try (Frames f = new Frames("/ws/quiet")) {
            List<Integer> opcodes = new ArrayList<>();
            for (Frames.Frame fr = f.read(); ; fr = f.read()) {
                opcodes.add(fr.opcode());
                if (fr.opcode() == 0x8) {
                    assertThat(fr.closeCode()).isEqualTo(1001);
                    break;
                }
            }
            assertThat(opcodes).contains(0x9);   // pinged first
        }
    }

    @Test
    void aStoppingServerSaysGoingAway() throws Exception {
        try (WebServer s = WebApp.create().ws("/w", ws -> ws.receive()).start(0)) {
            Collector c = new Collector();
            HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + s.port() + "/w"), c).get(5, TimeUnit.SECONDS);
            s.stop(Duration.ofSeconds(2));
            assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1001);
        }
    }
}
