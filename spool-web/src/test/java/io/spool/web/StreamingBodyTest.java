package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streaming routes: the handler starts at the head and reads the body as it arrives, with backpressure, past the
 * limit for gathered bodies; early answers, oversized and stalled bodies end cleanly.
 */
class StreamingBodyTest {
    static final CountDownLatch started = new CountDownLatch(1);
    static final AtomicLong mostBuffered = new AtomicLong();
    static WebServer server;

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .maxBodySize(1000)   // gathered bodies; streamed ones are held to maxStreamedBodySize
                .maxStreamedBodySize(64L << 20)
                .readTimeout(Duration.ofMillis(500))
                .streaming("POST", "/crc", ctx -> {
                    started.countDown();
                    return crc(ctx.bodyStream(), 0);
                })
                .streaming("PUT", "/slow", ctx -> crc(ctx.bodyStream(), 2))
                .streaming("POST", "/early", ctx -> "not reading it")
                .streaming("POST", "/whole", ctx -> "got " + ctx.body().length)
                .post("/gathered", ctx -> "got " + ctx.body().length)
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Reads the body in 8 KiB reads, sleeping between them, and tracks how much the server held unread. */
    static String crc(InputStream in, long sleepMillis) throws Exception {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            crc.update(buf, 0, n);
            total += n;
            mostBuffered.accumulateAndGet(in.available(), Math::max);
            if (sleepMillis > 0 && total % (256 * 1024) < 8192) {
                Thread.sleep(sleepMillis);
            }
        }
        return total + " " + Long.toHexString(crc.getValue());
    }

    static String expected(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return body.length + " " + Long.toHexString(crc.getValue());
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >> 9));
        }
        return b;
    }

    @Test
    void theHandlerStartsAtTheHeadAndReadsABodyFarPastTheGatheringLimit() throws Exception {
        byte[] body = bytes(20 << 20);
        try (Raw raw = new Raw(server.port())) {
            OutputStream out = raw.socket.getOutputStream();
            out.write(("POST /crc HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes());
            out.write(body, 0, 1000);
            assertThat(started.await(5, TimeUnit.SECONDS)).as("handler started before the body ended").isTrue();
            out.write(body, 1000, body.length - 1000);
            assertThat(raw.read().text()).isEqualTo(expected(body));
            raw.send("POST /gathered HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc");   // the connection goes on
            assertThat(raw.read().text()).isEqualTo("got 3");
        }
    }

    @Test
    void aSlowReaderHoldsBackTheClientInsteadOfBufferingTheBody() throws Exception {
        byte[] body = bytes(8 << 20);
        mostBuffered.set(0);
        try (Raw raw = new Raw(server.port())) {
            raw.send("PUT /slow HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            OutputStream out = raw.socket.getOutputStream();
            for (int off = 0; off < body.length; off += 65536) {
                out.write((Integer.toHexString(65536) + "\r\n").getBytes());
                out.write(body, off, 65536);
                out.write("\r\n".getBytes());
            }
            out.write("0\r\n\r\n".getBytes());
            assertThat(raw.read().text()).isEqualTo(expected(body));
        }
        assertThat(mostBuffered.get()).as("bytes held unread").isLessThan(BodyStream.HIGH_WATER + 64 * 1024);
    }

    @Test
    void anAnswerBeforeTheBodyEndedClosesTheConnection() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /early HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n" + "a".repeat(10));
            Raw.Reply r = raw.read();
            assertThat(r.text()).isEqualTo("not reading it");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void aBodyPastTheStreamingLimitIsA413() throws Exception {
        try (WebServer small = WebApp.create().maxStreamedBodySize(1000)
                .streaming("POST", "/crc", ctx -> crc(ctx.bodyStream(), 0)).start(0);
             Raw raw = new Raw(small.port())) {
            raw.send("POST /crc HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "7d0\r\n" + "a".repeat(2000) + "\r\n0\r\n\r\n");
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(413);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void aStalledBodyIsA408() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /whole HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + "a".repeat(10));
            Raw.Reply r = raw.read();
            assertThat(r.status()).isEqualTo(408);
            assertThat(raw.closedByServer()).isTrue();
        }
    }

    @Test
    void bodyGathersAStreamedBodyWhenAskedAndPipelinedRequestsFollow() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /whole HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "b".repeat(5000)
                    + "POST /gathered HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok");
            assertThat(raw.read().text()).isEqualTo("got 5000");
            assertThat(raw.read().text()).isEqualTo("got 2");
        }
    }
}
