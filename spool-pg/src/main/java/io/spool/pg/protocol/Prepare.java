package io.spool.pg.protocol;

import io.spool.pg.Column;
import io.spool.pg.types.Codecs;

/**
 * Parse + Describe(statement) + Sync for a statement the cache has not seen: the answer gives the parameter
 * types (so values are encoded as the server expects) and the result columns (so each is requested in the
 * best format). A barrier, since the Binds queued behind it depend on that answer.
 */
final class Prepare extends Command<PreparedStatement> {
    private final PreparedStatement statement;
    private final Codecs codecs;
    private PgEngine engine;

    Prepare(PreparedStatement statement, Codecs codecs) {
        this.statement = statement;
        this.codecs = codecs;
    }

    @Override
    protected boolean write(PgEngine engine, WriteBuffer out) {
        this.engine = engine;
        // types for the placeholders only: declared extras would make the server accept values it then ignores
        int declared = Math.min(statement.hintOids.length, Placeholders.highest(statement.sql));
        Frontend.parse(out, statement.name, statement.sql, java.util.Arrays.copyOf(statement.hintOids, declared));
        Frontend.describe(out, 'S', statement.name);
        Frontend.sync(out);
        return true;
    }

    @Override
    protected boolean isBarrier() {
        return true;
    }

    @Override
    protected boolean handle(MessageReader m, PgEngine engine) {
        switch (m.type()) {
            case '1' -> { }
            case 't' -> {
                int n = m.readUnsignedInt16();
                int[] oids = new int[n];
                for (int i = 0; i < n; i++) {
                    oids[i] = m.readInt32();
                }
                statement.parameterOids = oids;
            }
            case 'T' -> {
                Column[] columns = RowDescriptions.parse(m, codecs);
                short[] formats = new short[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    formats[i] = (short) (columns[i].binary() ? 1 : 0);
                }
                statement.columns = columns;
                statement.resultFormats = formats;
            }
            case 'n' -> {
                statement.columns = new Column[0];
                statement.resultFormats = new short[0];
            }
            case 'Z' -> {
                if (statement.parameterOids == null || statement.columns == null) {
                    throw new ProtocolException("statement description is incomplete");
                }
                return true;
            }
            default -> throw new ProtocolException("unexpected message '" + (char) m.type() + "' while preparing");
        }
        return false;
    }

    @Override
    protected void onFinish() {
        if (isFailed()) {
            statement.state = PreparedStatement.State.FAILED;
            statement.error = failure();
            if (engine != null) {
                engine.invalidate(statement);  // the next use prepares it afresh
            }
        } else {
            statement.state = PreparedStatement.State.READY;
            setResult(statement);
        }
    }
}
