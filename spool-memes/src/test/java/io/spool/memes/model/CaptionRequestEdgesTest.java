package io.spool.memes.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Request fields that used to pass unchecked or collide silently. */
class CaptionRequestEdgesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A place's style fields are validated only when that place has text: bad values pass silently otherwise. */
    @Test
    void styleFieldsOfAPlaceWithoutTextAreStillValidated() {
        assertThatThrownBy(() -> CaptionRequest.parse(JSON.readTree(
                "{\"template\":\"chelsea\",\"bottom_text\":\"x\",\"top_color\":\"blurple\"}")))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> CaptionRequest.parse(JSON.readTree(
                "{\"template\":\"chelsea\",\"bottom_text\":\"x\",\"middle_align\":\"diagonal\"}")))
                .isInstanceOf(BadRequestException.class);
    }

    /** Object-form captions keyed "0" and "00" are the same index: one caption is silently dropped. */
    @Test
    void duplicateCaptionIndexesAreRejected() {
        assertThatThrownBy(() -> CaptionRequest.parse(JSON.readTree(
                "{\"template\":\"chelsea\",\"captions\":{\"0\":\"a\",\"00\":\"b\"}}")))
                .isInstanceOf(BadRequestException.class);
    }
}
