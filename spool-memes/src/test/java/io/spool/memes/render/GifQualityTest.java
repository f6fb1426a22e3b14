package io.spool.memes.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.spool.memes.model.CaptionRequest;
import org.junit.jupiter.api.Test;

/** A lower GIF quality gives a smaller animated GIF with its frames intact, and a different ETag. */
class GifQualityTest {
    @Test
    void lowerQualityIsSmaller() throws Exception {
        CaptionRequest request = CaptionRequest.parse(new ObjectMapper().readTree(
                "{\"template\":\"spool\",\"top_text\":\"quality\"}"));
        Renderer full = Renderer.create(RendererConfig.DEFAULT);
        Renderer low = Renderer.create(RendererConfig.DEFAULT.withGifQuality(10));
        RenderResult a = full.render(request);
        RenderResult b = low.render(request);
        assertThat(b.frames()).isEqualTo(a.frames());
        assertThat(b.bytes().length).isLessThan(a.bytes().length);
        assertThat(low.etag(request)).isNotEqualTo(full.etag(request));
    }
}
