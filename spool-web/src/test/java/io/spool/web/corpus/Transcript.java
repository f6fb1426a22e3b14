package io.spool.web.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * What came back on one connection after writing a case's bytes: everything the server sent, and whether it
 * closed the connection (end of stream or reset) before the client gave up after a quiet spell.
 */
record Transcript(byte[] received, boolean closed) {

    /** Connects to 127.0.0.1:{@code port}, writes {@code raw} and reads until close or {@code quiet} of silence. */
    static Transcript exchange(int port, byte[] raw, Duration quiet) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) quiet.toMillis());
            try {
                socket.getOutputStream().write(raw);
                socket.getOutputStream().flush();
            } catch (SocketException closedWhileWriting) {
                // the server may reject and close before the whole case is written; what it sent still counts
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException quietSpell) {
                    return new Transcript(received.toByteArray(), false);
                } catch (SocketException reset) {
                    return new Transcript(received.toByteArray(), true);
                }
                if (n < 0) {
                    return new Transcript(received.toByteArray(), true);
                }
                received.write(buffer, 0, n);
            }
        }
    }
}
