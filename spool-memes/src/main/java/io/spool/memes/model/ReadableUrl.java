package io.spool.memes.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Readable image URLs in memegen's style, {@code /images/{template}/{top}/{bottom}.{png|jpg|gif}}: each text
 * segment (already percent-decoded) uses memegen's escapes: {@code _} and {@code -} are spaces, {@code __} and
 * {@code --} are themselves, {@code ~q ~a ~p ~h ~s ~b ~l ~g ~n} are {@code ? & % # / \ < > newline}, and
 * {@code ''} is a double quote.
 */
public final class ReadableUrl {
    private ReadableUrl() {
    }

    /** The request that {@code /images/{template}/{top}/{bottomWithExtension}} stands for. */
    public static CaptionRequest request(String template, String top, String bottomWithExtension) {
        int dot = bottomWithExtension.lastIndexOf('.');
        if (dot < 0) {
            throw new BadRequestException("the image URL must end in .png, .jpg or .gif");
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode()
                .put("template", template)
                .put("format", bottomWithExtension.substring(dot + 1).toLowerCase(Locale.ROOT));
        tree.putArray("captions").add(decode(top)).add(decode(bottomWithExtension.substring(0, dot)));
        return CaptionRequest.parse(tree);
    }

    /** Decodes one segment's escapes. */
    public static String decode(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            char next = i + 1 < segment.length() ? segment.charAt(i + 1) : 0;
            if ((c == '_' || c == '-') && next == c) {
                out.append(c);
                i++;
            } else if (c == '_' || c == '-') {
                out.append(' ');
            } else if (c == '\'' && next == '\'') {
                out.append('"');
                i++;
            } else if (c == '~' && tilde(next) != 0) {
                out.append(tilde(next));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char tilde(char code) {
        return switch (Character.toLowerCase(code)) {
            case 'q' -> '?';
            case 'a' -> '&';
            case 'p' -> '%';
            case 'h' -> '#';
            case 's' -> '/';
            case 'b' -> '\\';
            case 'l' -> '<';
            case 'g' -> '>';
            case 'n' -> '\n';
            default -> 0;
        };
    }
}
