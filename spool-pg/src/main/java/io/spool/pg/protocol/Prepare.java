package io.spool.pg.protocol;

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
    private java.util.Set<Integer> unknownTypes = java.util.Set.of();
    /** Set once the pg_type question is sent; its answer ends this command. */
    private ArrayTypeLookup lookup;

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
            case BackendMessage.PARSE_COMPLETE -> { }
            case BackendMessage.PARAMETER_DESCRIPTION -> {
                int n = m.readUnsignedInt16();
                int[] oids = new int[n];
                for (int i = 0; i < n; i++) {
                    oids[i] = m.readInt32();
                }
                statement.parameterOids = oids;
            }
            case BackendMessage.ROW_DESCRIPTION -> {
                if (lookup != null) {
                    return false;  // the pg_type answer's own description
                }
                ColumnDescription[] columns = RowDescriptions.parse(m, codecs);
                short[] formats = new short[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    formats[i] = (short) (columns[i].binary() ? 1 : 0);
                }
                statement.columns = columns;
                statement.resultFormats = formats;
                unknownTypes = engine.typesToLookUp(columns);
            }
            case BackendMessage.DATA_ROW -> {
                if (lookup == null) {
                    throw new ProtocolException("DataRow while preparing");
                }
                lookup.row(m);
            }
            case BackendMessage.COMMAND_COMPLETE -> {
                if (lookup == null) {
                    throw new ProtocolException("CommandComplete while preparing");
                }
            }
            case BackendMessage.NO_DATA -> {
                statement.columns = new ColumnDescription[0];
                statement.resultFormats = new short[0];
            }
            case BackendMessage.READY_FOR_QUERY -> {
                if (lookup != null) {
                    lookup.register(engine);
                    return true;
                }
                if (statement.parameterOids == null || statement.columns == null) {
                    throw new ProtocolException("statement description is incomplete");
                }
                if (unknownTypes.isEmpty()) {
                    return true;
                }
                // columns of types without a codec: ask pg_type once which are arrays, before the first Bind
                lookup = new ArrayTypeLookup(unknownTypes);
                lookup.write(engine.output());
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
