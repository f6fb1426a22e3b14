package io.spool.memes.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageFormatTest {
    @Test
    void detectsByMagicBytes() {
        assertThat(ImageFormat.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0})).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect("GIF89a".getBytes())).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect("GIF8".getBytes())).contains(ImageFormat.GIF);
        assertThat(ImageFormat.detect("BM....".getBytes())).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
    }
}
