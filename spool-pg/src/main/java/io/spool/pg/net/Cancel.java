package io.spool.pg.net;

import io.spool.pg.PgConfig;
import io.spool.pg.PgException;
import io.spool.pg.protocol.Frontend;
import io.spool.pg.protocol.WriteBuffer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Sends a CancelRequest for a backend over a new connection, as the protocol requires. The server answers
 * nothing; it closes the socket once it has read the request, which this waits for so the cancel has arrived
 * before the call returns.
 */
public final class Cancel {
    private Cancel() {}

    public static void send(PgConfig config, int processId, int secretKey) {
        if (processId == 0) {
            return;  // not connected yet: nothing to cancel
        }
        WriteBuffer request = new WriteBuffer(16);
        Frontend.cancelRequest(request, processId, secretKey);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            socket.setSoTimeout((int) Math.max(1000, config.connectTimeout().toMillis()));
            socket.getOutputStream().write(request.toByteArray());
            socket.getOutputStream().flush();
            socket.getInputStream().read();  // EOF once the postmaster has taken the request
        } catch (IOException e) {
            throw new PgException(PgException.UNABLE_TO_CONNECT, "could not send the cancel request: " + e.getMessage(), e);
        }
    }
}
