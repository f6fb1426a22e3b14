package io.spool.pg.protocol;

import io.spool.pg.types.Codecs;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple-protocol Query: one string that may hold several statements, no parameters, text results. The
 * result has one {@link DataRows} per statement; an error stops the statements after it (the server runs the
 * string as one implicit transaction unless it holds its own BEGIN/COMMIT).
 */
public final class SimpleQuery extends QueryMessage<List<DataRows>> {
    private final Codecs codecs;
    private final List<DataRows> results = new ArrayList<>();
    private DataRows current;

    SimpleQuery(String sql, Codecs codecs) {
        super(sql);
        this.codecs = codecs;
    }

    /**
     * A barrier: the string may hold a COPY FROM STDIN, and a server in COPY IN mode treats any pipelined
     * message behind the query as a protocol violation (FATAL). Later commands wait for its ReadyForQuery.
     */
    @Override
    protected boolean isBarrier() {
        return true;
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        switch (m.type()) {
            case BackendMessage.ROW_DESCRIPTION -> current = new DataRows(RowDescriptions.parse(m, null), codecs);
            case BackendMessage.DATA_ROW -> {
                if (current == null) {
                    throw new ProtocolException("DataRow without RowDescription");
                }
                current.addDataRow(m.array(), m.position(), m.end());
                EngineException tooLarge = engine.resultTooLarge(current);
                if (tooLarge != null) {
                    setFailure(tooLarge);   // the engine now drops everything up to the ReadyForQuery
                    current = null;
                    results.clear();
                }
            }
            case BackendMessage.COMMAND_COMPLETE, BackendMessage.EMPTY_QUERY_RESPONSE -> {
                DataRows done = current != null ? current : DataRows.none(codecs);
                done.complete(m.type() == BackendMessage.COMMAND_COMPLETE ? m.readCString() : "");
                results.add(done);
                current = null;
            }
            case BackendMessage.COPY_IN_RESPONSE -> Frontend.copyFail(engine.output(), "COPY FROM STDIN is not supported through a simple query");
            case BackendMessage.COPY_OUT_RESPONSE, BackendMessage.COPY_DATA, BackendMessage.COPY_DONE -> setFailure(new EngineException(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY TO STDOUT is not supported through a simple query"));
            case BackendMessage.READY_FOR_QUERY -> {
                setResult(results);
                return true;
            }
            default -> throw new ProtocolException("unexpected message '" + (char) m.type() + "' in a simple query");
        }
        return false;
    }
}
