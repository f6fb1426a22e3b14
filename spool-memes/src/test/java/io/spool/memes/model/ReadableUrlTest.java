package io.spool.memes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReadableUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "hello_world|hello world", "hello-world|hello world", "snake__case|snake_case", "well--known|well-known",
        "why~q|why?", "this~athat|this&that", "100~p|100%", "~htag|#tag", "and~sor|and/or",
        "back~bslash|back\\slash", "~lhtml~g|<html>", "two~nlines|`two\nlines`", "say_''hi''|say \"hi\"",
        "a~zb|a~zb", "___|`_ `"})
    void decodesMemegenEscapes(String segment, String text) {
        assertThat(ReadableUrl.decode(segment)).isEqualTo(text);
    }

    @Test
    void imagePathBecomesATwoCaptionRequest() {
        CaptionRequest r = ReadableUrl.request("chelsea", "top_text", "bottom~q.jpg");
        assertThat(r.template()).isEqualTo("chelsea");
        assertThat(r.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(r.captions()).extracting(Caption::text).containsExactly("top text", "bottom?");
        assertThat(r.captions()).extracting(Caption::valign).containsExactly(VAlign.TOP, VAlign.BOTTOM);
    }

    @Test
    void oneOrThreeLinesArePlacedByCount() {
        assertThat(ReadableUrl.request("t", java.util.List.of("only.png")).captions())
                .extracting(Caption::valign).containsExactly(VAlign.BOTTOM);
        assertThat(ReadableUrl.request("t", java.util.List.of("a", "b", "c.gif")).captions())
                .extracting(Caption::text).containsExactly("a", "b", "c");
        assertThatThrownBy(() -> ReadableUrl.request("t", java.util.List.of())).isInstanceOf(BadRequestException.class);
    }

    @Test
    void badExtensionsAreBadRequests() {
        assertThatThrownBy(() -> ReadableUrl.request("t", "a", "b")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> ReadableUrl.request("t", "a", "b.bmp")).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("format");
    }
}
