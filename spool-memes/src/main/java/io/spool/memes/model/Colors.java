package io.spool.memes.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the colour spellings rofld accepts: a CSS colour name, {@code #rgb}, {@code #rrggbb}, {@code 0xrrggbb},
 * {@code $rrggbb}, CSS {@code rgb()}/{@code rgba()}/{@code hsl()}/{@code hsla()} (opaque only: rofld has no
 * transparency), an array {@code [r,g,b]} or an object with {@code r}/{@code red}, {@code g}/{@code green},
 * {@code b}/{@code blue} (channels as numbers or numeric strings). A bare {@code rrggbb} is refused, as rofld
 * refuses it (hex or name would be ambiguous); memegen's URLs allow it, and {@link #parseMemegen} reads those.
 * The names come from the CSS table shipped beside this class.
 */
public final class Colors {
    private static final Map<String, Rgb> NAMES = loadNames();
    private static final Pattern HEX = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6})");
    private static final Pattern PREFIXED_HEX = Pattern.compile("(?:0x|\\$)(\\p{XDigit}{6})");
    private static final Pattern BARE_HEX = Pattern.compile("#?(\\p{XDigit}{3}|\\p{XDigit}{6}|\\p{XDigit}{8})");
    private static final Pattern FUNCTION = Pattern.compile("(rgba?|hsla?)\\((.*)\\)");
    private static final String FORMS = "a CSS colour name, #rrggbb, 0xrrggbb, $rrggbb, rgb(), hsl(), [r,g,b] or {r,g,b}";

    private Colors() {
    }

    /** The colour {@code node} spells; {@code field} names it in errors. */
    public static Rgb parse(JsonNode node, String field) {
        if (node.isTextual()) {
            return parse(node.asText(), field);
        }
        if (node.isArray() && node.size() == 3) {
            return new Rgb(channel(node.get(0), field), channel(node.get(1), field), channel(node.get(2), field));
        }
        if (node.isObject() && node.size() == 3) {
            JsonNode r = either(node, "r", "red");
            JsonNode g = either(node, "g", "green");
            JsonNode b = either(node, "b", "blue");
            if (r != null && g != null && b != null) {
                return new Rgb(channel(r, field), channel(g, field), channel(b, field));
            }
        }
        throw new BadRequestException(field + " must be " + FORMS);
    }

    private static JsonNode either(JsonNode object, String shortName, String longName) {
        return object.has(shortName) ? object.get(shortName) : object.get(longName);
    }

    /**
     * A colour of memegen's {@code ?color=} parameter: a CSS name or a hex code with or without {@code #} (3, 6,
     * or 8 digits, whose last two, the alpha, are dropped), or any form {@link #parse(String, String)} reads.
     */
    public static Rgb parseMemegen(String text, String field) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.containsKey(s) && BARE_HEX.matcher(s).matches()) {
            String hex = s.startsWith("#") ? s.substring(1) : s;
            return parse("#" + (hex.length() == 8 ? hex.substring(0, 6) : hex), field);
        }
        return parse(text, field);
    }

    /** The colour a string spells: a CSS name, a hex form or a CSS colour function. */
    public static Rgb parse(String text, String field) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (HEX.matcher(s).matches()) {
            String six = s.length() == 4
                    ? "" + s.charAt(1) + s.charAt(1) + s.charAt(2) + s.charAt(2) + s.charAt(3) + s.charAt(3)
                    : s.substring(1);
            return fromPacked(Integer.parseInt(six, 16));
        }
        Matcher prefixed = PREFIXED_HEX.matcher(s);
        if (prefixed.matches()) {
            return fromPacked(Integer.parseInt(prefixed.group(1), 16));
        }
        Matcher function = FUNCTION.matcher(s);
        if (function.matches()) {
            return CssFunctions.parse(function.group(1), function.group(2), field);
        }
        if (s.equals("transparent")) {
            throw new BadRequestException(field + ": transparent colours are not supported");
        }
        Rgb named = NAMES.get(s);
        if (named == null) {
            throw new BadRequestException(field + ": unknown colour \"" + text + "\" (use " + FORMS + ")");
        }
        return named;
    }

    private static int channel(JsonNode node, String field) {
        return JsonValues.intValue(node, field + " channel", 0, 255);
    }

    static Rgb fromPacked(int packed) {
        return new Rgb(packed >> 16 & 0xFF, packed >> 8 & 0xFF, packed & 0xFF);
    }

    private static Map<String, Rgb> loadNames() {
        Map<String, Rgb> names = new HashMap<>();
        try (var in = Colors.class.getResourceAsStream("css-colors.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                String[] parts = line.split(" ");
                names.put(parts[0], fromPacked(Integer.parseInt(parts[1], 16)));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(names);
    }
}
