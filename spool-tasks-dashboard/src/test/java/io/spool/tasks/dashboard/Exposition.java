package io.spool.tasks.dashboard;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Prometheus text exposition for assertions: each sample by its name and labels in a canonical form,
 * {@code name{a="1",b="2"}} with the labels sorted. A line that is neither a comment nor a sample fails the parse.
 */
record Exposition(Map<String, Double> samples) {
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)(?: \\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    static Exposition parse(String text) {
        Map<String, Double> samples = new TreeMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a sample line: " + line);
            }
            Map<String, String> labels = new TreeMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                int at = 0;
                while (l.find() && l.start() == at) {
                    labels.put(l.group(1), l.group(2));
                    at = l.end();
                }
                if (at != m.group(2).length()) {
                    throw new AssertionError("bad labels in: " + line);
                }
            }
            samples.put(key(m.group(1), labels), Double.parseDouble(m.group(3)));
        }
        return new Exposition(samples);
    }

    private static String key(String name, Map<String, String> labels) {
        StringBuilder b = new StringBuilder(name);
        if (!labels.isEmpty()) {
            b.append('{');
            labels.forEach((k, v) -> b.append(k).append("=\"").append(v).append("\","));
            b.setLength(b.length() - 1);
            b.append('}');
        }
        return b.toString();
    }

    /** The sample {@code name} of {@code queue} and {@code task} (labels in any order), or 0 when absent. */
    double of(String name, String... labelPairs) {
        Map<String, String> labels = new TreeMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return samples.getOrDefault(key(name, labels), 0.0);
    }
}
