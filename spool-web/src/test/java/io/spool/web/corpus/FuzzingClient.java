package io.spool.web.corpus;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The client end of one Autobahn case over a real socket, keeping the state Autobahn's fuzzing protocol keeps:
 * it writes masked frames as told (whole, in chops, or a frame head and its data in pieces), reads the server's
 * frames on a virtual thread of its own into {@link WsEvent}s (joining fragments, answering pings, echoing a
 * close frame the server sent first), and notes who closed first, whether the closing handshake completed, the
 * server's close code and who dropped the TCP connection. A frame no server may send (masked, RSV bits, a long or
 * fragmented control frame, text that is not UTF-8) is recorded as a {@code violation} and the connection dropped,
 * as the suite's client fails it.
 */
final class FuzzingClient implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();        // the events
    private final ReentrantLock writeLock = new ReentrantLock();   // the socket's output
    private final Condition eventArrived = lock.newCondition();
    private final List<WsEvent> events = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean closeSent;
    private volatile boolean closeReceived;
    private volatile boolean closedByMe;
    private volatile boolean droppedByMe;
    private volatile Integer remoteCloseCode;
    private byte[] streamingMask;
    private long streamingOffset;

    private FuzzingClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 65536));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 65536);
    }

    /** Connects and completes the opening handshake (no Origin: a non-browser client). */
    static FuzzingClient open(int port, String path) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        FuzzingClient client = new FuzzingClient(socket);
        client.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII));
        client.out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            head.write(client.in.readUnsignedByte());
        }
        String answer = head.toString(StandardCharsets.US_ASCII);
        String expectedAccept = "\r\nsec-websocket-accept: s3pplmbitxaq9kygzzhzrbk+xoo=\r\n";   // RFC 6455 1.3
        if (!answer.startsWith("HTTP/1.1 101") || !answer.toLowerCase(Locale.ROOT).contains(expectedAccept)) {
            socket.close();
            throw new IOException("handshake refused or wrong: " + answer.strip());
        }
        return client;
    }

    /** Reads the server's frames until the connection ends; {@code afterEvent} runs after each recorded event. */
    void startReading(Consumer<List<WsEvent>> afterEvent) {
        Thread.ofVirtual().start(() -> {
            try {
                readFrames(afterEvent);
            } catch (IOException connectionEnded) {
                // end of stream, reset, or our own drop: all the same to the verdict
            } finally {
                ended.countDown();
            }
        });
    }

    private void readFrames(Consumer<List<WsEvent>> afterEvent) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean binary = false;
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[Math.toIntExact(length)];
            in.readFully(payload);
            int opcode = b0 & 0x0f;
            boolean fin = (b0 & 0x80) != 0;
            String violation = violation(b0, b1, opcode, payload);
            if (violation != null) {   // the suite's client fails the connection on a server's protocol error
                record(new WsEvent("violation", violation, null), afterEvent);
                drop();
                return;
            }
            String data = new String(payload, StandardCharsets.ISO_8859_1);
            switch (opcode) {
                case 0x1, 0x2, 0x0 -> {
                    if (opcode != 0) {
                        message.reset();
                        binary = opcode == 0x2;
                    }
                    message.writeBytes(payload);
                    if (fin && !binary && !utf8(message.toByteArray())) {
                        record(new WsEvent("violation", "text message is not UTF-8", null), afterEvent);
                        drop();
                        return;
                    }
                    if (fin) {
                        record(WsEvent.message(message.toString(StandardCharsets.ISO_8859_1), binary), afterEvent);
                    }
                }
                case 0x9 -> {
                    record(new WsEvent("ping", data, null), afterEvent);
                    write(0x8A, payload, 0, false, false);
                }
                case 0xA -> record(new WsEvent("pong", data, null), afterEvent);
                case 0x8 -> {
                    remoteCloseCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : null;
                    closeReceived = true;
                    if (!closeSent) {   // the server closed first: echo its close frame
                        closeSent = true;
                        byte[] code = payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0];
                        write(0x88, code, 0, false, false);
                    }
                }
                default -> throw new IOException("unexpected opcode " + opcode + " from the server");
            }
        }
    }

    /** What makes a server's frame invalid for a client (RFC 6455 5.1, 5.2, 5.5), or null. */
    private static String violation(int b0, int b1, int opcode, byte[] payload) {
        if ((b1 & 0x80) != 0) {
            return "masked frame from the server";
        } else if ((b0 & 0x70) != 0) {
            return "RSV bits set";
        } else if (opcode >= 0x8 && ((b0 & 0x80) == 0 || payload.length > 125)) {
            return "fragmented or long control frame";
        } else if (opcode == 0x8 && payload.length > 2 && !utf8(Arrays.copyOfRange(payload, 2, payload.length))) {
            return "close reason is not UTF-8";
        }
        return null;
    }

    static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void record(WsEvent event, Consumer<List<WsEvent>> afterEvent) {
        lock.lock();
        try {
            events.add(event);
            eventArrived.signalAll();
        } finally {
            lock.unlock();
        }
        afterEvent.accept(events());
    }

    List<WsEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** Records a pause's tag ({@code ("timeout", tag)}), as the suite's case code does. */
    void recordTimeout(String tag) {
        lock.lock();
        try {
            events.add(new WsEvent("timeout", tag, null));
        } finally {
            lock.unlock();
        }
    }

    /** Waits until at least {@code count} events were recorded; false when the connection ended or time ran out. */
    boolean awaitEvents(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (events.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended.getCount() == 0) {
                    return events.size() >= count;
                }
                eventArrived.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)), TimeUnit.NANOSECONDS);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A frame with a fresh mask: whole, or in chops of {@code chop} octets each flushed on its own; a {@code batch}
     * frame waits in the buffer for the next flush (a fragmented message's frames go out together).
     */
    void sendFrame(int opcode, boolean fin, int rsv, byte[] payload, int chop, boolean sync, boolean batch) {
        write((fin ? 0x80 : 0) | (rsv & 7) << 4 | opcode & 0x0f, payload, chop, sync, batch);
    }

    /** The closing handshake's first close frame (a later one is only a raw frame, as Autobahn's sendClose). */
    void sendClose(byte[] payload) {
        if (!closeSent && !closeReceived) {
            closedByMe = true;
        }
        if (!closeSent) {
            closeSent = true;
            write(0x88, payload, 0, false, false);
        }
    }

    /** The head of a frame with FIN clear; its payload follows in {@link #sendData} pieces under one mask. */
    void sendHead(int opcode, long length) {
        streamingMask = mask();
        streamingOffset = 0;
        writeLock.lock();
        try {
            out.write(header(opcode & 0x0f, length, streamingMask));
            out.flush();
        } catch (IOException serverGone) {
            // as in write
        } finally {
            writeLock.unlock();
        }
    }

    void sendData(byte[] data) {
        byte[] masked = data.clone();
        for (int i = 0; i < masked.length; i++) {
            masked[i] ^= streamingMask[(int) ((streamingOffset + i) & 3)];
        }
        streamingOffset += data.length;
        writeLock.lock();
        try {
            out.write(masked);
            out.flush();
        } catch (IOException serverGone) {
            // as in write
        } finally {
            writeLock.unlock();
        }
    }

    /** Fails the connection as Autobahn does (without failByDrop): a close frame while open, else a TCP drop. */
    void fail() {
        if (isOpen()) {
            sendClose(new byte[] {0x03, (byte) 0xe9});   // 1001 going away
        } else {
            drop();
        }
    }

    /** Drops the TCP connection from this side. */
    void drop() {
        if (ended.getCount() > 0) {
            droppedByMe = true;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that is already gone
        }
    }

    /** Open as Autobahn's protocol state is: no close frame sent or received, and the connection alive. */
    boolean isOpen() {
        return !closeSent && !closeReceived && ended.getCount() > 0;
    }

    boolean closing() {
        return closeSent || closeReceived;
    }

    boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean closedByMe() {
        return closedByMe;
    }

    boolean droppedByMe() {
        return droppedByMe;
    }

    /** The closing handshake went both ways and the server, not this client, dropped the TCP connection. */
    boolean wasClean() {
        return closeSent && closeReceived && !droppedByMe;
    }

    Integer remoteCloseCode() {
        return remoteCloseCode;
    }

    private void write(int firstByte, byte[] payload, int chop, boolean sync, boolean batch) {
        byte[] mask = mask();
        byte[] header = header(firstByte, payload.length, mask);
        byte[] frame = new byte[header.length + payload.length];
        System.arraycopy(header, 0, frame, 0, header.length);
        for (int i = 0; i < payload.length; i++) {
            frame[header.length + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        writeLock.lock();
        try {
            if (chop > 0) {
                for (int at = 0; at < frame.length; at += chop) {
                    out.write(frame, at, Math.min(chop, frame.length - at));
                    out.flush();
                }
            } else {
                out.write(frame);
                if (sync || !batch) {
                    out.flush();
                }
            }
        } catch (IOException serverGone) {
            // the server may fail the connection before the case has written everything; what it did still counts
        } finally {
            writeLock.unlock();
        }
    }

    void flush() {
        writeLock.lock();
        try {
            out.flush();
        } catch (IOException serverGone) {
            // as in write
        } finally {
            writeLock.unlock();
        }
    }

    private static byte[] header(int firstByte, long length, byte[] mask) {
        ByteArrayOutputStream h = new ByteArrayOutputStream(14);
        h.write(firstByte);
        if (length < 126) {
            h.write(0x80 | (int) length);
        } else if (length < 65536) {
            h.write(0x80 | 126);
            h.write((int) (length >> 8));
            h.write((int) length & 0xff);
        } else {
            h.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                h.write((int) (length >> shift) & 0xff);
            }
        }
        h.writeBytes(mask);
        return h.toByteArray();
    }

    private static byte[] mask() {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        return mask;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
