package io.spool.pg.protocol;

/**
 * {@code COPY ... TO STDOUT}: each CopyData chunk is handed to the sink as it is parsed, straight from the
 * engine's input buffer, so a copy of any size needs memory for one message only. The result is the row count.
 */
public final class CopyOut extends QueryMessage<Long> {
    /** Receives one chunk of COPY data; the bytes are valid only during the call. */
    @FunctionalInterface
    public interface Sink {
        void accept(byte[] buf, int offset, int length);
    }

    private final Sink sink;
    private long rows;

    public CopyOut(String sql, Sink sink) {
        super(sql);
        this.sink = sink;
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        switch (m.type()) {
            case BackendMessage.COPY_OUT_RESPONSE, BackendMessage.COPY_DONE, BackendMessage.ROW_DESCRIPTION, BackendMessage.DATA_ROW, BackendMessage.EMPTY_QUERY_RESPONSE -> { }
            case BackendMessage.COPY_DATA -> {
                try {
                    sink.accept(m.array(), m.position(), m.remaining());
                } catch (RuntimeException e) {
                    // the sink failed (e.g. disk full): keep draining so the connection stays in sync
                    setFailure(new EngineException("58030", "COPY sink failed: " + e.getMessage(), e));
                }
            }
            case BackendMessage.COMMAND_COMPLETE -> rows = CommandTag.rowsAffected(m.readCString());
            case BackendMessage.READY_FOR_QUERY -> {
                setResult(rows);
                return true;
            }
            default -> throw new ProtocolException("unexpected message '" + (char) m.type() + "' in COPY TO STDOUT");
        }
        return false;
    }
}
