package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Range requests for static files (RFC 9110 §14): 206 with Content-Range, 416, If-Range, ignored forms. */
class RangeTest {
    static final String TEXT = "0123456789abcdefghij".repeat(100);   // 2,000 bytes, compressible
    @TempDir
    static Path dir;
    static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("f.txt"), TEXT);
        server = WebApp.create().staticFiles("/s", dir).start(0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Raw.Reply get(String... headers) throws Exception {
        try (Raw raw = new Raw(server.port())) {
            StringBuilder req = new StringBuilder("GET /s/f.txt HTTP/1.1\r\nHost: x\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            raw.send(req.append("\r\n").toString());
            return raw.read();
        }
    }

    @Test
    void oneRangeIsA206WithItsBytes() throws Exception {
        Raw.Reply r = get("Range: bytes=10-19", "Accept-Encoding: gzip");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.text()).isEqualTo("abcdefghij");
        assertThat(r.header("Content-Range")).isEqualTo("bytes 10-19/2000");
        assertThat(r.header("Content-Encoding")).isNull();   // ranges count the bytes as they are
        assertThat(get("Range: bytes=1990-").text()).isEqualTo("abcdefghij");
        assertThat(get("Range: bytes=-3").text()).isEqualTo("hij");
        assertThat(get("Range: bytes=1995-5000").header("Content-Range")).isEqualTo("bytes 1995-1999/2000");
        assertThat(get().header("Accept-Ranges")).isEqualTo("bytes");
    }

    @Test
    void aRangePastTheEndIsA416() throws Exception {
        Raw.Reply r = get("Range: bytes=2000-2005");
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header("Content-Range")).isEqualTo("bytes */2000");
        assertThat(get("Range: bytes=-0").status()).isEqualTo(416);
    }

    @Test
    void formsItDoesNotServeGetTheWholeFile() throws Exception {
        for (String range : new String[] {"bytes=0-1,5-6", "items=0-1", "bytes=5-2", "bytes=x-y", "bytes 0-1"}) {
            Raw.Reply r = get("Range: " + range);
            assertThat(r.status()).as(range).isEqualTo(200);
            assertThat(r.body()).as(range).hasSize(2000);
        }
    }

    @Test
    void ifRangeKeepsTheRangeOnlyForTheSameVersion() throws Exception {
        String lastModified = get().header("Last-Modified");
        assertThat(get("Range: bytes=0-1", "If-Range: " + lastModified).status()).isEqualTo(206);
        assertThat(get("Range: bytes=0-1", "If-Range: Mon, 01 Jan 2001 00:00:00 GMT").status()).isEqualTo(200);
        String etag = get().header("ETag");
        assertThat(get("Range: bytes=0-1", "If-Range: " + etag).status()).isEqualTo(200);   // weak: never matches
    }
}
