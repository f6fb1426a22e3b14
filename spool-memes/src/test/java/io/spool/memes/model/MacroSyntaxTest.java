package io.spool.memes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MacroSyntaxTest {
    @Test
    void unmarkedCaptionsArePlacedByCount() {
        CaptionRequest r = CaptionRequest.parse(MacroSyntax.parse("zoidberg{Need an API?}{Why not Zoidberg}"));
        assertThat(r.template()).isEqualTo("zoidberg");
        assertThat(r.captions()).extracting(Caption::text).containsExactly("Need an API?", "Why not Zoidberg");
        assertThat(r.captions()).extracting(Caption::valign).containsExactly(VAlign.TOP, VAlign.BOTTOM);
    }

    @Test
    void markersSetBothAlignments() {
        CaptionRequest r = CaptionRequest.parse(MacroSyntax.parse("\\t{^<top left}{-middle}{_>bottom right}{|x}"));
        assertThat(r.captions()).extracting(Caption::valign)
                .containsExactly(VAlign.TOP, VAlign.MIDDLE, VAlign.BOTTOM, VAlign.BOTTOM);
        assertThat(r.captions()).extracting(Caption::halign)
                .containsExactly(HAlign.LEFT, HAlign.CENTER, HAlign.RIGHT, HAlign.CENTER);
        assertThat(r.captions()).extracting(Caption::text).containsExactly("top left", "middle", "bottom right", "x");
    }

    @Test
    void bareNameAndBrokenMacros() {
        assertThat(CaptionRequest.parse(MacroSyntax.parse("t")).captions()).isEmpty();
        assertThat(MacroSyntax.isMacro("t")).isFalse();
        assertThatThrownBy(() -> MacroSyntax.parse("t{open")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> MacroSyntax.parse("t{a}x{b}")).isInstanceOf(BadRequestException.class);
    }
}
