package io.spool.pg.net;

import io.spool.io.Interest;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * An {@link SSLEngine} between a nonblocking socket and the protocol engine: plaintext goes in through
 * {@link #write} and comes out of {@link #read}; records are moved only as far as the socket allows, so every
 * call returns at once and {@link #handshake()} says what readiness to wait for. Delegated tasks run inline:
 * there is no thread here.
 */
public final class TlsChannel {
    private final SocketChannel socket;
    private final SSLEngine engine;
    private ByteBuffer netIn;
    private ByteBuffer netOut;
    private ByteBuffer appIn;
    private boolean closedByPeer;

    public TlsChannel(SocketChannel socket, SSLEngine engine) {
        this.socket = socket;
        this.engine = engine;
        int packet = engine.getSession().getPacketBufferSize();
        this.netIn = ByteBuffer.allocate(packet);
        this.netOut = ByteBuffer.allocate(packet);
        netOut.flip();
        this.appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize());
        appIn.flip();
    }

    public SSLEngine sslEngine() {
        return engine;
    }

    /** Advances the handshake; null once it is complete, else the readiness to wait for. */
    public Interest handshake() throws IOException {
        if (!flushNetOut()) {
            return Interest.WRITE;
        }
        while (true) {
            SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
            switch (status) {
                case NEED_TASK -> runDelegatedTasks();
                case NEED_WRAP -> {
                    wrap(ByteBuffer.allocate(0));
                    if (!flushNetOut()) {
                        return Interest.WRITE;
                    }
                }
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    if (unwrap() == 0 && engine.getHandshakeStatus() == status) {
                        if (closedByPeer) {
                            throw new SSLException("the server closed the connection during the TLS handshake");
                        }
                        return Interest.READ;
                    }
                }
                default -> {
                    return null;
                }
            }
        }
    }

    /** Encrypts as much of {@code src} as fits and sends what the socket takes; returns plaintext consumed. */
    public int write(ByteBuffer src) throws IOException {
        int consumed = 0;
        while (src.hasRemaining() && flushNetOut()) {
            int before = src.remaining();
            wrap(src);
            consumed += before - src.remaining();
            if (before == src.remaining()) {
                break;
            }
        }
        flushNetOut();
        return consumed;
    }

    /** True while encrypted bytes wait for the socket. */
    public boolean hasPendingOutput() {
        return netOut.hasRemaining();
    }

    /** Sends pending encrypted bytes; true when none are left. */
    public boolean flushNetOut() throws IOException {
        while (netOut.hasRemaining()) {
            if (socket.write(netOut) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Decrypts into {@code dst}: bytes read, 0 when nothing is available now, -1 at end of stream. */
    public int read(ByteBuffer dst) throws IOException {
        if (!appIn.hasRemaining()) {
            unwrap();
        }
        if (appIn.hasRemaining()) {
            int n = Math.min(dst.remaining(), appIn.remaining());
            ByteBuffer slice = appIn.slice(appIn.position(), n);
            dst.put(slice);
            appIn.position(appIn.position() + n);
            return n;
        }
        return closedByPeer ? -1 : 0;
    }

    private void wrap(ByteBuffer src) throws IOException {
        netOut.compact();
        try {
            while (true) {
                SSLEngineResult result = engine.wrap(src, netOut);
                if (result.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
                    netOut = grow(netOut, engine.getSession().getPacketBufferSize());
                    continue;
                }
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SSLException("the TLS session is closed");
                }
                return;
            }
        } finally {
            netOut.flip();
        }
    }

    /** Reads from the socket and unwraps one or more records into appIn; returns plaintext bytes produced. */
    private int unwrap() throws IOException {
        int produced = 0;
        boolean netInTooSmall = false;
        appIn.compact();
        try {
            int n = socket.read(netIn);
            if (n < 0) {
                closedByPeer = true;
            }
            netIn.flip();
            while (netIn.hasRemaining()) {
                SSLEngineResult result = engine.unwrap(netIn, appIn);
                produced += result.bytesProduced();
                switch (result.getStatus()) {
                    case BUFFER_OVERFLOW -> appIn = grow(appIn, engine.getSession().getApplicationBufferSize());
                    case BUFFER_UNDERFLOW -> {
                        netInTooSmall = netIn.position() == 0 && netIn.limit() == netIn.capacity();
                        return produced;
                    }
                    case CLOSED -> {
                        closedByPeer = true;
                        return produced;
                    }
                    default -> {
                        runDelegatedTasks();  // e.g. a TLS 1.3 session ticket after the handshake
                        if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                            return produced;  // the handshake wants to wrap first
                        }
                    }
                }
            }
            return produced;
        } finally {
            netIn.compact();
            appIn.flip();
            if (netInTooSmall) {
                netIn = grow(netIn, engine.getSession().getPacketBufferSize());
            }
        }
    }

    private void runDelegatedTasks() {
        if (engine.getHandshakeStatus() == SSLEngineResult.HandshakeStatus.NEED_TASK) {
            Runnable task;
            while ((task = engine.getDelegatedTask()) != null) {
                task.run();
            }
        }
    }

    /** Grows a buffer in write mode (position = end of data), keeping its data. */
    private static ByteBuffer grow(ByteBuffer b, int atLeast) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(b.capacity() * 2, b.position() + atLeast));
        b.flip();
        bigger.put(b);
        return bigger;
    }
}
