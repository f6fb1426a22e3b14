package io.spool.memes.http;

import static io.spool.memes.http.Http.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every way to ask for a caption, against the running server, and the listing routes. */
@ExtendWith(SharedServer.class)
class CaptionApiTest {
    @Test
    void simpleFormInTheQueryString(Http http) {
        HttpResponse<byte[]> r = http.get("/caption?template=chelsea&top_text=" + q("Hello there") + "&bottom_text=world");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(r.headers().firstValue("ETag")).hasValueSatisfying(e -> assertThat(e).matches("\"[0-9a-f]+\""));
        assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("max-age"));
        BufferedImage image = Http.image(r.body());
        assertThat(image.getWidth()).isEqualTo(451);
    }

    @Test
    void nestedQueryFormAndStringLists(Http http) {
        HttpResponse<byte[]> nested = http.get("/caption?template=camera&captions" + q("[0][text]") + "=top"
                + "&captions" + q("[0][valign]") + "=top&captions" + q("[1][text]") + "=bottom&captions"
                + q("[1][color]") + "=red&width=128");
        assertThat(nested.statusCode()).as(Http.text(nested)).isEqualTo(200);
        assertThat(nested.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(Http.image(nested.body()).getWidth()).isEqualTo(128);

        HttpResponse<byte[]> list = http.get("/caption?template=camera&captions=one&captions=two&width=128");
        assertThat(list.statusCode()).as(Http.text(list)).isEqualTo(200);
        HttpResponse<byte[]> single = http.get("/caption?template=camera&captions=alone&width=128");
        assertThat(single.statusCode()).as(Http.text(single)).isEqualTo(200);
    }

    @Test
    void jsonBodiesSimpleAndFull(Http http) {
        HttpResponse<byte[]> simple = http.postJson("/caption", """
                {"template": "coffee", "top_text": "top", "top_align": "left", "bottom_text": "bottom",
                 "bottom_color": "#00ff00", "font": "impact", "outline": null, "size": "shrink", "width": 200}""");
        assertThat(simple.statusCode()).as(Http.text(simple)).isEqualTo(200);
        assertThat(Http.image(simple.body()).getWidth()).isEqualTo(200);

        HttpResponse<byte[]> full = http.postJson("/caption", """
                {"template": "astronaut", "height": 100, "captions": [
                  {"text": "one", "valign": "top", "halign": "right", "size": 20},
                  {"text": "two", "valign": "middle", "color": [255, 0, 0], "outline": {"r": 0, "g": 0, "b": 255}},
                  {"text": "three", "align": "left", "font": "dejavu-sans-bold"}]}""");
        assertThat(full.statusCode()).as(Http.text(full)).isEqualTo(200);
        BufferedImage image = Http.image(full.body());
        assertThat(image.getHeight()).isEqualTo(100);
        assertThat(image.getWidth()).isEqualTo(100); // astronaut is square: the aspect ratio is kept

        HttpResponse<byte[]> strings = http.postJson("/caption", "{\"template\":\"chelsea\",\"captions\":[\"a\",\"b\",\"c\"]}");
        assertThat(strings.statusCode()).isEqualTo(200);
    }

    @Test
    void urlencodedFormBody(Http http) {
        HttpResponse<byte[]> r = http.post("/caption", "application/x-www-form-urlencoded",
                "template=chelsea&top_text=" + q("from a form") + "&width=100");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(Http.image(r.body()).getWidth()).isEqualTo(100);
    }

    @Test
    void formatOverridesTheTemplates(Http http) {
        for (String format : new String[] {"png", "jpeg", "gif"}) {
            HttpResponse<byte[]> r = http.get("/caption?template=chelsea&bottom_text=x&width=64&format=" + format);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("image/" + format);
        }
    }

    @Test
    void readableUrlsWithEscapesAndStyling(Http http) {
        HttpResponse<byte[]> r = http.get("/images/chelsea/hello_world/what~q_100~p.png?width=120&color=yellow");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(Http.image(r.body()).getWidth()).isEqualTo(120);

        // the same texts said plainly give the same image, so the same ETag
        HttpResponse<byte[]> plain = http.postJson("/caption", """
                {"template":"chelsea","captions":["hello world","what? 100%"],"width":120,"color":"yellow","format":"png"}""");
        assertThat(plain.headers().firstValue("ETag")).isEqualTo(r.headers().firstValue("ETag"));
        // spool-web decodes the path once: %25 is a percent sign, not the start of a second escape
        HttpResponse<byte[]> percent = http.get("/images/chelsea/hello_world/what~q_100%25.png?width=120&color=yellow");
        assertThat(percent.headers().firstValue("ETag")).as(Http.text(percent)).isEqualTo(r.headers().firstValue("ETag"));

        HttpResponse<byte[]> encoded = http.get("/images/spool/" + "caf%C3%A9--bar" + ".gif");
        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(encoded.headers().firstValue("Content-Type")).hasValue("image/gif");
        HttpResponse<byte[]> three = http.get("/images/chelsea/a/b/c.jpg?width=64");
        assertThat(three.statusCode()).isEqualTo(200);
        assertThat(three.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void etagAnswers304AndCostsNoRender(Http http, MemesServer server) {
        String path = "/caption?template=coffee&top_text=etag&width=90";
        HttpResponse<byte[]> first = http.get(path);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        long renders = server.renderPool().stats().completed();
        HttpResponse<byte[]> again = http.get(path, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().firstValue("ETag")).hasValue(etag);
        assertThat(server.renderPool().stats().completed()).isEqualTo(renders);
        assertThat(http.get(path, "If-None-Match", "\"other\", W/" + etag).statusCode()).isEqualTo(304);
        assertThat(http.get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        assertThat(http.get("/images/coffee/etag.jpg", "If-None-Match", "*").statusCode()).isEqualTo(304);
    }

    @Test
    void headGivesHeadersOnly(Http http) {
        HttpResponse<byte[]> r = http.head("/caption?template=chelsea&top_text=head");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void listsOfTemplatesAndFonts(Http http) {
        JsonNode templates = Http.json(http.get("/templates"));
        assertThat(templates.isArray()).isTrue();
        assertThat(templates.toString()).isEqualTo("[\"astronaut\",\"camera\",\"chelsea\",\"coffee\",\"spool\"]");
        JsonNode fonts = Http.json(http.get("/fonts"));
        assertThat(fonts.toString()).contains("\"anton\"", "\"dejavu-sans-bold\"");
    }

    @Test
    void templateImagesAreServedAsStored(Http http) {
        HttpResponse<byte[]> r = http.get("/templates/camera");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(Http.image(r.body()).getWidth()).isEqualTo(400);
        HttpResponse<byte[]> gif = http.get("/templates/spool");
        assertThat(gif.headers().firstValue("Content-Type")).hasValue("image/gif");
        String etag = gif.headers().firstValue("ETag").orElseThrow();
        assertThat(http.get("/templates/spool", "If-None-Match", etag).statusCode()).isEqualTo(304);
        HttpResponse<byte[]> missing = http.get("/templates/nope");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(Http.json(missing).get("error").asText()).contains("nope");
    }

    @Test
    void statsReportCachesPoolAndRequests(Http http) {
        http.get("/caption?template=chelsea&top_text=stats&width=50");
        http.get("/caption?template=chelsea&top_text=stats&width=50");
        JsonNode stats = Http.json(http.get("/stats"));
        for (String cache : Arrays.asList("templates", "fonts", "results", "glyphs")) {
            JsonNode c = stats.path("caches").path(cache);
            assertThat(c.path("capacityBytes").asLong()).as(cache).isPositive();
            assertThat(c.has("fillBytes") && c.has("hits") && c.has("misses")).as(cache).isTrue();
        }
        assertThat(stats.path("caches").path("results").path("hits").asLong()).isPositive();
        JsonNode pool = stats.path("renderPool");
        assertThat(pool.path("threads").asInt()).isEqualTo(2);
        assertThat(pool.path("queueCapacity").asInt()).isEqualTo(64);
        assertThat(pool.has("queued") && pool.has("rejected") && pool.has("cancelled")).isTrue();
        assertThat(stats.path("requests").path("total").asLong()).isPositive();
        assertThat(stats.path("requests").path("byStatus").path("200").asLong()).isPositive();
        assertThat(http.get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void thePageRoutesNeverFail(Http http) {
        // the page itself is another part of the build: "/" is the page or a JSON 404, never an error
        HttpResponse<byte[]> root = http.get("/");
        assertThat(root.statusCode()).isIn(200, 404);
        assertThat(http.get("/page/../../etc/passwd").statusCode()).isEqualTo(404);
    }
}
