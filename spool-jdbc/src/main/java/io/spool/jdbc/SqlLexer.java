package io.spool.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites JDBC's {@code ?} placeholders to PostgreSQL's {@code $n} with a real lexer, so that a {@code ?}
 * inside a string ({@code '...'}, {@code E'...'} with backslash escapes), a quoted identifier, a dollar-quoted
 * body ({@code $$...$$}, {@code $tag$...$tag$}), a line comment or a (nested) block comment is left alone.
 * Outside them {@code ??} stands for one literal {@code ?} (the JSON key-exists operator), and {@code ?|} and
 * {@code ?&} (the jsonb any/all-keys operators) are left intact unless a second {@code |} or {@code &} follows
 * ({@code ?||} is a placeholder and a concatenation). JDBC escapes {@code {fn ...}}, {@code {d '...'}},
 * {@code {t '...'}}, {@code {ts '...'}} and {@code {oj ...}} are translated. It also notes the first words of
 * each statement ({@code ;}-separated at top level).
 */
public final class SqlLexer {
    private final String in;
    private final StringBuilder out;
    private final List<String> heads = new ArrayList<>();
    /** Where each {@code $n} made from a {@code ?} ends in the output, in order. */
    private final List<Integer> placeholderEnds = new ArrayList<>();
    private int pos;
    private int parameters;
    private StringBuilder head = new StringBuilder();
    private int headWords;
    private boolean headDone;
    /** Open JDBC escapes ({@code {fn ...}}): their closing braces are dropped. */
    private int escapeDepth;
    private boolean escapes = true;
    /** For {@link #closes}: stop at the first top-level closing brace. */
    private boolean stopAtBrace;
    private boolean sawClosingBrace;
    private int depth;
    private boolean returning;

    private SqlLexer(String sql) {
        this.in = sql;
        this.out = new StringBuilder(sql.length() + 8);
    }

    private static final int CACHE_SIZE = 2048;
    private static final java.util.concurrent.ConcurrentHashMap<String, ParsedSql> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #parse(String, boolean) parse(sql, true)}, remembered: prepared statements repeat the same texts,
     * and lexing each again would cost more than the query's own encoding. Up to 2,048 texts; then it starts over.
     */
    public static ParsedSql cached(String sql) {
        ParsedSql p = CACHE.get(sql);
        if (p == null) {
            if (CACHE.size() >= CACHE_SIZE) {
                CACHE.clear();
            }
            p = parse(sql, true);
            CACHE.put(sql, p);
        }
        return p;
    }

    /** Parses {@code sql}; {@code rewritePlaceholders} false leaves every {@code ?} as it is (plain Statement). */
    public static ParsedSql parse(String sql, boolean rewritePlaceholders) {
        return parse(sql, rewritePlaceholders, true);
    }

    /** As {@link #parse(String, boolean)}; {@code escapes} false leaves JDBC escapes ({@code {fn ...}}) as text. */
    public static ParsedSql parse(String sql, boolean rewritePlaceholders, boolean escapes) {
        SqlLexer lexer = new SqlLexer(sql);
        lexer.escapes = escapes;
        lexer.run(rewritePlaceholders);
        return new ParsedSql(lexer.out.toString(), lexer.parameters, List.copyOf(lexer.heads), lexer.returning,
                List.copyOf(lexer.placeholderEnds));
    }

    private void run(boolean rewrite) {
        int n = in.length();
        while (pos < n) {
            char c = in.charAt(pos);
            if (c == '\'') {
                boolean escapes = pos > 0 && (in.charAt(pos - 1) == 'E' || in.charAt(pos - 1) == 'e')
                        && (pos < 2 || !isIdentifierPart(in.charAt(pos - 2)));
                noteWordBreak();
                copyQuoted('\'', escapes);
            } else if (c == '"') {
                noteHeadChar(c);
                copyQuoted('"', false);
            } else if (c == '-' && peek(1) == '-') {
                noteWordBreak();
                copyLineComment();
            } else if (c == '/' && peek(1) == '*') {
                noteWordBreak();
                copyBlockComment();
            } else if (c == '$' && startsDollarQuote()) {
                noteWordBreak();
                copyDollarQuoted();
            } else if (c == '?' && rewrite) {
                placeholder();
            } else if (c == ';') {
                endStatement();
                out.append(c);
                pos++;
            } else if (c == '{' && escapes && escapeStart()) {
                // handled
            } else if (c == '}' && stopAtBrace) {
                sawClosingBrace = true;
                return;
            } else if (c == '}' && escapeDepth > 0) {
                escapeDepth--;
                pos++;
            } else if (Character.isLetter(c) || c == '_') {
                word();
            } else {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                noteHeadChar(c);
                out.append(c);
                pos++;
            }
        }
        endStatement();
    }

