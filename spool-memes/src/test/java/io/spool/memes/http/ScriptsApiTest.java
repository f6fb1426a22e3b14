package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scripts, emoji and memegen's font names through the HTTP API, as a client sends them. */
@ExtendWith(SharedServer.class)
class ScriptsApiTest {
    @Test
    void memegenFontNamesAndEmojiInAReadableUrl(Http http) {
        HttpResponse<byte[]> r = http.get("/images/chelsea/" + Http.q("你好世界") + "/" + Http.q("😀👍🏽") + ".png?font=jp");
        assertThat(r.statusCode()).as(Http.text(r)).isEqualTo(200);
        BufferedImage image = Http.image(r.body());
        // the bottom third carries the emoji: strongly saturated yellow and skin-tone pixels
        int saturated = Http.count(image, image.getHeight() * 2 / 3, image.getHeight(), ScriptsApiTest::saturated);
        HttpResponse<byte[]> plain = http.get("/images/chelsea/" + Http.q("你好世界") + "/x.png?font=jp");
        BufferedImage without = Http.image(plain.body());
        assertThat(saturated).isGreaterThan(
                Http.count(without, without.getHeight() * 2 / 3, without.getHeight(), ScriptsApiTest::saturated) + 200);
        for (String font : new String[] {"thick", "thin", "comic", "notosans", "impact", "he"}) {
            assertThat(http.get("/images/chelsea/a/b.png?font=" + font).statusCode()).as(font).isEqualTo(200);
        }
    }

    @Test
    void anUnknownFontIsABadRequestNamingTheParameter(Http http) {
        HttpResponse<byte[]> r = http.get("/images/chelsea/a/b.png?font=papyrus");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Http.json(r).path("error").asText()).startsWith("font: no font called \"papyrus\"")
                .contains("anton", "droid-sans-fallback", "thick, thin, comic, notosans, impact, he, jp");
    }

    @Test
    void emojiKeepTheirColourInAnAnimatedGif(Http http) {
        BufferedImage with = Http.image(http.get("/caption?template=spool&top_text=" + Http.q("😀😀😀")).body());
        BufferedImage without = Http.image(http.get("/caption?template=spool&top_text=ok").body());
        int top = with.getHeight() / 3;
        assertThat(Http.count(with, 0, top, ScriptsApiTest::saturated))
                .isGreaterThan(Http.count(without, 0, top, ScriptsApiTest::saturated) + 100);
    }

    private static boolean saturated(int rgb) {
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 100 && r > 150 && g > 100;
    }
}
