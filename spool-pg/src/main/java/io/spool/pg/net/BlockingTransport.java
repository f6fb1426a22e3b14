package io.spool.pg.net;

import io.spool.pg.PgConfig;
import io.spool.pg.protocol.Command;
import io.spool.pg.protocol.EngineException;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.SqlState;
import io.spool.pg.protocol.WriteBuffer;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Moves an engine's bytes over a blocking socket. On a virtual thread a blocked read parks the virtual thread
 * and frees its carrier, so thousands of connections cost little. Any I/O failure, EOF or timeout tells the
 * engine the connection is lost, so every pending command fails with a clear {@code 08006} error.
 */
public final class BlockingTransport implements AutoCloseable {
    private final PgConfig config;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final PgEngine engine;
    private final int readTimeoutMillis;
    private byte[] channelBinding;
    /** Signalled when no cancel request travels any more (the engine's hold-back; this transport waits on it). */
    private final java.util.concurrent.locks.ReentrantLock cancelLock = new java.util.concurrent.locks.ReentrantLock();
    private final java.util.concurrent.locks.Condition cancelsArrived = cancelLock.newCondition();

    private BlockingTransport(PgConfig config, Socket socket, PgEngine engine) throws IOException {
        this.config = config;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.engine = engine;
        this.readTimeoutMillis = (int) Math.min(Integer.MAX_VALUE, config.socketTimeout().toMillis());
        engine.onCancelsArrived(() -> {
            cancelLock.lock();
            try {
                cancelsArrived.signalAll();
            } finally {
                cancelLock.unlock();
            }
        });
    }

    /**
     * Opens a TCP connection to the configured server and lets the engine open the session on it: the TLS
     * request and answer, the switch to TLS when the engine asks for it, and authentication, all bounded by
     * the connect timeout. Fails with the engine's {@link EngineException} (a refused TLS request, injected
     * bytes, bad credentials) or one of SQLSTATE {@code 08001} when the server cannot be reached; the caller
     * turns it into the client's error.
     */
    public static BlockingTransport connect(PgConfig config, PgEngine engine) {
        Socket socket = new Socket();
        BlockingTransport transport;
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            transport = new BlockingTransport(config, socket, engine);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new EngineException(SqlState.UNABLE_TO_CONNECT, "could not connect to " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        try {
            Command<Void> startup = engine.connect(config.connectOptions());
            transport.awaitUntil(() -> startup.isDone() || engine.tlsRequested(), config.connectTimeout());
            if (engine.tlsRequested()) {
                transport.switchToTls();
                engine.tlsEstablished(transport.channelBinding);
            }
            transport.await(startup, config.connectTimeout());
            return transport;
        } catch (RuntimeException e) {
            transport.closeSocket();
            throw e;
        }
    }

    /** Wraps the socket in TLS, as the engine asked after the server accepted the request. */
    private void switchToTls() {
        try {
            SSLSocket tls = (SSLSocket) Tls.context(config).getSocketFactory()
                    .createSocket(socket, config.host(), config.port(), true);
            tls.setUseClientMode(true);
            tls.setSSLParameters(Tls.parameters(config, tls.getSSLParameters()));
            tls.startHandshake();
            socket = tls;
            in = tls.getInputStream();
            out = tls.getOutputStream();
            channelBinding = Tls.channelBinding(tls.getSession());
        } catch (IOException e) {
            EngineException failed = new EngineException(SqlState.UNABLE_TO_CONNECT, "TLS handshake with " + config.host()
                    + " failed: " + e.getMessage(), e);
            engine.poison(failed);
            throw failed;
        }
    }

    /** The tls-server-end-point binding for SCRAM-SHA-256-PLUS, or null without TLS. */
    public byte[] channelBinding() {
        return channelBinding;
    }

    public boolean isEncrypted() {
        return socket instanceof SSLSocket;
    }

    /**
     * Sends what the engine has queued and reads until {@code command} is done; returns its result or throws
     * its failure (an {@link EngineException}). {@code timeout} bounds each wait for the server (null: the
     * socket timeout; zero: none).
     */
    public <T> T await(Command<T> command, Duration timeout) {
        awaitUntil(command::isDone, timeout);
        return command.result();
    }

    public <T> T await(Command<T> command) {
        return await(command, null);
    }

    /**
     * Sends what the engine has queued and reads until {@code condition} holds or the connection is lost (the
     * engine then fails every command). {@code timeout} bounds each wait as in {@link #await(Command, Duration)}.
     */
    public void awaitUntil(BooleanSupplier condition, Duration timeout) {
        int timeoutMillis = timeout == null ? readTimeoutMillis : (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try {
            socket.setSoTimeout(timeoutMillis);
            awaitCancels();
            flush();
            while (!condition.getAsBoolean()) {
                if (!readOnce()) {
                    break;
                }
                awaitCancels();   // answers ended what was in flight; what waits behind a cancel goes out after it
                flush();
            }
        } catch (SocketTimeoutException e) {
            abandon("no answer from the server within " + timeoutMillis + " ms; the statement was cancelled and "
                    + "the connection is closed", e);
        } catch (IOException e) {
            if (Thread.currentThread().isInterrupted()) {   // a virtual thread's socket closes when it is interrupted
                abandon("interrupted while waiting for the server; the statement was cancelled and the connection "
                        + "is closed", e);
            } else {
                lose("connection to the server failed: " + e.getMessage(), e);
            }
        } catch (Error e) {
            lose("the client failed while reading the answer: " + e, e);  // the engine's state is unknown
            throw e;
        }
    }

    /**
     * Waits, when the engine holds commands back for a cancel request still on its way (see
     * {@link PgEngine#cancelLeaving()}), until it has arrived, then lets them be written.
     */
    private void awaitCancels() {
        if (!engine.heldBackForCancel()) {
            return;
        }
        cancelLock.lock();
        try {
            while (engine.holdsBackForCancel()) {
                cancelsArrived.awaitUninterruptibly();
            }
        } finally {
            cancelLock.unlock();
        }
        engine.releaseHeldBack();
    }

    /** Writes all queued output. */
    public void flush() throws IOException {
        WriteBuffer output = engine.output();
        if (output.isEmpty()) {
            return;
        }
        ByteBuffer bytes = output.readable();
        int n = bytes.remaining();
        out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), n);
        out.flush();
        output.consume(n);
    }

