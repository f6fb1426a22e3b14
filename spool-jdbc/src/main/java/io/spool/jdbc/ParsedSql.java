package io.spool.jdbc;

import java.util.List;

/**
 * A JDBC statement's text after {@link SqlLexer}: the SQL with {@code ?} placeholders numbered {@code $1, $2,
 * ...}, how many there are, and the first words of each statement it holds (upper-cased, e.g. {@code "SET"},
 * {@code "CREATE TEMP"}), and whether it leaves session state behind ({@link SessionState}), which shared mode
 * reads to choose the connection, and whether it has a top-level {@code RETURNING} (not one inside a
 * {@code WITH} clause or a subquery).
 */
public record ParsedSql(String sql, int parameterCount, List<String> statementHeads, boolean leavesSessionState,
                        boolean hasReturning, List<Integer> placeholderEnds) {

    public ParsedSql(String sql, int parameterCount, List<String> statementHeads, boolean hasReturning,
                     List<Integer> placeholderEnds) {
        this(sql, parameterCount, statementHeads, SessionState.leftBy(sql, statementHeads), hasReturning,
                placeholderEnds);
    }

    /**
     * This statement with {@code ::type} after the placeholders whose {@code types} entry is set (1-based
     * parameter {@code i} at index {@code i - 1}): how a NULL bound with {@code setNull(i, Types.INTEGER)}
     * reaches the server typed, where nothing else in the statement would tell its type ({@code ? IS NULL}).
     */
    public ParsedSql withCasts(String[] types) {
        StringBuilder out = new StringBuilder(sql);
        for (int i = Math.min(types.length, placeholderEnds.size()) - 1; i >= 0; i--) {
            if (types[i] != null) {
                out.insert(placeholderEnds.get(i), "::" + types[i]);
            }
        }
        return new ParsedSql(out.toString(), parameterCount, statementHeads, leavesSessionState, hasReturning, List.of());
    }

    /** Whether the text holds more than one statement (the simple protocol is then needed). */
    public boolean isMultiStatement() {
        return statementHeads.size() > 1;
    }

    /** The first words of the first statement, or {@code ""} for an empty text. */
    public String head() {
        return statementHeads.isEmpty() ? "" : statementHeads.get(0);
    }
}
