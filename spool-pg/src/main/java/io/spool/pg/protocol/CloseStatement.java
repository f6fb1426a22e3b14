package io.spool.pg.protocol;

/** Close(statement) + Sync: deallocates a statement evicted from the cache. */
final class CloseStatement extends Command<Void> {
    private final PreparedStatement statement;

    CloseStatement(PreparedStatement statement) {
        this.statement = statement;
    }

    @Override
    protected boolean write(PgEngine engine, WriteBuffer out) {
        Frontend.close(out, 'S', statement.name);
        Frontend.sync(out);
        return true;
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        if (m.type() == BackendMessage.CLOSE_COMPLETE) {
            return false;
        }
        if (m.type() == BackendMessage.READY_FOR_QUERY) {
            return true;
        }
        throw new ProtocolException("unexpected message '" + (char) m.type() + "' closing a statement");
    }
}
