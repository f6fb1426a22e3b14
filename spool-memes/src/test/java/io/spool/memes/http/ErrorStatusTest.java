package io.spool.memes.http;

import static io.spool.memes.http.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.render.RenderLimits;
import io.spool.memes.render.RendererConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Each error status, always as JSON {@code {"error": "..."}}, never a 500. */
@ExtendWith(SharedServer.class)
class ErrorStatusTest {
    @Test
    void badRequestsAre400(Http http) {
        expect(http.get("/caption"), 400, "template is required");
        expect(http.get("/caption?template=chelsea&top_text=a&captions=b"), 400, "not both");
        expect(http.get("/caption?template=chelsea&width=2000"), 400, "width");
        expect(http.get("/caption?template=chelsea&format=bmp"), 400, "format");
        expect(http.get("/caption?template=chelsea&top_text=x&top_color=blurple"), 400, "colour");
        expect(http.get("/caption?template=chelsea&top_txt=typo"), 400, "unknown field `top_txt`");
        expect(http.postJson("/caption", "{\"template\":\"chelsea\"} trailing"), 400, "JSON");
        expect(http.post("/caption", "application/x-www-form-urlencoded", "{\"template\":\"chelsea\",\"color\":\"red\","
                + "\"top_color\":\"blue\",\"top_text\":\"x\"}"), 400, "duplicate field `color`");
        expect(http.get("/caption?template=chelsea&top_text=" + "x".repeat(257)), 400, "at most 256");
        StringBuilder many = new StringBuilder("{\"template\":\"chelsea\",\"captions\":[");
        for (int i = 0; i < 17; i++) {
            many.append(i == 0 ? "" : ",").append("{\"text\":\"c").append(i).append("\"}");
        }
        expect(http.postJson("/caption", many + "]}"), 400, "at most 16");
        expect(http.postJson("/caption", "{\"template\": \"chelsea\","), 400, "JSON");
        expect(http.postJson("/caption", "[1, 2]"), 400, "object");
        expect(http.postJson("/caption", ""), 400, "body");
        expect(http.postJson("/caption", "{\"template\":\"chelsea\",\"captions\":[\"a\",{\"text\":\"b\"}]}"), 400, "all");
        expect(http.get("/images/chelsea/top/bottom"), 400, ".png");
        expect(http.get("/images/chelsea/top/bottom.bmp"), 400, ".png");
        expect(http.get("/images/chelsea/" + "a/".repeat(16) + "b.png"), 400, "1 to 16");
        expect(http.get("/images/chelsea/a.png?layout=sideways"), 400, "layout");
        expect(http.get("/images/chelsea/a.png?color=red,blue,green"), 400, "<text>,<outline>");
        assertThat(http.rawStatus("/images/chelsea/bad%zzescape.png")).isEqualTo(400);
        expect(http.get("/images/chelsea/bad%ff.png"), 400, "UTF-8");
        assertThat(http.rawStatus("/caption?template=chelsea&top_text=%zz")).isEqualTo(400);
        assertThat(http.rawStatus("/caption?template=chelsea&top_text=%")).isEqualTo(400);
    }

    @Test
    void unknownThingsAre404(Http http) {
        expect(http.get("/caption?template=nope&top_text=x"), 404, "no template called \"nope\"");
        expect(http.get("/caption?template=" + q("../etc/passwd")), 404, "no template");
        expect(http.get("/images/nope.png"), 404, "no template");
        expect(http.get("/caption?template=chelsea&top_text=x&font=comic-sans"), 400, "font: no font called");
        expect(http.get("/images/nope/a/b.png"), 404, "no template");
        expect(http.get("/templates/nope"), 404, "no template");
        expect(http.get("/no/such/route"), 404, "");
        expect(http.get("/jobs/999999999"), 404, "no job");
        expect(http.get("/jobs/not-a-number"), 404, "no job");
    }

    @Test
    void tooLargeIs413(Http http) {
        String huge = "{\"template\":\"chelsea\",\"top_text\":\"" + "x".repeat(70_000) + "\"}";
        HttpResponse<byte[]> r = http.postJson("/caption", huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(Http.json(r).has("error")).isTrue();
    }

    @Test
    void limitsOfTheRendererAre413And422(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
        RendererConfig renderer = RendererConfig.DEFAULT.withTemplatesDir(dir)
                .withLimits(new RenderLimits(16_000_000L, 64_000_000L, 4, 8L << 20));
        try (MemesServer server = MemesServer.start(MemesConfig.defaults().withAddress("127.0.0.1", 0)
                .withRenderPool(1, 4).withRenderer(renderer))) {
            Http http = new Http(server);
            expect(http.get("/caption?template=spool&top_text=frames"), 413, "frames");
            expect(http.get("/caption?template=broken&top_text=x"), 422, "");
            expect(http.postJson("/jobs", "{\"template\":\"chelsea\"}"), 503, "database");
        }
    }

    static void expect(HttpResponse<byte[]> r, int status, String messagePart) {
        String text = Http.text(r);
        assertThat(r.statusCode()).as(text.substring(0, Math.min(300, text.length()))).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(Http.json(r).path("error").asText()).containsIgnoringCase(messagePart);
    }
}
