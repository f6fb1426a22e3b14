package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** multipart/form-data: fields and files, temporary files that never outlive the request, limits, bad bodies. */
class MultipartTest {
    static final String BOUNDARY = "----spool-boundary-7MA4YWxkTrZu0gW";
    @TempDir
    static Path uploads;
    static WebServer server;
    static volatile Path lastTempFile;

    @BeforeAll
    static void start() {
        server = WebApp.create()
                .maxBodySize(50 << 20)
                .multipart(1000, 20 << 20, 16 * 1024, uploads)
                .post("/upload", MultipartTest::describe)
                .streaming("POST", "/stream-upload", MultipartTest::describe)
                .post("/count", ctx -> ctx.formParts().size())
                .post("/fail", ctx -> {
                    ctx.formParts();
                    throw new IllegalStateException("handler failed after reading the parts");
                })
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Object describe(Context ctx) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FormPart p : ctx.formParts()) {
            if (p.onDisk()) {
                lastTempFile = tempFiles().findFirst().orElse(null);
            }
            out.add(Map.of("name", p.name(), "file", String.valueOf(p.fileName()), "size", p.size(),
                    "disk", p.onDisk(), "type", p.contentType(),
                    "crc", Long.toHexString(crc(p.bytes()))));
        }
        return Map.of("parts", out, "title", String.valueOf(ctx.formParam("title")));
    }

    static long crc(byte[] b) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(b);
        return c.getValue();
    }

    static Stream<Path> tempFiles() throws java.io.IOException {
        return Files.list(uploads);
    }

    static byte[] body(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < parts.length; i += 3) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + parts[i] + "\""
                    + (parts[i + 1] == null ? "" : "; filename=\"" + parts[i + 1] + "\"\r\nContent-Type: "
                    + "application/octet-stream") + "\r\n\r\n";
            out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            out.writeBytes(parts[i + 2] instanceof byte[] b ? b : parts[i + 2].toString().getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes());
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes());
        return out.toByteArray();
    }

    static Raw.Reply post(String path, byte[] body) throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n");
            raw.socket.getOutputStream().write(body);
            return raw.read();
        }
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    @Test
    void fieldsAndFilesArriveWithLargeFilesOnDiskDeletedAfterTheRequest() throws Exception {
        byte[] big = bytes(3 << 20);
        Raw.Reply r = post("/upload", body("title", null, "holiday", "photo", "../../etc/pass\u0001wd.jpg", big,
                "note", "C:\\Users\\evil\\note.txt", "small"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).contains("\"title\":\"holiday\"")
                .contains("\"file\":\"passwd.jpg\"").contains("\"size\":" + big.length)
                .contains("\"crc\":\"" + Long.toHexString(crc(big)) + "\"").contains("\"file\":\"note.txt\"")
                .contains("\"disk\":true").contains("\"disk\":false");
        assertThat(lastTempFile).as("the big part was on disk during the request").isNotNull();
        assertThat(tempFiles()).as("and is gone after it").isEmpty();
    }

    @Test
    void aSlowClientsUploadStreamsToDiskAsItArrives() throws Exception {
        byte[] big = bytes(2 << 20);
        byte[] body = body("photo", "slow.bin", big);
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /stream-upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary="
                    + BOUNDARY + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            OutputStream out = raw.socket.getOutputStream();
            for (int off = 0; off < body.length; off += 128 * 1024) {
                int n = Math.min(128 * 1024, body.length - off);
                out.write((Integer.toHexString(n) + "\r\n").getBytes());
                out.write(body, off, n);
                out.write("\r\n".getBytes());
                out.flush();
                Thread.sleep(20);
            }
            out.write("0\r\n\r\n".getBytes());
            Raw.Reply r = raw.read();
            assertThat(r.text()).contains("\"crc\":\"" + Long.toHexString(crc(big)) + "\"").contains("\"disk\":true");
        }
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void malformedBodiesAreA400AndLeaveNothingBehind() throws Exception {
        byte[] truncated = java.util.Arrays.copyOf(body("f", "a.bin", bytes(100_000)), 60_000);
        assertThat(post("/upload", truncated).status()).isEqualTo(400);
        assertThat(post("/upload", "no boundary here at all".getBytes()).status()).isEqualTo(400);
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data\r\nContent-Length: 4\r\n"
                    + "\r\nabcd");
            assertThat(raw.read().status()).isEqualTo(400);   // no boundary parameter
        }
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void tenThousandTinyPartsMeetThePartLimitQuickly() throws Exception {
        Object[] parts = new Object[10_000 * 3];
        for (int i = 0; i < 10_000; i++) {
            parts[3 * i] = "f" + i;
            parts[3 * i + 2] = "v";
        }
        byte[] body = body(parts);
        long start = System.nanoTime();
        Raw.Reply r = post("/count", body);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.text()).contains("more than 1000 parts");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);

        try (WebServer many = WebApp.create().multipart(20_000, 1 << 20, 16 * 1024, uploads)
                .post("/count", ctx -> ctx.formParts().size()).start(0); Raw raw = new Raw(many.port())) {
            raw.send("POST /count HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n");
            raw.socket.getOutputStream().write(body);
            assertThat(raw.read().text()).isEqualTo("10000");
        }
    }

    @Test
    void aPartPastItsLimitIsA413() throws Exception {
        try (WebServer small = WebApp.create().multipart(10, 1000, 100, uploads)
                .post("/count", ctx -> ctx.formParts().size()).start(0); Raw raw = new Raw(small.port())) {
            byte[] body = body("f", "big.bin", bytes(5000));
            raw.send("POST /count HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n");
            raw.socket.getOutputStream().write(body);
            assertThat(raw.read().status()).isEqualTo(413);
        }
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aNullUploadDirectoryKeepsTheDefaultOne() throws Exception {
        Path defaultDir = Path.of(System.getProperty("java.io.tmpdir"), "spool-web-uploads");
        try (WebServer app = WebApp.create().multipart(10, 1 << 20, 100, null)
                .post("/where", ctx -> {
                    FormPart part = ctx.uploadedFiles().get(0);
                    try (Stream<Path> files = Files.list(defaultDir)) {
                        return part.onDisk() + " " + (files.count() > 0);
                    }
                }).start(0); Raw raw = new Raw(app.port())) {
            byte[] body = body("f", "big.bin", bytes(5000));
            raw.send("POST /where HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n");
            raw.socket.getOutputStream().write(body);
            assertThat(raw.read().text()).isEqualTo("true true");
        }
    }

    @Test
    void aFailingHandlerStillLeavesNoTemporaryFiles() throws Exception {
        assertThat(post("/fail", body("f", "a.bin", bytes(500_000))).status()).isEqualTo(500);
        assertThat(tempFiles()).isEmpty();
    }

    @Test
    void aClientThatLeavesMidUploadLeavesNoTemporaryFiles() throws Exception {
        byte[] body = body("photo", "gone.bin", bytes(4 << 20));
        try (Raw raw = new Raw(server.port())) {
            raw.send("POST /stream-upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary="
                    + BOUNDARY + "\r\nContent-Length: " + body.length + "\r\n\r\n");
            raw.socket.getOutputStream().write(body, 0, 1 << 20);
            Thread.sleep(300);
        }
        for (int i = 0; i < 50 && tempFiles().findAny().isPresent(); i++) {
            Thread.sleep(100);
        }
        assertThat(tempFiles()).isEmpty();
    }
}
