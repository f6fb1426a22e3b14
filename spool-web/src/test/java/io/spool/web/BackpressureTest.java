package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A slow reader of a large streamed body holds the producer back instead of filling the server's memory. */
class BackpressureTest {
    /** An endless-looking body that counts what the server pulled from it. */
    static final class Counting extends InputStream {
        final AtomicLong produced;
        final long size;

        Counting(AtomicLong produced, long size) {
            this.produced = produced;
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - produced.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            produced.addAndGet(n);
            return n;
        }
    }

    @Test
    void slowReaderBoundsWhatTheServerPullsAhead() throws Exception {
        AtomicLong produced = new AtomicLong();
        long size = 512L * 1024 * 1024;
        try (WebServer server = WebApp.create().compression(false)
                .get("/huge", ctx -> Response.stream(new Counting(produced, size), -1, "application/octet-stream"))
                .start(0);
             Raw raw = new Raw(server.port())) {
            raw.socket.setReceiveBufferSize(64 * 1024);
            raw.send("GET /huge HTTP/1.1\r\nHost: x\r\n\r\n");
            InputStream in = raw.socket.getInputStream();
            byte[] buf = new byte[64 * 1024];
            long read = 0;
            long maxAhead = 0;
            for (int round = 0; round < 15; round++) {
                Thread.sleep(40);   // the slow reader
                int n = in.read(buf);
                read += n;
                maxAhead = Math.max(maxAhead, produced.get() - read);
            }
            // socket buffers on both sides plus Netty's 128 KiB high-water mark: a few MiB at most, never 512 MiB
            System.out.printf("backpressure: client read %d KiB, server produced %d KiB, max ahead %d KiB%n",
                    read / 1024, produced.get() / 1024, maxAhead / 1024);
            assertThat(maxAhead).isLessThan(16L * 1024 * 1024);
            assertThat(produced.get()).isLessThan(size / 16);
        }
    }
}
