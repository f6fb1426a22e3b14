package io.spool.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One open WebSocket as its {@link WebSocketHandler} sees it: the upgrade request's {@link Context} (path
 * parameters, headers, session), blocking {@link #receive()} and {@code send}, and {@link #close}. Incoming messages
 * wait in a short queue; while it is full the connection stops reading, so a slow handler holds back its client.
 */
public final class WebSocket {
    private static final Object CLOSED = new Object();
    static final int PAUSE_AT = 16;

    private final Context context;
    private final Channel channel;
    private final Reading reading;
    private final long stallNanos;
    private final WritabilityGate gate;
    private final LinkedBlockingQueue<Object> inbound = new LinkedBlockingQueue<>();
    private volatile boolean paused;
    private volatile boolean open = true;
    private volatile boolean closeSent;
    private volatile int closeCode = 1006;   // "abnormal": no close frame came
    private volatile String closeReason = "";

    WebSocket(Context context, Channel channel, Reading reading, WritabilityGate gate, long stallNanos) {
        this.context = context;
        this.channel = channel;
        this.reading = reading;
        this.gate = gate;
        this.stallNanos = stallNanos;
    }

    /** The request that opened the socket. */
    public Context context() {
        return context;
    }

    /** The next message; null once the socket is closed (then {@link #closeCode()} says how). */
    public WsMessage receive() throws InterruptedException {
        Object next = inbound.take();
        if (next == CLOSED) {
            inbound.add(CLOSED);   // every later call sees the end too
            return null;
        }
        if (paused && inbound.size() <= PAUSE_AT / 4) {
            paused = false;
            channel.eventLoop().execute(() -> reading.resume(Reading.QUEUE_FULL));
        }
        return (WsMessage) next;
    }

    public void send(String text) throws IOException, InterruptedException {
        send(new TextWebSocketFrame(text));
    }

    public void send(byte[] data) throws IOException, InterruptedException {
        send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data)));
    }

    private void send(WebSocketFrame frame) throws IOException, InterruptedException {
        if (!open || closeSent) {
            frame.release();
            throw new IOException("the WebSocket is closed");
        }
        channel.writeAndFlush(frame);
        if (!gate.awaitWritable(channel, stallNanos)) {
            throw new IOException(channel.isActive() ? "the client stopped reading" : "the client went away");
        }
    }

    /** Sends a close frame (once); the socket ends when the client answers it or goes. */
    public void close(int code, String reason) {
        if (!closeSent && channel.isActive()) {
            closeSent = true;
            channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
            channel.eventLoop().schedule(() -> {
                channel.close();   // a client that never answers the close
            }, 5, TimeUnit.SECONDS);
        }
    }

    public boolean isOpen() {
        return open;
    }

    /** The close code the client sent (1006 if the connection ended without one). */
    public int closeCode() {
        return closeCode;
    }

    public String closeReason() {
        return closeReason;
    }

    // ---- the event loop's side

    void deliver(WsMessage m) {
        inbound.add(m);
        if (inbound.size() >= PAUSE_AT && !paused) {
            paused = true;
            reading.pause(Reading.QUEUE_FULL);
        }
    }

    void closedByPeer(int code, String reason) {
        closeCode = code;
        closeReason = reason == null ? "" : reason;
        closeSent = true;   // the answer to it is the loop's
        end();
    }

    void end() {
        if (open) {
            open = false;
            inbound.add(CLOSED);
        }
        gate.signal();
    }

    boolean closeSent() {
        return closeSent;
    }

    void markCloseSent() {
        closeSent = true;
    }
}
