package io.spool.memes.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Odd requests found by review, answered as the client's mistakes (or served), never with a 500. */
@ExtendWith(SharedServer.class)
class OddRequestsTest {
    /** JSON numbers that overflow a double (1e999) parse as Infinity; BigDecimal.valueOf(Infinity) throws. */
    @Test
    void overflowingJsonNumbersAre400Not500(Http http) {
        ErrorStatusTest.expect(http.postJson("/caption", "{\"template\":\"chelsea\",\"width\":1e999}"), 400, "width");
        ErrorStatusTest.expect(http.postJson("/caption",
                "{\"template\":\"chelsea\",\"top_text\":\"a\",\"top_size\":1e400}"), 400, "top_size");
        ErrorStatusTest.expect(http.postJson("/caption",
                "{\"template\":\"chelsea\",\"top_text\":\"a\",\"top_color\":[1e999,0,0]}"), 400, "top_color");
    }

    /** A width of 1 to 7 (or a height that makes one) leaves a negative wrap width: LineBreakMeasurer throws. */
    @Test
    void tinyImagesWithTextAreNot500(Http http) {
        for (String query : new String[] {"width=1&height=1", "width=5", "height=1", "width=2&top_size=40"}) {
            HttpResponse<byte[]> r = http.get("/caption?template=chelsea&top_text=hello+world&" + query);
            assertThat(r.statusCode()).as(query + ": " + Http.text(r)).isEqualTo(200);
        }
    }

    /** If-None-Match: * only matches when the request can render; an unknown font is a 400, not a 304. */
    @Test
    void ifNoneMatchStarDoesNotHideABadFont(Http http) {
        HttpResponse<byte[]> r = http.get("/caption?template=chelsea&top_text=x&font=no-such-font",
                "If-None-Match", "*");
        ErrorStatusTest.expect(r, 400, "no font called");
    }
}
