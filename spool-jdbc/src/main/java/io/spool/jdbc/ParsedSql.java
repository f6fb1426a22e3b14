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
                        boolean hasReturning) {

    public ParsedSql(String sql, int parameterCount, List<String> statementHeads, boolean hasReturning) {
        this(sql, parameterCount, statementHeads, SessionState.leftBy(sql, statementHeads), hasReturning);
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
