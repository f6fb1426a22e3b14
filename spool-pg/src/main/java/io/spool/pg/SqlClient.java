package io.spool.pg;

import java.util.List;

/**
 * What both a connection and a pool can do: run queries and commands, batches and transactions. Code that
 * takes a {@code SqlClient} works the same inside a transaction (given the connection) and outside it.
 */
public interface SqlClient {

    /** Runs one statement with {@code $1, $2, ...} parameters and returns its rows (binary-decoded). */
    RowSet query(String sql, Object... params);

    /**
     * Runs a command and returns the rows it affected. Without parameters it uses the simple protocol, so
     * {@code sql} may hold several statements (the count is the last one's).
     */
    long execute(String sql, Object... params);

    /** Runs one statement once per parameter set in a single round trip; all sets apply or none. */
    long[] batch(String sql, List<Object[]> parameterSets);

    /**
     * Runs {@code body} in a transaction: commits when it returns, rolls back when it throws (and rethrows).
     * Nested calls use a savepoint.
     */
    <T> T inTransaction(TransactionBody<T> body);

    /** The body of a transaction, given the connection the transaction runs on. */
    @FunctionalInterface
    interface TransactionBody<T> {
        T run(PgConnection tx) throws Exception;
    }
}
