package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.spool.memes.assets.DemoGif;
import io.spool.memes.render.WebpChunks;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code format=webp} and {@code .webp} URLs: stills and animations, decoded back and counted. */
@ExtendWith(SharedServer.class)
class WebpApiTest {
    @Test
    void formatWebpGivesAStillWebp(Http http) {
        HttpResponse<byte[]> r = http.get("/caption?template=chelsea&top_text=webp&format=webp&width=200");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/webp");
        WebpChunks file = WebpChunks.parse(r.body());
        assertThat(file.fourccs()).doesNotContain("ANIM", "ANMF");
        assertThat(file.fourccs().getLast()).startsWith("VP8");
        assertThat(WebpChunks.decode(r.body()).getWidth()).isEqualTo(200);
    }

    @Test
    void anAnimatedTemplateKeepsEveryFrameAndItsDelay(Http http) throws Exception {
        HttpResponse<byte[]> gif = http.get("/images/spool/all_frames.gif?width=120");
        java.util.List<Integer> delays = GoldenImageTest.gifDelays(gif.body());
        HttpResponse<byte[]> r = http.get("/images/spool/all_frames.webp?width=120");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("image/webp");
        WebpChunks file = WebpChunks.parse(r.body());
        assertThat(file.fourccs()).startsWith("VP8X", "ANIM");
        assertThat(file.frames()).hasSize(DemoGif.FRAMES).allSatisfy(f -> assertThat(f.image().getWidth()).isEqualTo(120));
        assertThat(file.frames()).extracting(f -> f.millis() / 10).containsExactlyElementsOf(delays);
    }

    @Test
    void anUnknownFormatNamesTheFormatsThereAre(Http http) {
        HttpResponse<byte[]> r = http.get("/caption?template=chelsea&top_text=x&format=avif");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).path("error").asText()).contains("webp");
    }
}
