package io.spool.pg.protocol;

/**
 * Finds the highest parameter placeholder ({@code $1}, {@code $2}, ...) in a statement, skipping string
 * literals ({@code '...'}, {@code E'...'}), quoted identifiers, dollar-quoted bodies and comments. The count is
 * needed because a Parse that declares a type for every value given makes the server accept (and silently
 * ignore) values the statement never uses; declaring only as many types as the statement has placeholders lets
 * the server's ParameterDescription report the true count. When unsure it answers high, which errs towards
 * today's behaviour rather than refusing a valid statement.
 */
final class Placeholders {
    private Placeholders() {}

    static int highest(String sql) {
        int highest = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'') {
                boolean escapes = i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentifierPart(sql.charAt(i - 2)));
                i = endOfQuoted(sql, i + 1, '\'', escapes);
            } else if (c == '"') {
                i = endOfQuoted(sql, i + 1, '"', false);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = endOfBlockComment(sql, i + 2);
            } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && Character.isDigit(sql.charAt(j))) {
                    j++;
                }
                if (j > i + 1) {
                    highest = Math.max(highest, parse(sql, i + 1, j));
                    i = j;
                } else {
                    i = endOfDollarQuote(sql, i);
                }
            } else {
                i++;
            }
        }
        return highest;
    }

    private static int parse(String sql, int from, int to) {
        try {
            return Integer.parseInt(sql, from, to, 10);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;  // absurdly many: the server will say so
        }
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /** The index after the closing quote; a doubled quote (and with {@code escapes}, a backslash) escapes. */
    private static int endOfQuoted(String sql, int i, char quote, boolean escapes) {
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (escapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return n;
    }

    /** Block comments nest in PostgreSQL. */
    private static int endOfBlockComment(String sql, int i) {
        int depth = 1;
        int n = sql.length();
        while (i < n && depth > 0) {
            if (sql.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (sql.startsWith("*/", i)) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        }
        return i;
    }

    /** At a {@code $} that does not start a placeholder: skips a {@code $tag$...$tag$} body, or just the {@code $}. */
    private static int endOfDollarQuote(String sql, int start) {
        int n = sql.length();
        int j = start + 1;
        while (j < n && sql.charAt(j) != '$') {
            char c = sql.charAt(j);
            if (!(Character.isLetter(c) || c == '_' || (j > start + 1 && Character.isDigit(c)))) {
                return start + 1;  // not a tag
            }
            j++;
        }
        if (j >= n) {
            return start + 1;
        }
        String tag = sql.substring(start, j + 1);
        int close = sql.indexOf(tag, j + 1);
        return close < 0 ? n : close + tag.length();
    }
}
