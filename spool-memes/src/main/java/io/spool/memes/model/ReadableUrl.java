package io.spool.memes.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Readable image URLs in memegen's style, {@code /images/{template}/{line}/…/{line}.{png|jpg|gif|webp}}, and the blank
 * {@code /images/{template}.png}. Each text segment (already percent-decoded) is decoded as memegen decodes it:
 * {@code _} and {@code -} are spaces, {@code __} and {@code --} are themselves (with memegen's rules for runs
 * such as {@code ___} and {@code _--}), {@code ~q ~a ~p ~h ~s ~b ~l ~g ~n} are {@code ? & % # / \ < > newline},
 * {@code ''} is a double quote, and {@code :thumbsup:}-style aliases are emoji ({@link EmojiAliases}). Lines are
 * placed as memegen places them on a two-box template: the first on top, the last at the bottom, a third in the
 * middle; with four or more, the ones between the first and the last share the middle. {@code layout=top} puts
 * every line at the top.
 */
public final class ReadableUrl {
    /** The most text segments an image URL may have. */
    public static final int MAX_LINES = CaptionRequest.MAX_CAPTIONS;

    private ReadableUrl() {
    }

    /** The request that {@code /images/{template}/{top}/{bottomWithExtension}} stands for. */
    public static CaptionRequest request(String template, String top, String bottomWithExtension) {
        return request(template, List.of(top, bottomWithExtension));
    }

    /** The request that {@code /images/{template}/{line}/…/{line}.{ext}} stands for (the last line has the extension). */
    public static CaptionRequest request(String template, List<String> segments) {
        if (segments.isEmpty()) {
            throw new BadRequestException("the image URL needs at least one text segment ending in .png, .jpg, .gif or .webp");
        }
        String last = segments.getLast();
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            throw new BadRequestException("the image URL must end in .png, .jpg, .gif or .webp");
        }
        List<String> lines = new ArrayList<>(segments.subList(0, segments.size() - 1));
        lines.add(last.substring(0, dot));
        ObjectNode tree = JsonNodeFactory.instance.objectNode()
                .put("template", template)
                .put("format", last.substring(dot + 1).toLowerCase(Locale.ROOT));
        tree.set("captions", captions(lines.stream().map(ReadableUrl::decode).toList(), false));
        return CaptionRequest.parse(tree);
    }

    /**
     * Caption objects for decoded {@code lines}, placed as memegen places them ({@code topLayout}: all at the top,
     * one line each); blank lines keep their place but draw nothing.
     */
    public static ArrayNode captions(List<String> lines, boolean topLayout) {
        if (lines.size() > MAX_LINES) {
            throw new BadRequestException("an image URL has at most " + MAX_LINES + " lines, not " + lines.size());
        }
        List<String[]> placed = new ArrayList<>();   // {valign, text}
        if (topLayout) {
            placed.add(new String[] {"top", String.join("\n", lines.stream().filter(l -> !l.isBlank()).toList())});
        } else if (lines.size() == 1) {
            placed.add(new String[] {"top", lines.getFirst()});
        } else {
            placed.add(new String[] {"top", lines.getFirst()});
            if (lines.size() > 2) {
                List<String> middle = lines.subList(1, lines.size() - 1).stream().filter(l -> !l.isBlank()).toList();
                placed.add(new String[] {"middle", String.join("\n", middle)});
            }
            placed.add(new String[] {"bottom", lines.getLast()});
        }
        ArrayNode captions = JsonNodeFactory.instance.arrayNode();
        for (String[] p : placed) {
            if (!p[1].isBlank()) {
                captions.addObject().put("text", p[1]).put("valign", p[0]);
            }
        }
        return captions;
    }

    /** Decodes one segment as memegen decodes a line. */
    public static String decode(String segment) {
        boolean hasDash = segment.contains("_----");
        boolean hasFlag = segment.contains("_--");
        boolean hasArrow = segment.contains("_--~g");
        boolean hasUnder = segment.contains("___");
        // a single '_' or '-' is a space, a doubled one is itself; then memegen's repairs of the runs that this
        // pairing reads wrongly ("_--9" is " -9", "___x" is " _x")
        String s = segment.replace("_", " ").replace("  ", "_");
        s = s.replace("-", " ").replace("  ", "-");
        s = s.replace("''", "\"");
        if (hasDash) {
            s = s.replace("-- ", " --");
        } else if (hasFlag) {
            s = s.replace("- ", " -");
        }
        if (hasArrow) {
            s = s.replace("- ~g", " -~g");
        }
        if (hasUnder) {
            s = s.replace("_ ", " _");
        }
        s = s.replace("~q", "?").replace("~p", "%").replace("~h", "#").replace("~n", "\n").replace("~a", "&")
                .replace("~l", "<").replace("~g", ">").replace("~b", "\\").replace("~s", "/");
        return EmojiAliases.expand(s);
    }
}
