package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Headers caches rely on: Date everywhere, Vary where the encoding depends on the client, IMF-fixdate dates. */
class CachingHeadersTest {
    static final Pattern IMF_FIXDATE =
            Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
    static final String TEXT = "spool ".repeat(500);
    static final byte[] PNG_BYTES = new byte[5000];

    @TempDir
    static Path dir;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        Path file = Files.writeString(dir.resolve("old.txt"), TEXT);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-03-05T07:08:09Z")));   // a one-digit day
        server = WebApp.create()
                .get("/text", ctx -> TEXT)
                .get("/small", ctx -> "tiny")
                .get("/png", ctx -> Response.ok(PNG_BYTES).contentType("image/png"))
                .get("/vary", ctx -> Response.ok(TEXT).header("Vary", "Origin"))
                .get("/stream", ctx -> new java.io.ByteArrayInputStream(TEXT.getBytes()))
                .staticFiles("/files", dir)
                .start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aCompressibleAnswerVariesOnAcceptEncodingWhetherOrNotThisClientAsked() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /text HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n"
                    + "GET /text HTTP/1.1\r\nHost: x\r\n\r\nGET /stream HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /vary HTTP/1.1\r\nHost: x\r\n\r\n");
            Raw.Reply gzipped = raw.read();
            assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(gzipped.header("Vary")).isEqualTo("Accept-Encoding");
            Raw.Reply plain = raw.read();
            assertThat(plain.header("Content-Encoding")).isNull();
            assertThat(plain.header("Vary")).isEqualTo("Accept-Encoding");
            assertThat(raw.read().header("Vary")).isEqualTo("Accept-Encoding");
            assertThat(raw.read().header("Vary")).isEqualTo("Origin, Accept-Encoding");
        }
    }

    @Test
    void compressedMediaAndTinyBodiesAreSentAsTheyAre() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /png HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n"
                    + "GET /small HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n"
                    + "HEAD /png HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n");
            Raw.Reply png = raw.read();
            assertThat(png.header("Content-Encoding")).isNull();
            assertThat(png.header("Vary")).isNull();
            assertThat(png.body()).hasSize(PNG_BYTES.length);
            Raw.Reply small = raw.read();
            assertThat(small.header("Content-Encoding")).isNull();
            assertThat(small.header("Vary")).isNull();
            assertThat(raw.read(true).header("Content-Length")).isEqualTo("5000");   // HEAD knows the length sent
        }
    }

    @Test
    void everyAnswerHasADateInImfFixdateIncludingRefusals() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /small HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(raw.read().header("Date")).matches(IMF_FIXDATE);
        }
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /small HTTP/9.9\r\nHost: x\r\n\r\n");
            Raw.Reply refused = raw.read();
            assertThat(refused.status()).isEqualTo(505);
            assertThat(refused.header("Date")).matches(IMF_FIXDATE);
        }
        assertThat(HttpDates.format(0)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(784111777L);
        assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994")).isEqualTo(784111777L);
        assertThat(HttpDates.parse("yesterday")).isEqualTo(-1);
    }

    @Test
    void lastModifiedIsImfFixdateAndConditionalRequestsReadIt() throws Exception {
        try (Raw raw = new Raw(server.port())) {
            raw.send("GET /files/old.txt HTTP/1.1\r\nHost: x\r\n\r\n");
            String lastModified = raw.read().header("Last-Modified");
            assertThat(lastModified).isEqualTo("Tue, 05 Mar 2024 07:08:09 GMT");
            raw.send("GET /files/old.txt HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: " + lastModified + "\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(304);
            raw.send("GET /files/old.txt HTTP/1.1\r\nHost: x\r\nIf-Modified-Since: Tuesday, 05-Mar-24 07:08:08 GMT"
                    + "\r\n\r\n");
            assertThat(raw.read().status()).isEqualTo(200);
        }
    }
}
