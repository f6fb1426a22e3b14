package io.spool.memes.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * rofld's one-argument image macro syntax, {@code template{caption}{caption}…}, e.g.
 * {@code zoidberg{^Need an API?}{Why not Zoidberg}}. A caption may start with a vertical marker ({@code ^} top,
 * {@code -} middle, {@code _} bottom) and then a horizontal one ({@code <} left, {@code |} center, {@code >}
 * right). Captions without a vertical marker are placed as an unplaced list would be (1 → bottom;
 * 2 → top, bottom; 3 → top, middle, bottom), which is what rofld's parser leaves as a to-do.
 */
public final class MacroSyntax {
    private MacroSyntax() {
    }

    /** True when {@code arg} looks like a macro rather than a bare template name. */
    public static boolean isMacro(String arg) {
        return arg.indexOf('{') >= 0;
    }

    /** The request tree the macro stands for, to be completed (fonts, size…) and given to {@link CaptionRequest#parse}. */
    public static ObjectNode parse(String macro) {
        String s = macro.startsWith("\\") ? macro.substring(1) : macro;
        int open = s.indexOf('{');
        ObjectNode tree = JsonNodeFactory.instance.objectNode().put("template", open < 0 ? s : s.substring(0, open));
        ArrayNode captions = tree.putArray("captions");
        int i = open < 0 ? s.length() : open;
        int count = (int) s.chars().filter(c -> c == '{').count();
        while (i < s.length()) {
            int close = s.indexOf('}', i);
            if (s.charAt(i) != '{' || close < 0) {
                throw new BadRequestException("macro syntax is template{caption}{caption}…; bad input at offset " + i);
            }
            captions.add(caption(s.substring(i + 1, close), captions.size(), count));
            i = close + 1;
        }
        return tree;
    }

    private static ObjectNode caption(String body, int index, int count) {
        ObjectNode caption = JsonNodeFactory.instance.objectNode();
        int at = 0;
        String valign = marker(body, at, "^-_", "top", "middle", "bottom");
        if (valign != null) {
            at++;
        }
        caption.put("valign", valign != null ? valign : CaptionRequest.defaultPlace(index, count).name().toLowerCase(java.util.Locale.ROOT));
        String halign = marker(body, at, "<|>", "left", "center", "right");
        if (halign != null) {
            caption.put("halign", halign);
            at++;
        }
        return caption.put("text", body.substring(at));
    }

    private static String marker(String body, int at, String marks, String... names) {
        int k = at < body.length() ? marks.indexOf(body.charAt(at)) : -1;
        return k < 0 ? null : names[k];
    }
}
