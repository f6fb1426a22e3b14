package io.spool.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the answer to a HEAD reads Accept-Encoding to know whether its GET would have been compressed. */
class ResponseWriterTest {
    @Test
    void gzipDeflateOrAnythingWithAWeightAboveZeroIsWelcome() {
        assertThat(ResponseWriter.acceptsCompression("gzip")).isTrue();
        assertThat(ResponseWriter.acceptsCompression("br, deflate;q=0.5")).isTrue();
        assertThat(ResponseWriter.acceptsCompression("identity, *;q=0.1")).isTrue();
        assertThat(ResponseWriter.acceptsCompression("x-gzip")).isTrue();
    }

    @Test
    void noHeaderOtherCodingsOrAZeroOrUnreadableWeightIsNot() {
        assertThat(ResponseWriter.acceptsCompression(null)).isFalse();
        assertThat(ResponseWriter.acceptsCompression("")).isFalse();
        assertThat(ResponseWriter.acceptsCompression("br, identity")).isFalse();
        assertThat(ResponseWriter.acceptsCompression("gzip;q=0, deflate;q=0.0")).isFalse();
        assertThat(ResponseWriter.acceptsCompression("gzip;q=lots")).isFalse();
    }
}