    /** Reads once into the engine; false at end of stream (the engine has been told). */
    public boolean readOnce() throws IOException {
        ByteBuffer target = engine.readBuffer();
        int n = in.read(target.array(), target.arrayOffset() + target.position(), target.remaining());
        if (n < 0) {
            lose("the server closed the connection", null);
            return false;
        }
        engine.received(n);
        return true;
    }

    /**
     * Reads once into {@code buf} without touching the engine, so a reader thread can block here while other
     * threads use the engine under a lock; -1 at end of stream.
     */
    public int readRaw(byte[] buf) throws IOException {
        socket.setSoTimeout(0);
        return in.read(buf);
    }

    /** Feeds whatever bytes have already arrived, without blocking. */
    public void readAvailable() throws IOException {
        while (in.available() > 0 && !socket.isClosed()) {
            if (!readOnce()) {
                return;
            }
        }
    }

    /** Waits up to {@code timeout} for bytes and feeds them; false if none came (used while idle, e.g. LISTEN). */
    public boolean readWithin(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        try {
            return readOnce();
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Gives up on the statements in flight: the server is asked to cancel them before the socket closes. */
    private void abandon(String reason, Throwable cause) {
        Cancel.beforeAbandoning(config, engine);
        lose(reason, cause);
    }

    private void lose(String reason, Throwable cause) {
        engine.connectionLost(reason, cause);
        closeQuietly(socket);
    }

    /** Closes the socket at once, without a Terminate (the connection is broken or given up). */
    public void closeSocket() {
        closeQuietly(socket);
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    /** Sends Terminate (best effort) and closes the socket. */
    @Override
    public void close() {
        Cancel.beforeAbandoning(config, engine);  // callers still waiting on a shared connection, say
        try {
            if (engine.isUsable()) {
                engine.terminate();
                socket.setSoTimeout(1000);
                flush();
            }
        } catch (IOException ignored) {
            // closing anyway
        } finally {
            closeQuietly(socket);
            engine.connectionLost("connection is closed", null);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }
}
