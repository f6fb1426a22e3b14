package io.spool.memes.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The look shared by captions: font, fill colour, outline colour (null for none) and size. Requests give it in
 * layers: built-in defaults, then the request's wholesale {@code font}/{@code color}/{@code outline}/{@code size},
 * then each caption's own fields.
 */
record Style(String font, Rgb color, Rgb outline, Size size) {
    /** The font used when a request names none. */
    static final String DEFAULT_FONT = "anton";
    static final Style DEFAULT = new Style(DEFAULT_FONT, Rgb.WHITE, Rgb.BLACK, Size.FIT);

    private static final Pattern FONT_NAME = Pattern.compile("[a-z0-9][a-z0-9 _.-]{0,63}");

    /** This style with the fields {@code prefix + "font"} etc. of {@code node} laid over it. */
    Style over(JsonNode node, String prefix) {
        String fontField = prefix + "font";
        String f = JsonValues.absent(node.get(fontField)) ? font : fontName(node.get(fontField), fontField);
        Rgb c = JsonValues.absent(node.get(prefix + "color")) ? color : Colors.parse(node.get(prefix + "color"), prefix + "color");
        Rgb o = outline(node, prefix + "outline");
        Size s = JsonValues.absent(node.get(prefix + "size")) ? size : size(node.get(prefix + "size"), prefix + "size");
        return new Style(f, c, o, s);
    }

    private Rgb outline(JsonNode node, String field) {
        if (!node.has(field)) {
            return outline;
        }
        JsonNode value = node.get(field);
        // explicit null (JSON) or "none" (query strings cannot say null) means no outline
        if (value.isNull() || value.isTextual() && value.asText().trim().equalsIgnoreCase("none")) {
            return null;
        }
        return Colors.parse(value, field);
    }

    private static String fontName(JsonNode node, String field) {
        String name = JsonValues.text(node, field).trim().toLowerCase(Locale.ROOT);
        if (!FONT_NAME.matcher(name).matches()) {
            throw new BadRequestException(field + " is not a font name: \"" + name + "\"");
        }
        return name;
    }

    private static Size size(JsonNode node, String field) {
        if (node.isTextual()) {
            String s = node.asText().trim().toLowerCase(Locale.ROOT);
            if (s.equals("shrink")) {
                return Size.SHRINK;
            }
            if (s.equals("fit") || s.equals("flex")) {   // rofld's alias
                return Size.FIT;
            }
        }
        try {
            return Size.fixed(JsonValues.number(node, field).doubleValue());
        } catch (BadRequestException e) {
            throw new BadRequestException(field + " must be a number of pixels (up to " + (int) Size.MAX_PIXELS
                    + "), \"shrink\" or \"fit\"");
        }
    }
}
