package io.spool.bench.stack;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TechEmpower's fortunes validation (its toolset's {@code fortune_html_parser.py}, BSD-3, see NOTICE) in Java: a
 * page is reduced to a normal form — tags lower-cased without attributes, {@code <meta>}, {@code <link>},
 * {@code <thead>}, {@code <tbody>} and scripts dropped, blank text dropped, quotes, apostrophes and {@code >} in
 * text written as entities, equivalent character references made one — and compared with {@link #EXPECTED}, the
 * validator's own page. Escaping is therefore checked where it matters: an unescaped {@code <script>} vanishes
 * from the normal form and the comparison fails.
 */
final class FortunesHtml {
    /** The validator's normal form of a correct page (the spec's twelve fortunes plus the added one, sorted). */
    static final String EXPECTED = """
            <!doctype html><html>
            <head><title>Fortunes</title></head>
            <body><table>
            <tr><th>id</th><th>message</th></tr>
            <tr><td>11</td><td>&lt;script&gt;alert(&quot;This should not be displayed in a browser alert box.&quot;);&lt;/script&gt;</td></tr>
            <tr><td>4</td><td>A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1</td></tr>
            <tr><td>5</td><td>A computer program does what you tell it to do, not what you want it to do.</td></tr>
            <tr><td>2</td><td>A computer scientist is someone who fixes things that aren&apos;t broken.</td></tr>
            <tr><td>8</td><td>A list is only as strong as its weakest link. — Donald Knuth</td></tr>
            <tr><td>0</td><td>Additional fortune added at request time.</td></tr>
            <tr><td>3</td><td>After enough decimal places, nobody gives a damn.</td></tr>
            <tr><td>7</td><td>Any program that runs right is obsolete.</td></tr>
            <tr><td>10</td><td>Computers make very fast, very accurate mistakes.</td></tr>
            <tr><td>6</td><td>Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen</td></tr>
            <tr><td>9</td><td>Feature: A bug with seniority.</td></tr>
            <tr><td>1</td><td>fortune: No such file or directory</td></tr>
            <tr><td>12</td><td>フレームワークのベンチマーク</td></tr>
            </table></body></html>""";

    private static final Set<String> IGNORED_TAGS = Set.of(
            "<meta>", "</meta>", "<link>", "</link>", "<script>", "</script>",
            "<thead>", "</thead>", "<tbody>", "</tbody>");
    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][^\\s/>]*)[^>]*?(/?)>");
    private static final Pattern CHARREF = Pattern.compile("&#([0-9]+|[xX][0-9a-fA-F]+);?");
    private static final Pattern ENTITYREF = Pattern.compile("&([a-zA-Z][-.a-zA-Z0-9]*);?");

    private final StringBuilder body = new StringBuilder();
    private boolean inScript;

    private FortunesHtml() {}

    /** The validator's normal form of {@code html}. */
    static String normalize(String html) {
        FortunesHtml parser = new FortunesHtml();
        parser.feed(html);
        return parser.body.toString();
    }

    /** The first line where {@code html}'s normal form departs from the expected page, or null when it does not. */
    static String firstDifference(String html) {
        String[] expected = EXPECTED.split("\n", -1);
        String[] actual = normalize(html).split("\n", -1);
        for (int i = 0; i < Math.max(expected.length, actual.length); i++) {
            String want = i < expected.length ? expected[i] : "(nothing)";
            String got = i < actual.length ? actual[i] : "(nothing)";
            if (!want.equals(got)) {
                return "line " + (i + 1) + " of the normalized page is `" + got + "`, expected `" + want + "`";
            }
        }
        return null;
    }

    private void feed(String html) {
        int at = 0;
        int text = 0;   // start of the pending text run
        while (at < html.length()) {
            char c = html.charAt(at);
            if (c != '<' && c != '&') {
                at++;
                continue;
            }
            data(html.substring(text, at));   // the text before comes first
            text = at;
            int next = markup(html, at);
            if (next == at) {   // a lone '<' or '&' is text
                at++;
                continue;
            }
            text = next;
            at = next;
        }
        data(html.substring(text));
    }

    /** Handles the markup starting at {@code at} and returns where it ends, or {@code at} when it is text. */
    private int markup(String html, int at) {
        if (html.startsWith("<!--", at)) {
            int end = html.indexOf("-->", at + 4);
            return end < 0 ? html.length() : end + 3;
        }
        if (html.startsWith("<!", at)) {
            int end = html.indexOf('>', at);
            if (end < 0) {
                return at;
            }
            append("<!" + html.substring(at + 2, end).toLowerCase(Locale.ROOT) + ">");
            return end + 1;
        }
        boolean numeric = at + 1 < html.length() && html.charAt(at + 1) == '#';
        Pattern pattern = html.charAt(at) == '<' ? TAG : numeric ? CHARREF : ENTITYREF;
        Matcher m = pattern.matcher(html).region(at, html.length());
        if (!m.lookingAt()) {
            return at;
        }
        if (html.charAt(at) == '&') {
            if (pattern == CHARREF) {
                charref(m.group(1).toLowerCase(Locale.ROOT));
            } else {
                append(m.group(1).equals("mdash") ? "—" : "&" + m.group(1) + ";");
            }
            return m.end();
        }
        String tag = m.group(2).toLowerCase(Locale.ROOT);
        boolean end = !m.group(1).isEmpty();
        if (!end) {
            append("<" + tag + ">");
            if (tag.equals("table") || tag.equals("html")) {
                append("\n");
            }
        }
        if (end || !m.group(3).isEmpty()) {
            append("</" + tag + ">");
            if (tag.equals("tr") || tag.equals("head")) {
                append("\n");
            }
        }
        return m.end();
    }

    /** The validator keeps only these character references, each in one spelling; any other is dropped. */
    private void charref(String value) {
        String number = value.startsWith("x") ? value : value.replaceFirst("^0+(?=.)", "");
        switch (number) {
            case "34", "x22" -> append("&quot;");
            case "39", "x27" -> append("&apos;");
            case "43", "x2b" -> append("+");
            case "62", "x3e" -> append("&gt;");
            case "60", "x3c" -> append("&lt;");
            case "47", "x2f" -> append("/");
            case "40", "x28" -> append("(");
            case "41", "x29" -> append(")");
            default -> { }
        }
    }

    private void data(String data) {
        if (!data.isBlank()) {
            append(data.replace("'", "&apos;").replace("\"", "&quot;").replace(">", "&gt;"));
        }
    }

    private void append(String item) {
        inScript = item.equals("<script>") || (inScript && !item.equals("</script>"));
        if (!inScript && !IGNORED_TAGS.contains(item)) {
            body.append(item);
        }
    }
}
