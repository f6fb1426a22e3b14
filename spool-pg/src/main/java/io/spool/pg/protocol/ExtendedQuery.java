package io.spool.pg.protocol;

/**
 * Bind + Execute (+ Sync) of a prepared statement with parameter values, collecting the result rows. With
 * {@code sync} false it shares the next Sync with the commands after it (a pipeline sync group), so an error
 * in it makes the server skip them too.
 */
public final class ExtendedQuery extends Command<DataRows> {
    private final PreparedStatement statement;
    private final Object[] params;
    private final boolean sync;
    private DataRows rows;
    private PgEngine engine;
    private boolean copyRefused;

    ExtendedQuery(PreparedStatement statement, Object[] params, boolean sync) {
        this.statement = statement;
        this.params = params;
        this.sync = sync;
    }

    @Override
    protected boolean endsWithSync() {
        return sync;
    }

    @Override
    protected boolean write(PgEngine engine, WriteBuffer out) {
        if (failedToPrepare(statement)) {
            return false;
        }
        checkArity(statement, params);
        this.engine = engine;
        rows = new DataRows(statement.columns, engine.codecs());
        writeBind(engine, statement, params, out);
        Frontend.execute(out, "", 0);
        if (sync) {
            Frontend.sync(out);
        }
        return true;
    }

    static void checkArity(PreparedStatement statement, Object[] params) {
        int expected = statement.parameterOids.length;
        if (params.length != expected) {
            throw new PgArityException(expected, params.length);
        }
    }

    /** Bind of the unnamed portal, each value encoded as the type the server settled on. */
    static void writeBind(PgEngine engine, PreparedStatement statement, Object[] params, WriteBuffer out) {
        int[] oids = statement.parameterOids;
        Frontend.bind(out, "", statement.name, params,
                (i, value, buf) -> engine.codecs().encode(value, oids[i], buf), statement.resultFormats);
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        switch (m.type()) {
            case BackendMessage.BIND_COMPLETE, BackendMessage.PORTAL_SUSPENDED, BackendMessage.CLOSE_COMPLETE, BackendMessage.NO_DATA -> { }
            case BackendMessage.DATA_ROW -> {
                rows.addDataRow(m.array(), m.position(), m.end());
                EngineException tooLarge = engine.resultTooLarge(rows);
                if (tooLarge != null) {
                    setFailure(tooLarge);   // the engine now drops everything up to the ReadyForQuery
                    rows = null;
                }
            }
            case BackendMessage.COMMAND_COMPLETE -> {
                rows.complete(m.readCString());
                return completeUnlessSynced();
            }
            case BackendMessage.EMPTY_QUERY_RESPONSE -> {
                rows.complete("");
                return completeUnlessSynced();
            }
            case BackendMessage.COPY_IN_RESPONSE -> {
                // COPY FROM STDIN through a plain query: refuse it so the server ends the statement with an error
                copyRefused = true;
                Frontend.copyFail(engine.output(), "COPY FROM STDIN is not supported through query(); use the copy API");
                // the server ignored our Sync while in copy-in mode and now discards input until the next one
                Frontend.sync(engine.output());
            }
            case BackendMessage.COPY_OUT_RESPONSE, BackendMessage.COPY_DATA, BackendMessage.COPY_DONE -> setFailure(new EngineException(SqlState.FEATURE_NOT_SUPPORTED,
                    "COPY TO STDOUT is not supported through query(); use the copy API"));
            case BackendMessage.READY_FOR_QUERY -> {
                if (!isFailed()) {
                    setResult(rows);
                }
                return true;
            }
            default -> throw new ProtocolException("unexpected message '" + (char) m.type() + "' in a query");
        }
        return false;
    }

    private boolean completeUnlessSynced() {
        if (!sync) {
            setResult(rows);
            return true;
        }
        return false;
    }

    @Override
    protected void onFinish() {
        if (isFailed()) {
            rows = null;  // a failed result's rows are unreachable: let them go even if the command is still held
        }
        // a statement the server forgot (DISCARD/DEALLOCATE) or whose result type changed must be prepared anew
        if (engine != null && !copyRefused) {
            engine.invalidateAfter(statement, failure());
        }
    }
}
