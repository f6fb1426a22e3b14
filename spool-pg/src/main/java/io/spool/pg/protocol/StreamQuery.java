package io.spool.pg.protocol;

import java.util.ArrayDeque;

/**
 * A query whose rows arrive in batches of at most {@code fetchSize}: Bind, then Execute with that row limit and
 * a Flush (no Sync, so the unnamed portal lives on in the implicit transaction). Each {@code PortalSuspended}
 * ends a batch; the next Execute is written only when the caller takes a batch with {@link #nextBatch}, so at
 * most three batches are in memory (the caller's, one ready, one arriving) whatever the result's size, and a
 * slow reader slows the server instead of filling the heap. CommandComplete ends the rows and the Sync is
 * written then; {@link #close} ends the portal early. The result is the command tag.
 *
 * <p>A barrier: a command written behind it would replace its portal, so later ones wait until it is done.
 */
public final class StreamQuery extends Command<String> {
    private final PreparedStatement statement;
    private final Object[] params;
    private final int fetchSize;
    private final ArrayDeque<DataRows> ready = new ArrayDeque<>(2);
    private DataRows filling;
    /** The portal waits for our next Execute. */
    private boolean suspended;
    /** Our Sync is written: the ReadyForQuery that ends the command will come. */
    private boolean synced;
    private boolean closed;
    private String tag = "";
    private long rows;
    private Runnable progressListener;

    StreamQuery(PreparedStatement statement, Object[] params, int fetchSize) {
        this.statement = statement;
        this.params = params;
        this.fetchSize = fetchSize;
    }

    @Override
    protected boolean isBarrier() {
        return true;
    }

    @Override
    protected boolean write(PgEngine engine, WriteBuffer out) {
        if (failedToPrepare(statement)) {
            return false;
        }
        ExtendedQuery.checkArity(statement, params);
        filling = new DataRows(statement.columns, engine.codecs());
        ExtendedQuery.writeBind(engine, statement, params, out);
        executeMore(out);
        return true;
    }

    private void executeMore(WriteBuffer out) {
        Frontend.execute(out, "", fetchSize);
        Frontend.flush(out);   // without a Sync the server holds its answer until told to flush
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        switch (m.type()) {
            case BackendMessage.BIND_COMPLETE, BackendMessage.NO_DATA -> { }
            case BackendMessage.DATA_ROW -> {
                if (!closed) {
                    filling.addDataRow(m.array(), m.position(), m.end());
                    rows++;
                    EngineException tooLarge = engine.resultTooLarge(filling);
                    if (tooLarge != null) {   // a batch of huge rows: the fetch size is too big for them
                        setFailure(tooLarge);
                        onServerError(engine);
                        filling = null;
                    }
                }
            }
            case BackendMessage.PORTAL_SUSPENDED -> {
                if (!closed) {
                    ready.add(filling);
                    filling = new DataRows(statement.columns, engine.codecs());
                    suspended = true;
                    progressed();
                }
            }
            case BackendMessage.COMMAND_COMPLETE, BackendMessage.EMPTY_QUERY_RESPONSE -> {
                tag = m.type() == BackendMessage.COMMAND_COMPLETE ? wholeTag(m.readCString()) : "";
                if (!closed) {
                    ready.add(filling);
                }
                filling = null;
                sync(engine);
                progressed();
            }
            case BackendMessage.COPY_IN_RESPONSE, BackendMessage.COPY_OUT_RESPONSE -> {
                setFailure(new EngineException(SqlState.FEATURE_NOT_SUPPORTED,
                        "COPY is not supported through a row stream; use copyIn / copyOut"));
                if (m.type() == BackendMessage.COPY_IN_RESPONSE) {
                    Frontend.copyFail(engine.output(), "COPY is not supported through a row stream");
                }
                onServerError(engine);
            }
            case BackendMessage.READY_FOR_QUERY -> {
                if (!isFailed()) {
                    setResult(tag);
                }
                return true;
            }
            default -> throw new ProtocolException("unexpected message '" + (char) m.type() + "' in a row stream");
        }
        return false;
    }

    /** The server counts only the last Execute's rows in a SELECT tag; the caller wants the whole result's. */
    private String wholeTag(String lastExecuteTag) {
        return lastExecuteTag.startsWith("SELECT ") ? "SELECT " + rows : lastExecuteTag;
    }

    private void sync(PgEngine engine) {
        if (!synced) {
            synced = true;
            Frontend.sync(engine.output());
        }
    }

    @Override
    protected void onServerError(PgEngine engine) {
        sync(engine);   // the server skips to a Sync we have not sent yet
    }

    @Override
    protected void onFinish() {
        filling = null;
        progressed();
    }

    private void progressed() {
        if (progressListener != null) {
            progressListener.run();
        }
    }

    /**
     * Takes the next batch that has arrived, writing the Execute for the one after it (send the engine's output
     * afterwards); null when none is ready yet or the rows are over ({@link #isExhausted()} tells which). Once
     * the ready batches are taken, a failure is thrown.
     */
    public DataRows nextBatch(PgEngine engine) {
        DataRows batch = ready.poll();
        if (batch == null) {
            if (isDone() && !closed) {
                result();  // throws the failure, if any
            }
            return null;
        }
        if (suspended && !closed && !isFailed()) {
            suspended = false;
            executeMore(engine.output());
        }
        return batch;
    }

    /** Whether {@link #nextBatch} has a batch to give now (or a failure to throw). */
    public boolean hasBatch() {
        return !ready.isEmpty() || (isDone() && isFailed() && !closed);
    }

    /** True once every row has been taken (or the stream was closed, or failed and its failure was seen). */
    public boolean isExhausted() {
        return isDone() && ready.isEmpty();
    }

    /**
     * Gives up the rest of the rows: writes the Sync that ends the portal (send the engine's output afterwards);
     * rows still arriving are dropped. The command is done at the ReadyForQuery that follows.
     */
    public void close(PgEngine engine) {
        if (closed) {
            return;
        }
        closed = true;
        ready.clear();
        if (!isDone()) {
            sync(engine);
        }
    }

    /** Runs on the engine's thread whenever a batch becomes ready or the command ends. */
    public void onProgress(Runnable listener) {
        this.progressListener = listener;
    }

    public int fetchSize() {
        return fetchSize;
    }
}
