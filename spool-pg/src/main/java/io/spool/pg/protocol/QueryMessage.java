package io.spool.pg.protocol;

/**
 * A command sent as one simple-protocol Query message: the simple query itself and the COPY commands, which
 * the server answers with ReadyForQuery at the end.
 */
abstract class QueryMessage<T> extends Command<T> {
    private final String sql;

    QueryMessage(String sql) {
        this.sql = sql;
    }

    @Override
    protected boolean write(PgEngine engine, WriteBuffer out) {
        Frontend.query(out, sql);
        return true;
    }
}
