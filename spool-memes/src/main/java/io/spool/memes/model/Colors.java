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
import java.util.regex.Pattern;

/**
 * Parses the colour spellings a client may send: a CSS colour name, {@code #rgb}, {@code #rrggbb}, an array
 * {@code [r,g,b]} or an object {@code {r,g,b}} (channels as numbers or numeric strings). The names come from
 * the CSS table shipped beside this class.
 */
public final class Colors {
    private static final Map<String, Rgb> NAMES = loadNames();
    private static final Pattern HEX = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6})");

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
        if (node.isObject() && node.size() == 3 && node.has("r") && node.has("g") && node.has("b")) {
            return new Rgb(channel(node.get("r"), field), channel(node.get("g"), field), channel(node.get("b"), field));
        }
        throw new BadRequestException(field + " must be a CSS colour name, #rgb, #rrggbb, [r,g,b] or {r,g,b}");
    }

    /** The colour a string spells: a CSS name or a hex form. */
    public static Rgb parse(String text, String field) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (HEX.matcher(s).matches()) {
            String six = s.length() == 4
                    ? "" + s.charAt(1) + s.charAt(1) + s.charAt(2) + s.charAt(2) + s.charAt(3) + s.charAt(3)
                    : s.substring(1);
            return fromPacked(Integer.parseInt(six, 16));
        }
        Rgb named = NAMES.get(s);
        if (named == null) {
            throw new BadRequestException(field + ": unknown colour \"" + text + "\" (use a CSS name or #rrggbb)");
        }
        return named;
    }

    private static int channel(JsonNode node, String field) {
        return JsonValues.intValue(node, field + " channel", 0, 255);
    }

    private static Rgb fromPacked(int packed) {
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