    /** An identifier or keyword: copied whole, noted for the statement head and for a top-level RETURNING. */
    private void word() {
        int start = pos;
        while (pos < in.length() && isIdentifierPart(in.charAt(pos))) {
            pos++;
        }
        String w = in.substring(start, pos);
        if (depth == 0 && w.equalsIgnoreCase("returning")) {
            returning = true;
        }
        for (int i = 0; i < w.length(); i++) {
            noteHeadChar(w.charAt(i));
        }
        out.append(w);
    }

    private void placeholder() {
        char next = peek(1);
        if (next == '?') {
            out.append('?');  // ?? is one literal ?
            pos += 2;
        } else if ((next == '|' || next == '&') && peek(2) != next) {
            out.append('?').append(next);  // jsonb ?| and ?& operators
            pos += 2;
        } else {
            out.append('$').append(++parameters);
            placeholderEnds.add(out.length());
            pos++;
        }
        noteWordBreak();
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < in.length() ? in.charAt(at) : '\0';
    }

    private void copyQuoted(char quote, boolean backslashEscapes) {
        int start = pos++;
        int n = in.length();
        while (pos < n) {
            char c = in.charAt(pos++);
            if (backslashEscapes && c == '\\') {
                pos++;
            } else if (c == quote) {
                if (pos < n && in.charAt(pos) == quote) {
                    pos++;  // doubled quote
                } else {
                    break;
                }
            }
        }
        out.append(in, start, Math.min(pos, n));
    }

    private void copyLineComment() {
        int end = in.indexOf('\n', pos);
        end = end < 0 ? in.length() : end;
        out.append(in, pos, end);
        pos = end;
    }

    private void copyBlockComment() {
        int start = pos;
        int depth = 0;
        int n = in.length();
        while (pos < n) {
            if (in.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (in.startsWith("*/", pos)) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    break;
                }
            } else {
                pos++;
            }
        }
        out.append(in, start, Math.min(pos, n));
    }

    /** {@code $$} or {@code $tag$} where the {@code $} does not continue an identifier and is no {@code $1}. */
    private boolean startsDollarQuote() {
        if (pos > 0 && isIdentifierPart(in.charAt(pos - 1))) {
            return false;
        }
        int i = pos + 1;
        if (i < in.length() && Character.isDigit(in.charAt(i))) {
            return false;
        }
        while (i < in.length() && isIdentifierPart(in.charAt(i)) && in.charAt(i) != '$') {
            i++;
        }
        return i < in.length() && in.charAt(i) == '$';
    }

    private void copyDollarQuoted() {
        int tagEnd = in.indexOf('$', pos + 1) + 1;
        String tag = in.substring(pos, tagEnd);
        int close = in.indexOf(tag, tagEnd);
        int end = close < 0 ? in.length() : close + tag.length();
        out.append(in, pos, end);
        pos = end;
    }

    /** A JDBC escape at {@code pos}: translates its opening and returns true, or returns false for a plain brace. */
    private boolean escapeStart() {
        int i = pos + 1;
        while (i < in.length() && Character.isWhitespace(in.charAt(i))) {
            i++;
        }
        int wordEnd = i;
        while (wordEnd < in.length() && Character.isLetter(in.charAt(wordEnd))) {
            wordEnd++;
        }
        String word = in.substring(i, wordEnd).toLowerCase(Locale.ROOT);
        String replacement = switch (word) {
            case "fn", "oj" -> "";
            case "d" -> "DATE ";
            case "t" -> "TIME ";
            case "ts" -> "TIMESTAMP ";
            case "escape" -> "ESCAPE ";
            default -> null;
        };
        if (replacement == null || wordEnd == i || !closes(wordEnd)) {
            return false;  // no JDBC escape, or one never closed: left as text
        }
        escapeDepth++;
        out.append(replacement);
        pos = wordEnd;
        while (pos < in.length() && Character.isWhitespace(in.charAt(pos))) {
            pos++;
        }
        return true;
    }

    /** Whether a top-level {@code }} follows {@code from} (outside quotes), so an escape opened before it ends. */
    private boolean closes(int from) {
        SqlLexer rest = new SqlLexer(in.substring(from));
        rest.escapes = false;
        rest.stopAtBrace = true;
        rest.run(false);
        return rest.sawClosingBrace;
    }

    private void noteHeadChar(char c) {
        if (headDone) {
            return;
        }
        if (Character.isLetter(c) || c == '_') {
            head.append(Character.toUpperCase(c));
        } else if (!head.isEmpty() && head.charAt(head.length() - 1) != ' ') {
            noteWordBreak();
        } else if (!Character.isWhitespace(c) && !head.isEmpty()) {
            headDone = true;
        }
    }

    private void noteWordBreak() {
        if (!headDone && !head.isEmpty() && head.charAt(head.length() - 1) != ' ') {
            head.append(' ');
            if (++headWords == 3) {
                headDone = true;
            }
        }
    }

    private void endStatement() {
        String words = head.toString().trim();
        if (!words.isEmpty()) {
            heads.add(words);
        }
        head = new StringBuilder();
        headWords = 0;
        headDone = false;
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
