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
        "a~zb|a~zb", "___|` _`", "kill_--9|kill -9", "__username_likes___charname|_username likes _charname",
        "git_commit_----no--verify|git commit --no-verify", "def_data()_--~g_Dict|def data() -> Dict",
        "finish_~l--_start|finish <- start", "underscore__-dash--|underscore_ dash-", "ok_:thumbsup:|ok 👍",
        ":ok_hand:|👌", ":not_an_alias:|:not an alias:"})
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
    void linesArePlacedAsMemegenPlacesThem() {
        assertThat(ReadableUrl.request("t", java.util.List.of("only.png")).captions())
                .extracting(Caption::valign).containsExactly(VAlign.TOP);
        assertThat(ReadableUrl.request("t", java.util.List.of("a", "b", "_", "c", "d.png")).captions())
                .extracting(Caption::text).containsExactly("a", "b\nc", "d");
        assertThat(ReadableUrl.request("t", java.util.List.of("a", "_", "c.png")).captions())
                .extracting(Caption::valign).containsExactly(VAlign.TOP, VAlign.BOTTOM);
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
