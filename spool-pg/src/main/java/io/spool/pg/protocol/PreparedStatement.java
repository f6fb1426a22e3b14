package io.spool.pg.protocol;

/**
 * A server-side prepared statement of one connection: its name, SQL, the parameter types the server settled
 * on and the result columns (with the format chosen for each). Created by the {@link StatementCache}, filled in
 * by {@link Prepare}.
 */
public final class PreparedStatement {
    enum State { PREPARING, READY, FAILED }

    final String name;
    final String sql;
    final int[] hintOids;
    State state = State.PREPARING;
    EngineException error;
    int[] parameterOids;
    ColumnDescription[] columns;
    short[] resultFormats;

    PreparedStatement(String name, String sql, int[] hintOids) {
        this.name = name;
        this.sql = sql;
        this.hintOids = hintOids;
    }

    public String name() {
        return name;
    }

    public String sql() {
        return sql;
    }
}
