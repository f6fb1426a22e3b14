package io.spool.bench.stack;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;

import java.util.List;

/**
 * The {@code /fortunes} page every contender sends, from the jte template {@code src/main/jte/stack/fortunes.jte}
 * compiled to Java at build time (jte's Maven plugin): HTML-escaped by jte's {@code Html} content type, written as
 * UTF-8 bytes with no reflection or template parsing at request time, and nothing that pins a virtual thread.
 */
public final class FortunesPage {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private FortunesPage() {}

    /** The page for {@code fortunes} (already sorted), as UTF-8 bytes. */
    public static byte[] render(List<Fortune> fortunes) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        ENGINE.render("stack/fortunes.jte", fortunes, output);
        return output.toByteArray();
    }
}
