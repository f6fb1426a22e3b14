package io.spool.memes.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
        return request(template, List.of(top, bottomWithExtension));
    }

    /**
     * The request that {@code /images/{template}/{line}/…/{line}.{ext}} stands for: 1 to 3 lines, placed as a list
     * of strings is (1 → bottom; 2 → top, bottom; 3 → top, middle, bottom); the last one carries the extension.
     */
    public static CaptionRequest request(String template, List<String> lines) {
        if (lines.isEmpty()) {
            throw new BadRequestException("the image URL needs at least one text segment ending in .png, .jpg or .gif");
        }
        String last = lines.getLast();
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            throw new BadRequestException("the image URL must end in .png, .jpg or .gif");
        }
        ObjectNode tree = JsonNodeFactory.instance.objectNode()
                .put("template", template)
                .put("format", last.substring(dot + 1).toLowerCase(Locale.ROOT));
        ArrayNode captions = tree.putArray("captions");
        for (int i = 0; i < lines.size(); i++) {
            captions.add(decode(i == lines.size() - 1 ? last.substring(0, dot) : lines.get(i)));
        }
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
