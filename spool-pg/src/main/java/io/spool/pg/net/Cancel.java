package io.spool.pg.net;

import io.spool.pg.PgConfig;
import io.spool.pg.PgException;
import io.spool.pg.protocol.Frontend;
import io.spool.pg.protocol.PgEngine;
import io.spool.pg.protocol.WriteBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * Sends a CancelRequest for a backend over a new connection, as the protocol requires. The server answers
 * nothing; it closes the socket once it has read the request, which this waits for so the cancel has arrived
 * before the call returns.
 */
public final class Cancel {
    private Cancel() {}

    /** The longest a cancel sent on the way out of an abandoned statement may take (connect, then the EOF). */
    public static final Duration ABANDON_BOUND = Duration.ofSeconds(2);

    /**
     * Sends the cancel request the caller marked as leaving ({@link PgEngine#cancelLeaving()}), blocking until it
     * has arrived, and tells the engine it has, so the commands it held back meanwhile may go out.
     */
    public static void travel(PgConfig config, PgEngine engine) {
        try {
            send(config, engine.processId(), engine.secretKey());
        } finally {
            engine.cancelArrived();
        }
    }

    public static void send(PgConfig config, int processId, int secretKey) {
        send(config, processId, secretKey, (int) config.connectTimeout().toMillis(),
                (int) Math.max(1000, config.connectTimeout().toMillis()));
    }

    /**
     * Called when a caller gives up on statements still running (a timeout, an interrupt, a close): asks the
     * server to cancel them, so the backend does not run on for nobody, within {@link #ABANDON_BOUND} for each
     * step. Never throws; an interrupt of the calling thread is kept, but does not stop this cancel.
     */
    public static void beforeAbandoning(PgConfig config, PgEngine engine) {
        if (!engine.hasPendingCommands() || engine.processId() == 0) {
            return;
        }
        boolean interrupted = Thread.interrupted();  // an interrupted virtual thread could not open the socket
        try {
            int bound = (int) Math.min(ABANDON_BOUND.toMillis(), Math.max(1, config.connectTimeout().toMillis()));
            send(config, engine.processId(), engine.secretKey(), bound, bound);
        } catch (PgException ignored) {
            // best effort: the connection is given up anyway
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(PgConfig config, int processId, int secretKey, int connectMillis, int readMillis) {
        if (processId == 0) {
            return;  // not connected yet: nothing to cancel
        }
        WriteBuffer request = new WriteBuffer(16);
        Frontend.cancelRequest(request, processId, secretKey);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.host(), config.port()), connectMillis);
            socket.setSoTimeout(readMillis);
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            socket.getInputStream().read();  // EOF once the postmaster has taken the request
        } catch (IOException e) {
            throw new PgException(PgException.UNABLE_TO_CONNECT, "could not send the cancel request: " + e.getMessage(), e);
        }
    }
}
