package io.spool.pg.protocol;

/**
 * {@code COPY ... FROM STDIN}: the query, then, once the server answers CopyInResponse, data chunks written by
 * the host with {@link #sendData}, ended by {@link #sendDone} (or {@link #sendFail}). The result is the row
 * count. A barrier: nothing may follow the query on the wire until the copy ends.
 */
public final class CopyIn extends QueryMessage<Long> {
    private boolean accepting;
    private long rows;

    public CopyIn(String sql) {
        super(sql);
    }

    @Override
    protected boolean isBarrier() {
        return true;
    }

    /** True once the server is in COPY IN mode and until the copy is ended. */
    public boolean isAccepting() {
        return accepting && !isFailed() && !isDone();
    }

    /** Queues one CopyData message on the engine's output. */
    public void sendData(PgEngine engine, byte[] data, int offset, int length) {
        if (!isAccepting()) {
            throw new IllegalStateException("the server is not accepting COPY data");
        }
        Frontend.copyData(engine.output(), data, offset, length);
    }

    public void sendDone(PgEngine engine) {
        if (isAccepting()) {
            accepting = false;
            Frontend.copyDone(engine.output());
        }
    }

    /** Aborts the copy; the server answers with an error carrying {@code reason}, and nothing is stored. */
    public void sendFail(PgEngine engine, String reason) {
        if (isAccepting()) {
            accepting = false;
            Frontend.copyFail(engine.output(), reason);
        }
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        switch (m.type()) {
            case BackendMessage.COPY_IN_RESPONSE -> accepting = true;
            case BackendMessage.COMMAND_COMPLETE -> rows = CommandTag.rowsAffected(m.readCString());
            case BackendMessage.ROW_DESCRIPTION, BackendMessage.DATA_ROW, BackendMessage.EMPTY_QUERY_RESPONSE -> { }
            case BackendMessage.READY_FOR_QUERY -> {
                accepting = false;
                setResult(rows);
                return true;
            }
            default -> throw new ProtocolException("unexpected message '" + (char) m.type() + "' in COPY FROM STDIN");
        }
        return false;
    }

    @Override
    protected void onFinish() {
        accepting = false;
    }
}
