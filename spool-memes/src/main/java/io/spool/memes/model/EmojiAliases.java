package io.spool.memes.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Emoji aliases as memegen's URLs spell them ({@code :thumbsup:} is 👍): the common GitHub/Slack short names
 * listed in {@code emoji-aliases.txt} beside this class. An alias not in the table stays as written.
 */
final class EmojiAliases {
    // decoding turned a URL's '_' into a space before this runs, so ":ok_hand:" arrives as ":ok hand:"
    private static final Pattern ALIAS = Pattern.compile(":([a-z0-9_+ -]{1,40}):");
    private static final Map<String, String> TABLE = load();

    private EmojiAliases() {
    }

    static String expand(String text) {
        if (text.indexOf(':') < 0) {
            return text;
        }
        Matcher m = ALIAS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String emoji = TABLE.get(m.group(1).replace(' ', '_'));
            m.appendReplacement(out, Matcher.quoteReplacement(emoji != null ? emoji : m.group()));
        }
        return m.appendTail(out).toString();
    }

    private static Map<String, String> load() {
        Map<String, String> table = new HashMap<>();
        try (var in = EmojiAliases.class.getResourceAsStream("emoji-aliases.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                String[] parts = line.trim().split("\\s+");
                StringBuilder emoji = new StringBuilder();
                for (int i = 1; i < parts.length; i++) {
                    emoji.appendCodePoint(Integer.parseInt(parts[i], 16));
                }
                table.put(parts[0], emoji.toString());
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }
}
