package io.spool.pg.protocol;

import java.util.List;

/**
 * One statement executed with many parameter sets under a single Sync: one round trip, and one implicit
 * transaction, so either every set is applied or (on an error) none is. The result is the rows affected by each.
 */
public final class Batch extends Command<long[]> {
    private final PreparedStatement statement;
    private final List<Object[]> parameterSets;
    private final long[] counts;
    private int completed;
    private PgEngine engine;

    Batch(PreparedStatement statement, List<Object[]> parameterSets) {
        this.statement = statement;
        this.parameterSets = parameterSets;
        this.counts = new long[parameterSets.size()];
    }

    @Override
    protected boolean write(PgEngine engine, WriteBuffer out) {
        if (failedToPrepare(statement)) {
            return false;
        }
        this.engine = engine;
        for (Object[] params : parameterSets) {
            ExtendedQuery.checkArity(statement, params);
            ExtendedQuery.writeBind(engine, statement, params, out);
            Frontend.execute(out, "", 0);
        }
        Frontend.sync(out);
        return true;
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        switch (m.type()) {
            case BackendMessage.BIND_COMPLETE, BackendMessage.DATA_ROW, BackendMessage.NO_DATA, BackendMessage.PORTAL_SUSPENDED -> { }
            case BackendMessage.COMMAND_COMPLETE -> {
                counts[completed++] = CommandTag.rowsAffected(m.readCString());
            }
            case BackendMessage.EMPTY_QUERY_RESPONSE -> completed++;
            case BackendMessage.READY_FOR_QUERY -> {
                setResult(counts);
                return true;
            }
            default -> throw new ProtocolException("unexpected message '" + (char) m.type() + "' in a batch");
        }
        return false;
    }

    @Override
    protected void onFinish() {
        if (engine != null) {
            engine.invalidateAfter(statement, failure());  // as ExtendedQuery: a forgotten statement is prepared anew
        }
    }
}
